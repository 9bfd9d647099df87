// Run by test/deno.test.ts: `deno test` on the built @claid/edge, as Deno users import it.
import * as sdk from "@claid/edge";
import { casesFor } from "../contract/suite.ts";

const baseUrl = Deno.env.get("CLAID_MOCK_URL");
const apiKey = Deno.env.get("CLAID_API_KEY");
const deadUrl = Deno.env.get("CLAID_DEAD_URL");
if (!baseUrl || !apiKey || !deadUrl) throw new Error("run through test/deno.test.ts");

for (const c of casesFor(true)) {
  Deno.test(c.name, () => c.run({ sdk, clientOptions: { apiKey, baseUrl }, keyed: true, deadUrl }));
}

Deno.test("createClaid() reads CLAID_API_KEY and CLAID_BASE_URL from Deno.env", async () => {
  Deno.env.set("CLAID_BASE_URL", baseUrl);
  try {
    const accepted = await sdk.createClaid().batches.create({ input: "storage://s/in/", operations: {} });
    if (accepted.status !== "ACCEPTED") throw new Error(`status ${accepted.status}`);
  } finally {
    Deno.env.delete("CLAID_BASE_URL");
  }
});
