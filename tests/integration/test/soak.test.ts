/**
 * Seeded randomized soak: random fault sequences, client settings and batch
 * lifecycles through createAndWait(), with the reliability invariants checked on
 * every run. Replay a failure with CLAID_SOAK_SEED=<seed> (fast-check prints the
 * seed and path of any counterexample).
 */
import { inspect } from "node:util";
import { type BatchStatus, ClaidError, createClaid } from "@claid/core";
import type { MockFault } from "@claid/msw";
import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../support/fake-clock.ts";
import { API_KEY, mock } from "./mock-handlers.ts";
import { seedRequest } from "./request-bodies.ts";

const RUNS = 500;
const SEED = Number(process.env.CLAID_SOAK_SEED ?? 20261127);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const serverDelaySeconds = fc.oneof(
  fc.integer({ min: 0, max: 90 }).map(String),
  fc.constantFrom(
    "3000",
    "3000000",
    "10000000",
    "0.5",
    "Fri, 01 Jan 2100 00:00:00 GMT",
    "Wed, 21 Oct 2015 07:28:00 GMT",
  ),
);
const hostileValue = fc.constantFrom(
  "-5",
  "abc",
  "1e400",
  "NaN",
  "",
  " ",
  "Infinity",
  "0x10",
  "99999999999999999999",
  "\t7\t",
);
const hostileHeaders = fc.record(
  {
    "Retry-After": fc.oneof(serverDelaySeconds, hostileValue),
    "RateLimit-Remaining": fc.constantFrom("0", "-1", "x"),
    "RateLimit-Reset": fc.oneof(serverDelaySeconds, hostileValue),
  },
  { requiredKeys: [] },
);

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
  // Server-given delays from 0 to 10^10 ms, and hostile header values.
  serverDelaySeconds.map((s): MockFault => ({ type: "status", status: 429, headers: { "Retry-After": s } })),
  hostileHeaders.map((headers): MockFault => ({ type: "status", status: 503, headers })),
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
  // Headers added to the mock's successful poll answers, in order.
  pollHeaders: fc.array(hostileHeaders, { maxLength: 4 }),
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
          const pollHeaders = [...s.pollHeaders];
          const claid = createClaid({
            apiKey: API_KEY,
            fetch: async (request, init) => {
              const response = await fetch(request, init);
              const extra = request.method === "GET" && response.ok ? pollHeaders.shift() : undefined;
              if (!extra) return response;
              const headers = new Headers(response.headers);
              for (const [name, value] of Object.entries(extra)) headers.set(name, value);
              return new Response(response.body, { status: response.status, headers });
            },
            maxRetries: s.maxRetries,
            timeoutMs: s.timeoutMs,
            retryNonIdempotent: s.retryNonIdempotent,
          });
          const reason = new Error("caller aborted");
          const controller = new AbortController();
          if (s.abortAtMs !== undefined) setTimeout(() => controller.abort(reason), s.abortAtMs);

          const outcome = await settle(claid.batches.createAndWait(seedRequest, { signal: controller.signal }));

          // Ends within the configured bounds, whatever delay the server asked for: every
          // request at most maxRetries+1 attempts of at most timeoutMs, each held at most
          // maxServerDelayMs (60 s) for a used-up window, sleeps at most 60 s between
          // attempts and between polls.
          const perRequest = (s.maxRetries + 1) * (s.timeoutMs + 60_000) + s.maxRetries * 60_000;
          const polls = s.plan[0].length + 1;
          // A wait rides out failed polls (maxOutageMs): each injected GET fault may cost one more check.
          const checks = polls + s.retrieveFaults.length;
          expect(outcome.elapsedMs).toBeLessThanOrEqual(perRequest * (1 + checks) + checks * 60_000);

          const posts = store.requestsOf("create");
          const gets = store.requestsOf("retrieve");
          expect(posts.length).toBeLessThanOrEqual(s.maxRetries + 1);
          // Every GET either succeeds or uses up one injected fault.
          expect(gets.length).toBeLessThanOrEqual(polls + s.retrieveFaults.length);
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
