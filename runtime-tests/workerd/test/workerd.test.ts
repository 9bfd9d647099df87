/** Bundles worker.ts with esbuild (as wrangler would) and runs it in workerd through miniflare. */
import { join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../../../tests/support/bundle.ts";
import { startMock } from "../../../tests/support/mock-server.ts";
import { expectPassed, suiteVariables } from "../../contract/driver.ts";
import { type ContractResult, casesFor } from "../../contract/suite.ts";

let mock: ClaidMockServer;
let results: ContractResult[];
let withoutEnv: string;

beforeAll(async () => {
  mock = await startMock();
  const mf = new Miniflare({
    modules: true,
    script: await bundle(join(import.meta.dirname, "../worker.ts")),
    compatibilityDate: "2026-04-01",
    bindings: await suiteVariables(mock),
  });
  try {
    results = (await (await mf.dispatchFetch("http://worker.test/")).json()) as ContractResult[];
    withoutEnv = await (await mf.dispatchFetch("http://worker.test/without-env")).text();
  } finally {
    await mf.dispose();
  }
}, 120_000);
afterAll(() => mock.close());

describe("contract suite: Cloudflare workerd, @claid/edge", () => {
  it("ran every case", () => {
    expect(results.map((r) => r.name)).toEqual(casesFor(true).map((c) => c.name));
  });
  it.each(casesFor(true).map((c) => c.name))("%s", (name) => expectPassed(results, name));
  it("createClaid() without { env } says to pass the Worker's env", () => {
    expect(withoutEnv).toMatch(
      /^apiKey is missing\. In a Cloudflare Worker, pass the Worker's env — createClaid\(\{ env \}\)/,
    );
  });
});
