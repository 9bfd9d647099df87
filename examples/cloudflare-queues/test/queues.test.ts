/** The Queues recipe in workerd (miniflare): queues and KV run locally; Claid is the mock. */
import { join } from "node:path";
import type { BatchCheck } from "@claid/edge";
import type { ClaidMockServer } from "@claid/msw/node";
import { Miniflare } from "miniflare";
import { afterEach, describe, expect, it } from "vitest";
import { bundle } from "../../../tests/support/bundle.ts";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";
import { waitFor } from "../../../tests/support/wait-for.ts";

let mock: ClaidMockServer | undefined;
let mf: Miniflare | undefined;
afterEach(async () => {
  await mf?.dispose();
  await mock?.close();
});

async function run(plan?: ("PROCESSING" | "DONE" | "ERROR")[]): Promise<{ state: BatchCheck; gets: number }> {
  mock = await startMock(3);
  if (plan) mock.store.planTask(plan);
  mf = new Miniflare({
    modules: true,
    script: await bundle(join(import.meta.dirname, "../src/worker.ts")),
    compatibilityDate: "2026-04-01",
    bindings: { CLAID_API_KEY: API_KEY, CLAID_BASE_URL: mock.url, POLL_INTERVAL_MS: "1000" },
    queueProducers: { CHECKS: "claid-batch-checks" },
    queueConsumers: { "claid-batch-checks": { maxBatchTimeout: 0 } },
    kvNamespaces: ["RESULTS"],
  });
  const submitted = await mf.dispatchFetch("http://worker.test/batches", {
    method: "POST",
    body: JSON.stringify(["https://img.example/a.png", "https://img.example/b.png"]),
  });
  expect(submitted.status).toBe(202);
  const { taskId } = (await submitted.json()) as { taskId: number };
  const kv = await mf.getKVNamespace("RESULTS");
  const state = await waitFor(async () => {
    const stored = await kv.get(`batch:${taskId}`);
    return stored ? (JSON.parse(stored) as BatchCheck) : undefined;
  });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // would any hidden re-check still arrive?
  return { state, gets: mock.store.requestsOf("retrieve").length };
}

describe("Cloudflare Workers + Queues recipe", () => {
  it("drives a batch to DONE, one GET per queue invocation, result in KV", async () => {
    const { state, gets } = await run();
    expect(state).toMatchObject({ status: "DONE", done: true, checks: 3 });
    expect(state.result?.results).toHaveLength(2);
    expect(gets).toBe(state.checks);
    console.log(`queues recipe: 1 fetch + ${state.checks} queue invocations, 1 POST + ${gets} GETs to reach DONE`);
  }, 60_000);

  it("reports a batch that ends in ERROR instead of retrying it forever", async () => {
    const { state, gets } = await run(["PROCESSING", "ERROR"]);
    expect(state).toMatchObject({ status: "ERROR", done: true, checks: 2, failed: { status: "ERROR" } });
    expect(state.failed?.errors).toHaveLength(1);
    expect(gets).toBe(2);
  }, 60_000);
});
