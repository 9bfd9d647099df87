/**
 * Seeded randomized soak: random fault sequences, client settings and batch
 * lifecycles through createAndWait(), with the reliability invariants checked on
 * every run. Replay a failure with CLAID_SOAK_SEED=<seed> (fast-check prints the
 * seed and path of any counterexample).
 */
import { inspect } from "node:util";
import type { MockFault } from "@claid/msw";
import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type BatchStatus, ClaidError, createClaid } from "../src/index.ts";
import { seedRequest } from "./cases.ts";
import { API_KEY, mock, settle, useFakeClock } from "./fake-clock.ts";

const RUNS = 500;
const SEED = Number(process.env.CLAID_SOAK_SEED ?? 20261127);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const fault: fc.Arbitrary<MockFault> = fc.oneof(
  fc
    .constantFrom(408, 429, 500, 502, 503, 504, 400, 402, 404, 409)
    .map((status): MockFault => ({ type: "status", status })),
  fc
    .integer({ min: 0, max: 90 })
    .map((s): MockFault => ({ type: "status", status: 429, headers: { "Retry-After": String(s) } })),
  fc.integer({ min: 0, max: 30 }).map(
    (s): MockFault => ({
      type: "status",
      status: 429,
      headers: { "RateLimit-Remaining": "0", "RateLimit-Reset": String(s) },
    }),
  ),
  fc.constant<MockFault>({ type: "status", status: 502, body: "html" }),
  fc.constant<MockFault>({ type: "network-error" }),
  fc.integer({ min: 0, max: 90_000 }).map((ms): MockFault => ({ type: "latency", ms })),
  fc.constantFrom<MockFault>({ type: "truncated-json" }, { type: "empty-body" }, { type: "invalid-shape" }),
);

const scenario = fc.record({
  createFaults: fc.array(fault, { maxLength: 4 }),
  retrieveFaults: fc.array(fault, { maxLength: 6 }),
  plan: fc.tuple(
    fc.array(fc.constantFrom<BatchStatus>("WAITING", "PROCESSING", "PAUSED"), { maxLength: 4 }),
    fc.constantFrom<BatchStatus>("DONE", "ERROR", "CANCELLED"),
  ),
  maxRetries: fc.integer({ min: 0, max: 3 }),
  timeoutMs: fc.constantFrom(1000, 20_000, 60_000),
  retryNonIdempotent: fc.boolean(),
  abortAtMs: fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
});

describe("soak", () => {
  it(`${RUNS} random fault sequences keep every invariant (seed ${SEED})`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        runs++;
        useFakeClock();
        try {
          const store = mock(server);
          store.planTask([...s.plan[0], s.plan[1]]);
          for (const f of s.createFaults) store.injectFault(f, { operation: "create" });
          for (const f of s.retrieveFaults) store.injectFault(f, { operation: "retrieve" });
          const claid = createClaid({
            apiKey: API_KEY,
            maxRetries: s.maxRetries,
            timeoutMs: s.timeoutMs,
            retryNonIdempotent: s.retryNonIdempotent,
          });
          const reason = new Error("caller aborted");
          const controller = new AbortController();
          if (s.abortAtMs !== undefined) setTimeout(() => controller.abort(reason), s.abortAtMs);

          const outcome = await settle(claid.batches.createAndWait(seedRequest, { signal: controller.signal }));

          // Ends within the configured bounds: every request at most maxRetries+1
          // attempts of at most timeoutMs, sleeps at most maxRetryDelayMs (60 s),
          // polls at most 15 s apart (or a 30 s rate-limit reset).
          const perRequest = (s.maxRetries + 1) * s.timeoutMs + s.maxRetries * 60_000;
          const polls = s.plan[0].length + 1;
          expect(outcome.elapsedMs).toBeLessThanOrEqual(perRequest * (1 + polls) + polls * 30_000);

          const posts = store.requestsOf("create");
          const gets = store.requestsOf("retrieve");
          expect(posts.length).toBeLessThanOrEqual(s.maxRetries + 1);
          expect(gets.length).toBeLessThanOrEqual(polls * (s.maxRetries + 1));
          if (!s.retryNonIdempotent) {
            // A POST is only ever repeated after a 429 (the server refused it).
            expect(posts.slice(0, -1).every((p) => p.status === 429)).toBe(true);
          }

          if (!outcome.ok) {
            const { error } = outcome;
            if (error === reason) {
              expect(controller.signal.aborted).toBe(true);
            } else {
              expect(error).toBeInstanceOf(ClaidError);
              const e = error as ClaidError;
              expect(e.attempts).toBeLessThanOrEqual(s.maxRetries + 1);
              for (const text of [e.message, String(e), JSON.stringify(e), e.stack ?? "", inspect(e, { depth: 10 })]) {
                expect(text).not.toContain(API_KEY);
              }
            }
          } else {
            expect(outcome.value.status).toBe("DONE");
          }
        } finally {
          await vi.runAllTimersAsync();
          vi.useRealTimers();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(runs).toBe(RUNS);
    console.log(`soak: ${runs} runs, seed ${SEED}`);
  }, 300_000);
});
