/** The Durable Object alarm recipe in workerd (miniflare), against the mock. */
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
    bindings: { CLAID_API_KEY: API_KEY, CLAID_BASE_URL: mock.url, POLL_INTERVAL_MS: "300" },
    durableObjects: { WATCHERS: { className: "BatchWatcher", useSQLite: true } },
  });
  const submitted = await mf.dispatchFetch("http://worker.test/batches", {
    method: "POST",
    body: JSON.stringify(["https://img.example/a.png"]),
  });
  expect(submitted.status).toBe(202);
  const { watcher } = (await submitted.json()) as { watcher: string };
  const state = await waitFor(async () => {
    const stored = (await (await mf?.dispatchFetch(`http://worker.test/watchers/${watcher}`))?.json()) as {
      state?: BatchCheck;
    } | null;
    return stored?.state?.done ? stored.state : undefined;
  });
  await new Promise((resolve) => setTimeout(resolve, 1000)); // would any hidden re-check still arrive?
  return { state, gets: mock.store.requestsOf("retrieve").length };
}

describe("Cloudflare Durable Object alarm recipe", () => {
  it("drives a batch to DONE, one GET per alarm", async () => {
    const { state, gets } = await run();
    expect(state).toMatchObject({ status: "DONE", done: true, checks: 3 });
    expect(gets).toBe(state.checks);
    console.log(`durable object recipe: 1 fetch + ${state.checks} alarms, 1 POST + ${gets} GETs to reach DONE`);
  }, 60_000);

  it("stops at ERROR and reports it", async () => {
    const { state, gets } = await run(["PROCESSING", "ERROR"]);
    expect(state).toMatchObject({ status: "ERROR", done: true, checks: 2, failed: { status: "ERROR" } });
    expect(gets).toBe(2);
  }, 60_000);
});
