import { type BatchCheck, type BatchStatus, BatchWaitTimeoutError, createClaid } from "@claid/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../support/fake-clock.ts";
import { API_KEY, mock } from "./mock-handlers.ts";
import { seedRequest } from "./request-bodies.ts";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
});

const SCHEDULE = [2000, 3000, 4500, 6750, 10125, 15000, 15000];

describe("check()", () => {
  it("sends exactly one GET, never sleeps, and continues its schedule from a stored copy", async () => {
    const store = mock(server, { pollsToComplete: 8 });
    // Unpaced: Claid's 4-per-second window would (rightly) hold the fifth request of this quick loop.
    const claid = createClaid({ apiKey: API_KEY, rateLimit: false });
    const accepted = (await settle(claid.batches.create(seedRequest))) as { ok: true; value: { id: number } };
    let state: BatchCheck | undefined;
    const delays: number[] = [];
    for (let i = 0; i < SCHEDULE.length; i++) {
      const outcome = await settle(claid.batches.check(state ? JSON.parse(JSON.stringify(state)) : accepted.value));
      expect(outcome).toMatchObject({ ok: true, elapsedMs: 0 });
      state = (outcome as { value: BatchCheck }).value;
      expect(store.requestsOf("retrieve")).toHaveLength(i + 1);
      delays.push(state.nextCheckAfterMs);
    }
    expect(delays).toEqual(SCHEDULE);
    expect(state).toMatchObject({
      taskId: 1,
      status: "PROCESSING",
      done: false,
      checks: 7,
      firstCheckedAt: "2026-11-27T09:00:00.000Z",
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it.each([
    ["DONE", undefined],
    ["ERROR", 1],
    ["CANCELLED", 0],
  ] as [BatchStatus, number | undefined][])("reports a finished %s batch without throwing", async (end, errors) => {
    const store = mock(server);
    store.planTask([end]);
    const claid = createClaid({ apiKey: API_KEY });
    await settle(claid.batches.create(seedRequest));
    const outcome = await settle(claid.batches.check(1));
    const state = (outcome as { value: BatchCheck }).value;
    expect(state).toMatchObject({ status: end, done: true, nextCheckAfterMs: 0, checks: 1 });
    expect(state.result?.status).toBe(end);
    if (errors === undefined) expect(state.failed).toBeUndefined();
    else expect(state.failed).toEqual({ status: end, errors: expect.any(Array) });
    if (errors !== undefined) expect(state.failed?.errors).toHaveLength(errors);
  });

  it("waits for the rate-limit reset when RateLimit-Remaining is 0", async () => {
    mock(server, { rateLimit: "2;w=30", pollsToComplete: 5 });
    const claid = createClaid({ apiKey: API_KEY });
    await settle(claid.batches.create(seedRequest));
    const state = ((await settle(claid.batches.check(1))) as { value: BatchCheck }).value;
    // The reset plus the pacer's 200 ms margin for clock skew.
    expect(state.nextCheckAfterMs).toBe(30_200);
  });

  it("holds any request made while the window is used up until it resets, so none meets a 429", async () => {
    const store = mock(server, { rateLimit: "2;w=30", pollsToComplete: 5 });
    const claid = createClaid({ apiKey: API_KEY });
    await settle(claid.batches.create(seedRequest));
    await settle(claid.batches.retrieve(1));
    const outcome = await settle(Promise.all([claid.batches.retrieve(1), claid.batches.create(seedRequest)]));
    expect(outcome).toMatchObject({ ok: true, elapsedMs: 30_200 });
    expect(store.requests.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it("rejects a state that check() did not produce", async () => {
    const claid = createClaid({ apiKey: API_KEY });
    await expect(claid.batches.check({ taskId: 1, checks: -1 } as never)).rejects.toMatchObject({ argument: "state" });
  });
});

describe("wait()", () => {
  it("polls on the ×1.5 schedule up to maxPollIntervalMs and resolves with the DONE result", async () => {
    const store = mock(server, { pollsToComplete: 8 });
    const outcome = await settle(createClaid({ apiKey: API_KEY }).batches.createAndWait(seedRequest));
    expect(outcome).toMatchObject({ ok: true, value: { status: "DONE", id: 1 } });
    const times = store.requestsOf("retrieve").map((r) => r.at);
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual(SCHEDULE);
    expect(outcome.elapsedMs).toBe(SCHEDULE.reduce((a, b) => a + b, 0));
  });

  it("calls onProgress once per status change", async () => {
    const store = mock(server);
    store.planTask(["PROCESSING", "PROCESSING", "PAUSED", "PAUSED", "PROCESSING", "DONE"]);
    const seen: BatchStatus[] = [];
    const claid = createClaid({ apiKey: API_KEY });
    await settle(
      claid.batches.createAndWait(seedRequest, { onProgress: (r) => seen.push(r.status), pollIntervalMs: 100 }),
    );
    expect(seen).toEqual(["PROCESSING", "PAUSED", "PROCESSING", "DONE"]);
  });

  it("accepts a task id, a numeric string, the accepted task or a check() state", async () => {
    mock(server, { pollsToComplete: 2 });
    const claid = createClaid({ apiKey: API_KEY });
    const accepted = ((await settle(claid.batches.create(seedRequest))) as { value: { id: number } }).value;
    for (const target of [1, "1", accepted]) {
      mock(server, { pollsToComplete: 2 }).planTask(["PROCESSING", "DONE"]);
      await settle(claid.batches.create(seedRequest));
      expect(await settle(claid.batches.wait(target as never))).toMatchObject({ ok: true, value: { status: "DONE" } });
    }
    const state = ((await settle(claid.batches.check(1))) as { value: BatchCheck }).value;
    expect(await settle(claid.batches.wait(state))).toMatchObject({ ok: true });
  });

  it("times out with BatchWaitTimeoutError carrying the last status, leaving the job alone", async () => {
    const store = mock(server, { pollsToComplete: 1000 });
    const outcome = await settle(
      createClaid({ apiKey: API_KEY }).batches.createAndWait(seedRequest, { maxWaitMs: 10_000 }),
    );
    expect(outcome).toMatchObject({ ok: false, elapsedMs: 10_000 });
    const error = (outcome as { error: BatchWaitTimeoutError }).error;
    expect(error).toBeInstanceOf(BatchWaitTimeoutError);
    expect(error).toMatchObject({ taskId: 1, lastStatus: "PROCESSING" });
    expect(error.message).toMatch(/keeps running/);
    expect(store.requestsOf("retrieve").map((r) => r.at - (store.requests[0]?.at ?? 0))).toEqual([0, 2000, 5000, 9500]);
  });

  it("never polls while the rate-limit window is used up", async () => {
    const store = mock(server, { rateLimit: "3;w=20", pollsToComplete: 7 });
    const outcome = await settle(createClaid({ apiKey: API_KEY }).batches.createAndWait(seedRequest));
    expect(outcome.ok).toBe(true);
    expect(store.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(store.requestsOf("retrieve")).toHaveLength(7);
  });

  it("1,000 concurrent waits on one client poll each job on its own schedule, no more", async () => {
    // A quota large enough that rate limiting plays no part in this count.
    const store = mock(server, { pollsToComplete: 4, rateLimit: "100000;w=60" });
    const claid = createClaid({ apiKey: API_KEY, rateLimit: "100000;w=60" });
    const created = await settle(Promise.all(Array.from({ length: 1000 }, () => claid.batches.create(seedRequest))));
    const ids = (created as { value: { id: number }[] }).value.map((task) => task.id);
    const outcome = await settle(Promise.all(ids.map((id) => claid.batches.wait(id))));
    expect(outcome.ok).toBe(true);
    const gets = store.requestsOf("retrieve");
    expect(gets).toHaveLength(4000);
    const perTask = new Map<string, number[]>();
    for (const r of gets) perTask.set(r.url, [...(perTask.get(r.url) ?? []), r.at]);
    expect(perTask.size).toBe(1000);
    for (const times of perTask.values()) {
      expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual([2000, 3000, 4500]);
    }
    expect(outcome.elapsedMs).toBe(9500);
    // 5,000 requests through MSW: ~30 s alone, several times that while CI runs other suites beside it.
  }, 240_000);
});
