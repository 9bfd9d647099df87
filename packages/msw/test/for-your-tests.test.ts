/**
 * The mock in a user's own test suite: `finishOnFirstPoll` (waits end at once), the mock's clock
 * under fake timers installed after the handlers were made, and `latencyMs` on result files.
 */
import type { BatchStatus } from "@claid/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ClaidHandlersOptions, ClaidMockStore, createClaidHandlers } from "../src/index.ts";

const BASE = "https://api.claid.ai";
const AUTH = { Authorization: "Bearer test-key" };
const server = setupServer();
const realSetTimeout = globalThis.setTimeout;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

function use(options: ClaidHandlersOptions = {}): ClaidMockStore {
  const store = options.store ?? new ClaidMockStore();
  server.resetHandlers(...createClaidHandlers({ store, ...options }));
  return store;
}

const request = { input: ["https://img.example/a.png"], operations: { resizing: { width: 300 } } };

async function create(): Promise<number> {
  const response = await fetch(`${BASE}/v1/image/edit/batch`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...AUTH },
    body: JSON.stringify(request),
  });
  return (await response.json()).data.id;
}

async function statusOf(id: number): Promise<BatchStatus> {
  const response = await fetch(`${BASE}/v1/image/edit/batch/${id}`, { headers: AUTH });
  return (await response.json()).data.status;
}

describe("finishOnFirstPoll", () => {
  it.each([
    ["default tasks", {}, undefined, "DONE"],
    ["pollsToComplete: 5", { pollsToComplete: 5 }, undefined, "DONE"],
    ["a lifecycle", { lifecycle: ["PROCESSING", "PAUSED", "ERROR"] }, undefined, "ERROR"],
    ["taskDurationMs: one hour", { taskDurationMs: 3_600_000 }, undefined, "DONE"],
    ["a planned task", {}, ["PROCESSING", "CANCELLED"], "CANCELLED"],
    ["a task planned on the clock", {}, ["ERROR"], "ERROR"],
  ] as [string, ClaidHandlersOptions, BatchStatus[] | undefined, BatchStatus][])(
    "%s: the first GET answers the last status, and it stays",
    async (name, options, plan, last) => {
      const store = use({ ...options, finishOnFirstPoll: true });
      if (plan) store.planTask(plan, name.includes("clock") ? { afterMs: 3_600_000 } : {});
      const id = await create();
      expect([await statusOf(id), await statusOf(id)]).toEqual([last, last]);
    },
  );

  it("off (the default), a task still walks its statuses", async () => {
    use({ pollsToComplete: 2 });
    const id = await create();
    expect([await statusOf(id), await statusOf(id)]).toEqual(["PROCESSING", "DONE"]);
  });
});

describe("fake timers installed after the handlers were made", () => {
  it("taskDurationMs runs on the fake clock: DONE once it is advanced past", async () => {
    use({ taskDurationMs: 30_000 });
    vi.useFakeTimers();
    const id = await create();
    const before = await statusOf(id);
    await vi.advanceTimersByTimeAsync(30_000);
    expect([before, await statusOf(id)]).toEqual(["PROCESSING", "DONE"]);
  });
});

describe("latencyMs", () => {
  it.each([
    ["a create", () => create()],
    ["a result-file download", () => fetch(`${BASE}/mock-storage/1/a.jpeg`).then((r) => r.arrayBuffer())],
  ])("delays %s by latencyMs on the clock", async (_, call) => {
    const store = use({ latencyMs: 5000, finishOnFirstPoll: true });
    vi.useFakeTimers();
    let answered = false;
    const pending = call().then(() => {
      answered = true;
    });
    await vi.advanceTimersByTimeAsync(4999);
    // Real turns too: an answer held by anything but the clock would arrive here.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => realSetTimeout(resolve, 0));
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(store.requests.at(-1)?.status).toBe(200);
  });
});
