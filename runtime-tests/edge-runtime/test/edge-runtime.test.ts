/** Runs the suite inside Vercel's edge-runtime VM (the Edge Functions runtime) on the esbuild bundle. */
import { join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { EdgeRuntime } from "edge-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../../../tests/support/bundle.ts";
import { API_KEY, deadUrl, startMock } from "../../../tests/support/mock-server.ts";
import { expectPassed } from "../../contract/driver.ts";
import { type ContractResult, casesFor } from "../../contract/suite.ts";

let mock: ClaidMockServer;
let results: ContractResult[];

beforeAll(async () => {
  mock = await startMock();
  const runtime = new EdgeRuntime({
    initialCode: await bundle(join(import.meta.dirname, "../entry.ts"), "iife", ["edge-light", "worker", "browser"]),
  });
  const call = `runSuite(${JSON.stringify(API_KEY)}, ${JSON.stringify(mock.url)}, ${JSON.stringify(await deadUrl())})`;
  results = JSON.parse(await runtime.evaluate<Promise<string>>(call));
}, 120_000);
afterAll(() => mock.close());

describe("contract suite: Vercel edge-runtime, @claid/edge", () => {
  it("ran every case inside the Edge VM", () => {
    expect(results.map((r) => r.name)).toEqual(casesFor(true).map((c) => c.name));
  });
  it.each(casesFor(true).map((c) => c.name))("%s", (name) => expectPassed(results, name));
});
