/**
 * The retry decision, as a table: every answer (status or failure kind) × method ×
 * attempt × server-asked delay. The policy rows are written out by hand; the cross
 * product only applies the two limits every row shares (attempts, server delay cap).
 */
import { describe, expect, it } from "vitest";
import {
  type AttemptOutcome,
  BACKOFF_FACTOR,
  backoffMs,
  decideRetry,
  INITIAL_BACKOFF_MS,
  MAX_BACKOFF_MS,
  type RetryInput,
} from "../src/internal/retry.ts";

type Method = "GET" | "POST" | "POST, retryNonIdempotent";
const METHODS: Method[] = ["GET", "POST", "POST, retryNonIdempotent"];

/**
 * What happened → [retried for GET, for POST, for POST with retryNonIdempotent, whether a POST may have created the batch].
 * 429 is retried for a POST too: the server refused it. A 3xx to a POST is a redirect that is never followed.
 */
const POLICY: [string, AttemptOutcome, boolean, boolean, boolean, boolean][] = [
  ["301", { status: 301 }, false, false, false, true],
  ["303", { status: 303 }, false, false, false, true],
  ["304", { status: 304 }, false, false, false, true],
  ["307", { status: 307 }, false, false, false, true],
  ["400", { status: 400 }, false, false, false, false],
  ["401", { status: 401 }, false, false, false, false],
  ["402", { status: 402 }, false, false, false, false],
  ["403", { status: 403 }, false, false, false, false],
  ["404", { status: 404 }, false, false, false, false],
  ["408", { status: 408 }, true, false, true, true],
  ["409", { status: 409 }, false, false, false, false],
  ["418", { status: 418 }, false, false, false, false],
  ["422", { status: 422 }, false, false, false, false],
  ["429", { status: 429 }, true, true, true, false],
  ["500", { status: 500 }, true, false, true, true],
  ["501", { status: 501 }, false, false, false, true],
  ["502", { status: 502 }, true, false, true, true],
  ["503", { status: 503 }, true, false, true, true],
  ["504", { status: 504 }, true, false, true, true],
  ["505", { status: 505 }, false, false, false, true],
  ["not sent (refused, DNS)", { failure: "not-sent" }, true, true, true, false],
  ["connection lost", { failure: "connection" }, true, false, true, true],
  ["timeout", { failure: "timeout" }, true, false, true, true],
  ["2xx body cut off", { failure: "cut-off" }, true, false, false, true],
  ["2xx body invalid", { failure: "invalid-response" }, false, false, false, true],
];

const MAX_RETRIES = 2;
const CAP = 60_000;
const ATTEMPTS = [1, 2, 3];
/** Server-asked delays: none, zero, at the cap, just past it, absurd. */
const SERVER_DELAYS = [undefined, 0, CAP, CAP + 1, 1e23];

const input = (outcome: AttemptOutcome, method: Method, rest: Partial<RetryInput> = {}): RetryInput => ({
  outcome,
  idempotent: method === "GET",
  retryNonIdempotent: method === "POST, retryNonIdempotent",
  attempt: 1,
  maxRetries: MAX_RETRIES,
  earlierOutcomeUnknown: false,
  serverDelayMs: undefined,
  maxServerDelayMs: CAP,
  random: () => 0.5,
  ...rest,
});

const rows = POLICY.flatMap(([what, outcome, get, post, postOptIn, mayExist]) =>
  METHODS.flatMap((method) =>
    ATTEMPTS.flatMap((attempt) =>
      SERVER_DELAYS.map((serverDelayMs) => {
        const policy = method === "GET" ? get : method === "POST" ? post : postOptIn;
        const retry = policy && attempt <= MAX_RETRIES && (serverDelayMs ?? 0) <= CAP;
        const unknown = method !== "GET" && mayExist;
        return { what, outcome, method, attempt, serverDelayMs, retry, unknown };
      }),
    ),
  ),
);

describe("decideRetry", () => {
  it.each(rows)(
    "$what, $method, attempt $attempt, server delay $serverDelayMs → retry $retry, outcome unknown $unknown",
    ({ outcome, method, attempt, serverDelayMs, retry, unknown }) => {
      const decision = decideRetry(input(outcome, method, { attempt, serverDelayMs }));
      const backoff = 0.5 * Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * BACKOFF_FACTOR ** (attempt - 1));
      expect(decision).toEqual(
        retry
          ? {
              retry: true,
              delayMs: serverDelayMs ?? backoff,
              reason: serverDelayMs === undefined ? "backoff" : "server",
              outcomeUnknown: unknown,
            }
          : { retry: false, outcomeUnknown: unknown },
      );
    },
  );

  it.each([
    ["a refusal (422) after a lost attempt", { status: 422 }],
    ["a 429 past the cap after a lost attempt", { status: 429 }],
    ["not sent after a lost attempt", { failure: "not-sent" }],
  ] as const)("a POST stays outcome-unknown once an earlier attempt may have created it: %s", (_, outcome) => {
    const decision = decideRetry(
      input(outcome, "POST, retryNonIdempotent", { attempt: 3, earlierOutcomeUnknown: true, serverDelayMs: 1e9 }),
    );
    expect(decision).toEqual({ retry: false, outcomeUnknown: true });
  });

  it("a GET is never outcome-unknown", () => {
    expect(decideRetry(input({ status: 503 }, "GET", { attempt: 3, earlierOutcomeUnknown: true }))).toEqual({
      retry: false,
      outcomeUnknown: false,
    });
  });

  it("maxRetries 0 never retries, whatever happened", () => {
    for (const [, outcome] of POLICY) {
      expect(decideRetry(input(outcome, "GET", { maxRetries: 0 })).retry).toBe(false);
    }
  });
});

describe("backoff: full jitter, 500 ms doubling to 8 s", () => {
  it("has the documented limits", () => {
    expect([INITIAL_BACKOFF_MS, BACKOFF_FACTOR, MAX_BACKOFF_MS]).toEqual([500, 2, 8000]);
  });

  it.each([
    [1, 0, 0],
    [1, 0.5, 250],
    [1, 0.999, 499.5],
    [2, 0.999, 999],
    [3, 0.5, 1000],
    [4, 0.5, 2000],
    [5, 0.5, 4000],
    [6, 0.5, 4000],
    [20, 0.999, 7992],
  ])("before retry %i with jitter %d: %d ms", (attempt, random, expected) => {
    expect(backoffMs(attempt, () => random)).toBeCloseTo(expected, 6);
  });
});
