// Run by test/bun.test.ts: `bun test` on the built @claid/node, as Bun users import it.
import { test } from "bun:test";
import * as sdk from "@claid/node";
import { casesFor } from "../contract/suite.ts";

const { CLAID_MOCK_URL: baseUrl, CLAID_API_KEY: apiKey, CLAID_DEAD_URL: deadUrl } = process.env;
if (!baseUrl || !apiKey || !deadUrl) throw new Error("run through test/bun.test.ts");

for (const c of casesFor(true)) {
  test(c.name, () => c.run({ sdk, clientOptions: { baseUrl }, keyed: true, deadUrl }));
}
