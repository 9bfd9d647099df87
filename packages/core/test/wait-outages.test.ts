/**
 * A wait may last hours: one failed poll must not end it. Polls ride out retryable
 * failures for `maxOutageMs` (bounded by `maxWaitMs`); failures that retrying cannot
 * fix end it at once. Stub fetch on a fake clock: every elapsed time is exact.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../../tests/support/fake-clock.ts";
import {
  AuthenticationError,
  BatchWaitTimeoutError,
  ClaidAPIError,
  ClaidConnectionError,
  type ClaidError,
  ClaidTimeoutError,
  createClaid,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
  type WaitOptions,
} from "../src/index.ts";
import { ACCEPTED, jsonResponse } from "./helpers.ts";

const KEY = "sk-outage-0123456789abcdef";
const body = { input: "storage://s/in/", operations: {} };
const batch = (status: string) => jsonResponse(200, { data: { ...ACCEPTED.data, status, results: [] } });
const MINUTE = 60_000;

type Failure = (signal: AbortSignal | undefined) => Response | Promise<Response>;

const reset: Failure = () => {
  throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
};
/** Never answers: only the per-attempt timeout ends it. */
const silence: Failure = (signal) =>
  new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));

/** The failures a wait rides out, and the error a spent budget ends it with. */
const retryable: [string, Failure, abstract new (...args: never[]) => ClaidError][] = [
  ["503", () => jsonResponse(503, { error_message: "busy", error_type: "internal" }), InternalServerError],
  ["500", () => jsonResponse(500, {}), InternalServerError],
  ["502 (an HTML proxy page)", () => new Response("<html>Bad gateway</html>", { status: 502 }), InternalServerError],
  ["504", () => jsonResponse(504, {}), InternalServerError],
  // 408 has no class of its own.
  ["408", () => jsonResponse(408, {}), ClaidAPIError],
  ["429 Retry-After: 1", () => jsonResponse(429, {}, { "Retry-After": "1" }), RateLimitError],
  ["a connection reset", reset, ClaidConnectionError],
  ["a timeout (no answer within timeoutMs)", silence, ClaidTimeoutError],
];

/**
 * A server whose first answer is PROCESSING, then `failure` for every request until
 * `recoversAt` (ms after the start; Infinity for never), then DONE.
 */
function outage(failure: Failure, recoversAt: number) {
  const started = Date.now();
  const requests: { method: string; at: number }[] = [];
  const fetch = async (request: Request, init?: { signal: AbortSignal }): Promise<Response> => {
    const at = Date.now() - started;
    requests.push({ method: request.method, at });
    if (request.method === "POST") return jsonResponse(200, ACCEPTED);
    if (requests.filter((r) => r.method === "GET").length === 1) return batch("PROCESSING");
    return at < recoversAt ? failure(init?.signal) : batch("DONE");
  };
  const claid = createClaid({ apiKey: KEY, fetch, timeoutMs: 5000 });
  return { claid, requests };
}

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

describe("wait() rides out an outage shorter than maxOutageMs", () => {
  it.each(retryable)("4 minutes of %s, then DONE: the wait resolves (default budget 5 minutes)", async (_, failure) => {
    const { claid, requests } = outage(failure, 4 * MINUTE);
    const outcome = await settle(claid.batches.wait(7));
    expect(outcome).toMatchObject({ ok: true, value: { status: "DONE" } });
    // Checks went on through the outage (the first failure used to end the wait).
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.at(-1)?.at).toBeGreaterThanOrEqual(4 * MINUTE);
  });

  it.each(retryable)("createAndWait(): 2 minutes of %s after the create, then DONE: one POST", async (_, failure) => {
    const { claid, requests } = outage(failure, 2 * MINUTE);
    const outcome = await settle(claid.batches.createAndWait(body));
    expect(outcome).toMatchObject({ ok: true, value: { status: "DONE" } });
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });
});

describe("a spent outage budget ends the wait with the last error, its taskId, and word that the batch keeps running", () => {
  it.each(retryable)("%s for ever, maxOutageMs 3 minutes", async (_, failure, ErrorClass) => {
    const { claid, requests } = outage(failure, Number.POSITIVE_INFINITY);
    const outcome = await settle(claid.batches.wait(7, { maxOutageMs: 3 * MINUTE }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: ClaidError }).error;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ taskId: 7 });
    expect(error.message).toMatch(/batch 7 .*keeps running/i);
    expect(error.hint).toMatch(/keeps running/);
    // The outage began with the second check (at 2 s); the budget is spent 3 minutes later,
    // give or take the last check's own retries.
    const firstFailure = requests[1]?.at as number;
    expect(outcome.elapsedMs - firstFailure).toBeGreaterThanOrEqual(3 * MINUTE);
    expect(outcome.elapsedMs - firstFailure).toBeLessThanOrEqual(3 * MINUTE + 30_000);
  });

  it("the default budget is 5 minutes", async () => {
    const { claid, requests } = outage(() => jsonResponse(503, {}), Number.POSITIVE_INFINITY);
    const outcome = await settle(claid.batches.wait(7));
    expect(outcome).toMatchObject({ ok: false, error: { taskId: 7 } });
    const outageMs = outcome.elapsedMs - (requests[1]?.at as number);
    expect(outageMs).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(outageMs).toBeLessThanOrEqual(5 * MINUTE + 30_000);
  });

  it("maxOutageMs: 0 ends the wait at the first failed check (after its own retries)", async () => {
    const { claid, requests } = outage(() => jsonResponse(503, {}), Number.POSITIVE_INFINITY);
    const outcome = await settle(claid.batches.wait(7, { maxOutageMs: 0 }));
    expect(outcome).toMatchObject({ ok: false, error: { taskId: 7, attempts: 3 } });
    expect(requests).toHaveLength(1 + 3);
  });

  it("a successful check in between starts a fresh budget", async () => {
    let gets = 0;
    // PROCESSING, then 503s and PROCESSING in turn for 20 minutes, then DONE.
    const fetch = async () => {
      gets++;
      if (Date.now() >= Date.parse("2026-11-27T09:20:00Z")) return batch("DONE");
      return gets % 4 === 1 ? batch("PROCESSING") : jsonResponse(503, {});
    };
    const claid = createClaid({ apiKey: KEY, fetch, maxRetries: 0 });
    const outcome = await settle(claid.batches.wait(7, { maxOutageMs: 30_000 }));
    expect(outcome).toMatchObject({ ok: true, value: { status: "DONE" } });
  });
});

describe("maxWaitMs bounds the whole wait, outage or not", () => {
  it.each(retryable)("%s for ever, maxWaitMs 90 s: BatchWaitTimeoutError at 90 s", async (_, failure) => {
    const { claid } = outage(failure, Number.POSITIVE_INFINITY);
    const outcome = await settle(claid.batches.wait(7, { maxWaitMs: 90_000 }));
    expect(outcome).toMatchObject({ ok: false, elapsedMs: 90_000 });
    expect((outcome as { error: unknown }).error).toBeInstanceOf(BatchWaitTimeoutError);
    expect(outcome).toMatchObject({ error: { taskId: 7, lastStatus: "PROCESSING" } });
  });
});

describe("failures that retrying cannot fix end the wait at once, with the taskId", () => {
  it.each([
    ["401", () => jsonResponse(401, {}), AuthenticationError],
    ["403", () => jsonResponse(403, {}), PermissionDeniedError],
    ["404", () => jsonResponse(404, {}), NotFoundError],
    ["422", () => jsonResponse(422, {}), ValidationError],
    ["a 200 that is not JSON", () => new Response("<html>", { status: 200 }), InvalidResponseError],
  ] as const)("%s", async (_, failure, ErrorClass) => {
    const { claid, requests } = outage(failure, Number.POSITIVE_INFINITY);
    const outcome = await settle(claid.batches.wait(7));
    expect((outcome as { error: unknown }).error).toBeInstanceOf(ErrorClass);
    expect(outcome).toMatchObject({ ok: false, elapsedMs: 2000, error: { taskId: 7 } });
    expect(requests).toHaveLength(2);
  });
});

describe("check() is one GET with the usual per-request retries", () => {
  it("503 for ever: rejects after maxRetries + 1 attempts", async () => {
    const { claid, requests } = outage(() => jsonResponse(503, {}), Number.POSITIVE_INFINITY);
    await claid.batches.check(7);
    const outcome = await settle(claid.batches.check(7));
    expect((outcome as { error: unknown }).error).toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1 + 3);
  });
});

describe("wait options are checked before anything is sent (createAndWait's create is billed)", () => {
  it.each([
    ["maxOutageMs", { maxOutageMs: -1 }],
    ["maxOutageMs", { maxOutageMs: Number.NaN }],
    ["maxOutageMs", { maxOutageMs: "60000" }],
    ["pollIntervalMs", { pollIntervalMs: 0 }],
    ["maxPollIntervalMs", { maxPollIntervalMs: Number.POSITIVE_INFINITY }],
  ])("%s: %j → InvalidArgumentError naming it", async (argument, options) => {
    const { claid, requests } = outage(() => jsonResponse(503, {}), 0);
    for (const call of [
      () => claid.batches.wait(7, options as WaitOptions),
      () => claid.batches.createAndWait(body, options as WaitOptions),
    ]) {
      const outcome = await settle(call());
      expect((outcome as { error: unknown }).error).toBeInstanceOf(InvalidArgumentError);
      expect(outcome).toMatchObject({ error: { argument } });
    }
    expect(requests).toHaveLength(0);
  });
});
