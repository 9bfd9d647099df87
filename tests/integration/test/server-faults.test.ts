/**
 * Fault injection: for each fault, the outcome (success or typed error), the
 * exact number of requests the mock received, that a POST is never repeated
 * without opt-in, and that nothing is left unhandled.
 */

import {
  AuthenticationError,
  BadRequestError,
  BatchCancelledError,
  BatchFailedError,
  ClaidConnectionError,
  ClaidError,
  type ClaidOptions,
  ClaidTimeoutError,
  ConflictError,
  createClaid,
  InternalServerError,
  InvalidResponseError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from "@claid/core";
import type { ClaidMockStore, MockFault, MockOperation } from "@claid/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../support/fake-clock.ts";
import { API_KEY, mock } from "./mock-handlers.ts";
import { seedRequest } from "./request-bodies.ts";

const server = setupServer();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  server.close();
  process.off("unhandledRejection", onUnhandled);
});
beforeEach(() => {
  useFakeClock();
  unhandled.length = 0;
});
afterEach(async () => {
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  vi.restoreAllMocks();
  expect(unhandled).toEqual([]);
});

/** A fetch whose first `n` calls fail like a reset TCP connection, then defers to MSW. */
function resettingFetch(n: number): (request: Request, init?: RequestInit) => Promise<Response> {
  let left = n;
  return async (request, init) => {
    if (left-- > 0)
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      });
    return fetch(request, init);
  };
}

type Expectation =
  | { ok: true }
  | {
      error: new (...args: never[]) => ClaidError;
      attempts: number;
      outcomeUnknown?: boolean;
      retryAfterMs?: number;
      message?: RegExp;
    };

interface FaultCase {
  fault: string;
  faults?: MockFault[];
  resets?: number;
  client?: Partial<ClaidOptions>;
  expected: Expectation;
  requests: number;
  minElapsedMs?: number;
}

const status = (code: number, extra: Partial<Extract<MockFault, { type: "status" }>> = {}): MockFault => ({
  type: "status",
  status: code,
  ...extra,
});
const httpDateIn = (ms: number) => new Date(Date.UTC(2026, 10, 27, 9, 0, 0) + ms).toUTCString();

const retrieveCases: FaultCase[] = [
  { fault: "connection reset", resets: 1, expected: { ok: true }, requests: 1 },
  {
    fault: "fetch TypeError (network error) ×2",
    faults: [{ type: "network-error" }, { type: "network-error" }],
    expected: { ok: true },
    requests: 3,
  },
  {
    fault: "network error ×3",
    faults: Array(3).fill({ type: "network-error" }),
    expected: { error: ClaidConnectionError, attempts: 3 },
    requests: 3,
  },
  {
    fault: "429 Retry-After: 3 (seconds)",
    faults: [status(429, { headers: { "Retry-After": "3" } })],
    expected: { ok: true },
    requests: 2,
    minElapsedMs: 3000,
  },
  {
    fault: "429 Retry-After as an HTTP date",
    faults: [status(429, { headers: { "Retry-After": httpDateIn(5000) } })],
    expected: { ok: true },
    requests: 2,
    minElapsedMs: 5000,
  },
  {
    fault: "429 with RateLimit-Reset: 7",
    faults: [status(429, { headers: { "RateLimit-Remaining": "0", "RateLimit-Reset": "7" } })],
    expected: { ok: true },
    requests: 2,
    minElapsedMs: 7000,
  },
  // Server-given delays from 0 to 10^10 ms: slept through up to maxServerDelayMs, else a typed error at once.
  ...[0, 1_000, 59_000].map(
    (ms): FaultCase => ({
      fault: `429 Retry-After ${ms / 1000} s`,
      faults: [status(429, { headers: { "Retry-After": String(ms / 1000) } })],
      expected: { ok: true },
      requests: 2,
      minElapsedMs: ms,
    }),
  ),
  ...[61_000, 3_000_000, 10_000_000_000].map(
    (ms): FaultCase => ({
      fault: `429 Retry-After ${ms / 1000} s (past maxServerDelayMs)`,
      faults: [status(429, { headers: { "Retry-After": String(ms / 1000) } })],
      expected: { error: RateLimitError, attempts: 1, retryAfterMs: ms },
      requests: 1,
    }),
  ),
  {
    fault: "503 asking for 10^23 s: a typed error at once, carrying the delay",
    faults: [status(503, { headers: { "Retry-After": "99999999999999999999999" } })],
    expected: { error: InternalServerError, attempts: 1, retryAfterMs: Number("99999999999999999999999") * 1000 },
    requests: 1,
  },
  // Hostile header values are ignored: the retry falls back to backoff, never to a hot loop or a hang.
  ...["-5", "1e400", "NaN", "0x10", "Infinity", " "].map(
    (value): FaultCase => ({
      fault: `503 with Retry-After ${JSON.stringify(value)} and RateLimit-Reset ${JSON.stringify(value)}`,
      faults: [
        status(503, { headers: { "Retry-After": value, "RateLimit-Remaining": "0", "RateLimit-Reset": value } }),
      ],
      expected: { ok: true },
      requests: 2,
    }),
  ),
  {
    fault: "429 asking for more than maxServerDelayMs",
    faults: [status(429, { headers: { "Retry-After": "120" } })],
    expected: { error: RateLimitError, attempts: 1, retryAfterMs: 120_000 },
    requests: 1,
  },
  ...[500, 502, 503, 504].map(
    (code): FaultCase => ({ fault: `${code} once`, faults: [status(code)], expected: { ok: true }, requests: 2 }),
  ),
  { fault: "408 once", faults: [status(408)], expected: { ok: true }, requests: 2 },
  {
    fault: "HTML 502 page ×3",
    faults: Array(3).fill(status(502, { body: "html" })),
    expected: { error: InternalServerError, attempts: 3, message: /text\/html/ },
    requests: 3,
  },
  {
    fault: "truncated JSON body",
    faults: [{ type: "truncated-json" }],
    expected: { error: InvalidResponseError, attempts: 1, message: /not valid JSON/ },
    requests: 1,
  },
  {
    fault: "empty 200 body",
    faults: [{ type: "empty-body" }],
    expected: { error: InvalidResponseError, attempts: 1, message: /empty body/ },
    requests: 1,
  },
  {
    fault: "200 whose JSON does not match the schema",
    faults: [{ type: "invalid-shape" }],
    expected: { error: InvalidResponseError, attempts: 1 },
    requests: 1,
  },
  {
    fault: "answer slower than the timeout",
    faults: [{ type: "latency", ms: 90_000 }],
    expected: { ok: true },
    requests: 2,
    minElapsedMs: 60_000,
  },
  {
    fault: "slower than the timeout every time",
    faults: Array(3).fill({ type: "latency", ms: 90_000 }),
    client: { timeoutMs: 1000 },
    expected: { error: ClaidTimeoutError, attempts: 3 },
    requests: 3,
  },
  { fault: "404 is not retried", faults: [status(404)], expected: { error: ClaidError, attempts: 1 }, requests: 1 },
];

const createCases: FaultCase[] = [
  {
    fault: "connection reset",
    resets: 1,
    expected: { error: ClaidConnectionError, attempts: 1, outcomeUnknown: true },
    requests: 0,
  },
  {
    fault: "fetch TypeError (network error)",
    faults: [{ type: "network-error" }],
    expected: {
      error: ClaidConnectionError,
      attempts: 1,
      outcomeUnknown: true,
      message: /may or may not have been created/,
    },
    requests: 1,
  },
  {
    fault: "network error with retryNonIdempotent",
    faults: [{ type: "network-error" }],
    client: { retryNonIdempotent: true },
    expected: { ok: true },
    requests: 2,
  },
  {
    fault: "429 Retry-After: 2 (safe to retry)",
    faults: [status(429, { headers: { "Retry-After": "2" } })],
    expected: { ok: true },
    requests: 2,
    minElapsedMs: 2000,
  },
  {
    fault: "429 Retry-After as an HTTP date",
    faults: [status(429, { headers: { "Retry-After": httpDateIn(4000) } })],
    expected: { ok: true },
    requests: 2,
    minElapsedMs: 4000,
  },
  {
    fault: "429 with RateLimit-Reset: 5",
    faults: [status(429, { headers: { "RateLimit-Remaining": "0", "RateLimit-Reset": "5" } })],
    expected: { ok: true },
    requests: 2,
    minElapsedMs: 5000,
  },
  {
    fault: "429 ×3",
    faults: Array(3).fill(status(429)),
    expected: { error: RateLimitError, attempts: 3 },
    requests: 3,
  },
  {
    fault: "429 asking for more than maxServerDelayMs",
    faults: [status(429, { headers: { "Retry-After": "61" } })],
    expected: { error: RateLimitError, attempts: 1, retryAfterMs: 61_000 },
    requests: 1,
  },
  ...[500, 502, 503, 504].map(
    (code): FaultCase => ({
      fault: `${code}`,
      faults: [status(code)],
      expected: { error: InternalServerError, attempts: 1, outcomeUnknown: true },
      requests: 1,
    }),
  ),
  {
    fault: "503 with retryNonIdempotent",
    faults: [status(503)],
    client: { retryNonIdempotent: true },
    expected: { ok: true },
    requests: 2,
  },
  {
    fault: "HTML 502 page",
    faults: [status(502, { body: "html" })],
    expected: { error: InternalServerError, attempts: 1, outcomeUnknown: true, message: /text\/html/ },
    requests: 1,
  },
  {
    fault: "truncated JSON body",
    faults: [{ type: "truncated-json" }],
    expected: { error: InvalidResponseError, attempts: 1, outcomeUnknown: true },
    requests: 1,
  },
  {
    fault: "empty 200 body",
    faults: [{ type: "empty-body" }],
    expected: { error: InvalidResponseError, attempts: 1, outcomeUnknown: true },
    requests: 1,
  },
  {
    fault: "200 whose JSON does not match the schema",
    faults: [{ type: "invalid-shape" }],
    expected: { error: InvalidResponseError, attempts: 1 },
    requests: 1,
  },
  {
    fault: "answer slower than the timeout",
    faults: [{ type: "latency", ms: 90_000 }],
    expected: { error: ClaidTimeoutError, attempts: 1, outcomeUnknown: true },
    requests: 1,
    minElapsedMs: 60_000,
  },
  ...(
    [
      [400, BadRequestError],
      [401, AuthenticationError],
      [402, PaymentRequiredError],
      [403, PermissionDeniedError],
      [409, ConflictError],
      [422, ValidationError],
    ] as const
  ).map(
    ([code, error]): FaultCase => ({
      fault: `${code}`,
      faults: [status(code)],
      expected: { error, attempts: 1, outcomeUnknown: false },
      requests: 1,
    }),
  ),
];

async function runCase(operation: MockOperation, c: FaultCase): Promise<ClaidMockStore> {
  const store = mock(server);
  const claid = createClaid({ apiKey: API_KEY, ...c.client, ...(c.resets ? { fetch: resettingFetch(c.resets) } : {}) });
  if (operation === "retrieve") await settle(createClaid({ apiKey: API_KEY }).batches.create(seedRequest));
  for (const fault of c.faults ?? []) store.injectFault(fault, { operation });
  const outcome = await settle(operation === "create" ? claid.batches.create(seedRequest) : claid.batches.retrieve(1));

  if ("ok" in c.expected) {
    expect(outcome.ok ? "ok" : outcome.error).toBe("ok");
  } else {
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: ClaidError }).error;
    expect(error).toBeInstanceOf(c.expected.error);
    expect(error.attempts).toBe(c.expected.attempts);
    if (c.expected.outcomeUnknown !== undefined) expect(error.outcomeUnknown).toBe(c.expected.outcomeUnknown);
    if (c.expected.retryAfterMs !== undefined)
      expect((error as RateLimitError).retryAfterMs).toBe(c.expected.retryAfterMs);
    if (c.expected.message) expect(error.message).toMatch(c.expected.message);
    expect(JSON.stringify({ m: error.message, s: error.stack })).not.toContain(API_KEY);
  }
  expect(store.requestsOf(operation)).toHaveLength(c.requests);
  if (c.minElapsedMs !== undefined) expect(outcome.elapsedMs).toBeGreaterThanOrEqual(c.minElapsedMs);
  expect(outcome.elapsedMs).toBeLessThan(10 * 60_000);
  return store;
}

describe("GET (retrieve) under faults", () => {
  it.each(retrieveCases.map((c) => [c.fault, c] as const))("%s", async (_, c) => {
    await runCase("retrieve", c);
  });
});

describe("POST (create) under faults: never repeated without opt-in", () => {
  it.each(createCases.map((c) => [c.fault, c] as const))("%s", async (_, c) => {
    const store = await runCase("create", c);
    if (!c.client?.retryNonIdempotent && !c.faults?.some((f) => f.type === "status" && f.status === 429)) {
      expect(store.requestsOf("create").length).toBeLessThanOrEqual(1);
    }
  });
});

describe("cancellation", () => {
  it("an abort during a backoff sleep stops at once with the abort reason", async () => {
    const store = mock(server);
    await settle(createClaid({ apiKey: API_KEY }).batches.create(seedRequest));
    store.injectFault(status(503), { operation: "retrieve" });
    // The backoff is full jitter in [0, 500) ms; pin it to 250 ms so the abort at 5 ms lands inside it.
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const controller = new AbortController();
    const reason = new Error("shutting down");
    setTimeout(() => controller.abort(reason), 5);
    const outcome = await settle(createClaid({ apiKey: API_KEY }).batches.retrieve(1, { signal: controller.signal }));
    expect(outcome).toMatchObject({ ok: false, error: reason });
    expect(outcome.elapsedMs).toBe(5);
    expect(store.requestsOf("retrieve")).toHaveLength(1);
  });

  it("an abort during a request rejects with the abort reason", async () => {
    const store = mock(server);
    store.injectFault({ type: "latency", ms: 30_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort("user cancelled"), 100);
    const outcome = await settle(
      createClaid({ apiKey: API_KEY }).batches.create(seedRequest, { signal: controller.signal }),
    );
    expect(outcome).toMatchObject({ ok: false, error: "user cancelled", elapsedMs: 100 });
  });

  it("an abort during a poll wait rejects with the abort reason", async () => {
    const store = mock(server, { pollsToComplete: 10 });
    const claid = createClaid({ apiKey: API_KEY });
    const controller = new AbortController();
    const reason = new DOMException("stop", "AbortError");
    setTimeout(() => controller.abort(reason), 2500);
    const outcome = await settle(claid.batches.createAndWait(seedRequest, { signal: controller.signal }));
    expect(outcome).toMatchObject({ ok: false, error: reason, elapsedMs: 2500 });
    expect(store.requestsOf("retrieve")).toHaveLength(2); // t=0 and t=2000; the next would be at 5000
  });

  it("an already-aborted signal sends nothing", async () => {
    const store = mock(server);
    const outcome = await settle(
      createClaid({ apiKey: API_KEY }).batches.create(seedRequest, { signal: AbortSignal.abort("early") }),
    );
    expect(outcome).toMatchObject({ ok: false, error: "early" });
    expect(store.requests).toHaveLength(0);
  });
});

describe("batch outcomes through wait()", () => {
  it.each([
    [["PROCESSING", "ERROR"], BatchFailedError, 2],
    [["CANCELLED"], BatchCancelledError, 1],
    [["PAUSED", "PAUSED", "PROCESSING", "DONE"], undefined, 4],
  ] as const)("%j", async (plan, ErrorClass, gets) => {
    const store = mock(server);
    store.planTask([...plan]);
    const outcome = await settle(createClaid({ apiKey: API_KEY }).batches.createAndWait(seedRequest));
    if (ErrorClass) {
      expect(outcome.ok).toBe(false);
      const error = (outcome as { error: BatchFailedError }).error;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.result.status).toBe(plan.at(-1));
      if (error instanceof BatchFailedError) expect(error.errors).toHaveLength(1);
    } else {
      expect(outcome).toMatchObject({ ok: true, value: { status: "DONE" } });
    }
    expect(store.requestsOf("create")).toHaveLength(1);
    expect(store.requestsOf("retrieve")).toHaveLength(gets);
  });
});
