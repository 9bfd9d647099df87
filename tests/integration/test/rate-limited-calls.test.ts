/**
 * The client's pacer against the mock enforcing Claid's limits (sliding windows of
 * 4 per second and 120 per minute, per key), on a fake clock: no 429 from the first burst on.
 */

import { BatchWaitTimeoutError, CLAID_RATE_LIMIT, createClaid, RateLimitDeadlineError } from "@claid/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../support/fake-clock.ts";
import { API_KEY, mock } from "./mock-handlers.ts";
import { seedRequest } from "./request-bodies.ts";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(useFakeClock);
afterEach(async () => {
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

/** The largest number of requests the mock saw in any `ms`-long stretch. */
function busiest(times: number[], ms: number): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
}

describe("pacing under Claid's limits", () => {
  it.each([
    ["api.claid.ai (Claid's documented policy from the start)", {}],
    ["another host (learned: one request until the first answer)", { baseUrl: "https://claid-proxy.example.test" }],
  ])("12 createAndWait() started together: every one DONE, no 429, no window overrun — %s", async (_, where) => {
    const store = mock(server, { rateLimit: CLAID_RATE_LIMIT, pollsToComplete: 2, ...where });
    const claid = createClaid({ apiKey: API_KEY, ...where });
    const outcome = await settle(
      Promise.all(Array.from({ length: 12 }, () => claid.batches.createAndWait(seedRequest))),
    );
    expect(outcome.ok).toBe(true);
    expect(store.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(store.requestsOf("create")).toHaveLength(12);
    const times = store.requests.map((r) => r.at);
    expect(busiest(times, 1000)).toBeLessThanOrEqual(4);
    expect(busiest(times, 60_000)).toBeLessThanOrEqual(120);
  });

  it("200 create() at once: all accepted, none refused, within the windows", async () => {
    const store = mock(server, { rateLimit: CLAID_RATE_LIMIT });
    const claid = createClaid({ apiKey: API_KEY });
    const outcome = await settle(Promise.all(Array.from({ length: 200 }, () => claid.batches.create(seedRequest))));
    expect(outcome.ok).toBe(true);
    expect(store.requests.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    // 120 in the first minute, the other 80 as the minute window slides.
    expect(
      busiest(
        store.requests.map((r) => r.at),
        60_000,
      ),
    ).toBeLessThanOrEqual(120);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(60_000);
  });

  it("100 concurrent waits share the budget: each DONE detected, no 429, schedules stretched instead", async () => {
    const store = mock(server, { rateLimit: CLAID_RATE_LIMIT, pollsToComplete: 3 });
    const claid = createClaid({ apiKey: API_KEY });
    const created = await settle(Promise.all(Array.from({ length: 100 }, () => claid.batches.create(seedRequest))));
    const ids = (created as { value: { id: number }[] }).value.map((task) => task.id);
    const outcome = await settle(Promise.all(ids.map((id) => claid.batches.wait(id))));
    expect(outcome.ok).toBe(true);
    expect(store.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(store.requestsOf("retrieve")).toHaveLength(300);
  });

  it("check() tells when to come back, the pacer's queue included", async () => {
    mock(server, { rateLimit: CLAID_RATE_LIMIT, pollsToComplete: 100 });
    const claid = createClaid({ apiKey: API_KEY });
    await settle(claid.batches.create(seedRequest));
    // Eleven more checks queued behind this one: at 4 per second the twelfth waits ~2 s.
    const states = await settle(Promise.all(Array.from({ length: 12 }, () => claid.batches.check(1))));
    const last = (states as { value: { nextCheckAfterMs: number }[] }).value.at(-1);
    expect(last?.nextCheckAfterMs).toBeGreaterThanOrEqual(2000);
  });

  it("a wait whose next slot would come after maxWaitMs ends at once, as the wait's timeout with the created batch's taskId", async () => {
    const store = mock(server, { rateLimit: "1;w=60", pollsToComplete: 100 });
    const claid = createClaid({ apiKey: API_KEY, rateLimit: "1;w=60", maxServerDelayMs: 120_000 });
    const outcome = await settle(claid.batches.createAndWait(seedRequest, { maxWaitMs: 10_000 }));
    const error = (outcome as { error: BatchWaitTimeoutError }).error;
    expect(error).toBeInstanceOf(BatchWaitTimeoutError);
    expect(error).toMatchObject({ taskId: 1, outcomeUnknown: false });
    expect(error.cause).toBeInstanceOf(RateLimitDeadlineError);
    expect((error.cause as RateLimitDeadlineError).waitMs).toBeGreaterThan(10_000);
    expect(outcome.elapsedMs).toBe(0);
    expect(store.requests).toHaveLength(1);
  });

  it("an abort while queued for a slot rejects with the reason and sends nothing", async () => {
    const store = mock(server, { rateLimit: "1;w=60" });
    const claid = createClaid({ apiKey: API_KEY, rateLimit: "1;w=60" });
    await settle(claid.batches.create(seedRequest));
    const reason = new Error("stop");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 5_000);
    const outcome = await settle(claid.batches.retrieve(1, { signal: controller.signal }));
    expect(outcome).toMatchObject({ ok: false, error: reason, elapsedMs: 5_000 });
    expect(store.requests).toHaveLength(1);
  });

  it("maxConcurrentRequests caps requests in flight; rateLimit: false sends at once", async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 100));
      inFlight--;
      return new Response(JSON.stringify({ data: { id: 1, status: "DONE" } }));
    };
    const capped = createClaid({ apiKey: API_KEY, fetch: slow, rateLimit: "1000;w=1", maxConcurrentRequests: 2 });
    await settle(Promise.all(Array.from({ length: 10 }, () => capped.batches.retrieve(1))));
    expect(peak).toBe(2);
    peak = 0;
    const free = createClaid({ apiKey: API_KEY, fetch: slow, rateLimit: false });
    const outcome = await settle(Promise.all(Array.from({ length: 10 }, () => free.batches.retrieve(1))));
    expect(peak).toBe(10);
    expect(outcome.elapsedMs).toBe(100);
  });

  it.each([["0"], ["1.5"], [{}]])("maxConcurrentRequests %j is refused", (value) => {
    expect(() => createClaid({ apiKey: API_KEY, maxConcurrentRequests: value as never })).toThrow(
      /maxConcurrentRequests/,
    );
  });
});
