import { join } from "node:path";
import type { BatchResult } from "@claid/edge";
import type { ClaidMockServer } from "@claid/msw/node";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, it } from "vitest";
import { bundle } from "../../../tests/support/bundle.ts";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";

let mock: ClaidMockServer;
let mf: Miniflare;
beforeAll(async () => {
  mock = await startMock(2);
  mf = new Miniflare({
    modules: true,
    script: await bundle(join(import.meta.dirname, "../src/worker.ts")),
    compatibilityDate: "2026-04-01",
    bindings: { CLAID_API_KEY: API_KEY, CLAID_BASE_URL: mock.url },
  });
}, 60_000);
afterAll(async () => {
  await mf.dispose();
  await mock.close();
});

it("answers with the finished batch", async () => {
  const response = await mf.dispatchFetch("http://worker.test/", {
    method: "POST",
    body: JSON.stringify(["https://img.example/a.png", "https://img.example/b.png"]),
  });
  expect(response.status).toBe(200);
  const batch = (await response.json()) as BatchResult;
  expect(batch.status).toBe("DONE");
  expect(batch.results?.map((r) => r.output_object.ext)).toEqual(["jpeg", "jpeg"]);
}, 60_000);

it("turns a failed batch into a 502 with Claid's errors", async () => {
  mock.store.planTask(["PROCESSING", "ERROR"]);
  const response = await mf.dispatchFetch("http://worker.test/", {
    method: "POST",
    body: JSON.stringify(["https://img.example/c.png"]),
  });
  expect(response.status).toBe(502);
  expect(await response.json()).toMatchObject({ errors: [{ error: expect.stringMatching(/failed/) }] });
}, 60_000);
