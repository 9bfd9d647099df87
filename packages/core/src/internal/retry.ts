/**
 * The retry decision of one attempt, as a pure function: what happened, to which
 * method, at which attempt → retry after how long, or stop (and whether a create
 * may then exist). The transport loop only carries out what it says.
 */

/** The first backoff's upper bound, ms. */
export const INITIAL_BACKOFF_MS = 500;
/** Each further backoff's upper bound is this many times the previous one. */
export const BACKOFF_FACTOR = 2;
/** No backoff is longer than this, ms. */
export const MAX_BACKOFF_MS = 8000;
/** Answers worth another attempt: the request timed out, was refused for now, or the server failed. */
export const RETRY_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

/**
 * How an attempt failed without a usable answer:
 * - `not-sent`: nothing reached a server (connection refused, DNS failure, invalid port, TLS handshake);
 * - `connection`: the connection failed after the request may have been written, before an answer's status;
 * - `timeout`: no answer's status within `timeoutMs`;
 * - `cut-off`: a 2xx answer came, then its body broke off or did not arrive within `timeoutMs`;
 * - `invalid-response`: a 2xx body arrived whole but is not the documented answer (or is too large).
 */
export type FailureKind = "not-sent" | "connection" | "timeout" | "cut-off" | "invalid-response";

/** What one attempt ended with: an HTTP status (not 2xx), or a failure kind. */
export type AttemptOutcome = { status: number } | { failure: FailureKind };

export interface RetryInput {
  outcome: AttemptOutcome;
  /** GET (true) may be repeated freely; POST creates a billed batch. */
  idempotent: boolean;
  /** The caller accepts that a create may be repeated after an unknown outcome. */
  retryNonIdempotent: boolean;
  /** 1 for the first attempt. */
  attempt: number;
  maxRetries: number;
  /** Whether an earlier attempt of this call may already have created the batch (only with `retryNonIdempotent`). */
  earlierOutcomeUnknown: boolean;
  /** The delay the server asked for (`Retry-After`, `RateLimit-Reset`), ms, if it did. */
  serverDelayMs: number | undefined;
  /** The longest server-asked delay slept through, ms (`maxServerDelayMs`); a longer one ends the call at once. */
  maxServerDelayMs: number;
  /** A number in [0, 1): the jitter source. */
  random: () => number;
}

export type RetryDecision =
  | {
      retry: true;
      delayMs: number;
      reason: "backoff" | "server";
      /** Whether the batch may exist already (carried to the next attempt's `earlierOutcomeUnknown`). */
      outcomeUnknown: boolean;
    }
  | { retry: false; outcomeUnknown: boolean };

/** The full-jitter backoff before attempt `attempt + 1`: uniform in [0, min(cap, initial × factor^(attempt − 1))). */
export function backoffMs(attempt: number, random: () => number): number {
  return random() * Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * BACKOFF_FACTOR ** (attempt - 1));
}

/**
 * Whether a POST may have created the batch, given how its attempt ended. A server error,
 * a 408, a timeout, a connection lost after sending, a redirect (never followed for a POST),
 * or a 2xx whose body was lost or unusable leave it possible; a 4xx refusing the request or
 * a failure before anything was sent do not.
 */
function mayHaveCreated(outcome: AttemptOutcome): boolean {
  if ("failure" in outcome) return outcome.failure !== "not-sent";
  const { status } = outcome;
  return status === 408 || (status >= 300 && status < 400) || status >= 500;
}

/** Whether this outcome is worth another attempt at all, for this method. */
function retryable(outcome: AttemptOutcome, idempotent: boolean, retryNonIdempotent: boolean): boolean {
  if ("failure" in outcome) {
    switch (outcome.failure) {
      case "not-sent":
        return true;
      // A 2xx was answered: for a POST the batch exists, so another POST would be a second batch.
      case "cut-off":
        return idempotent;
      // The same server would answer the same way.
      case "invalid-response":
        return false;
      default:
        return idempotent || retryNonIdempotent;
    }
  }
  const { status } = outcome;
  // 429: the server refused the request, so even a POST did nothing yet. A redirect or any
  // other 3xx (304) is an answer, not a transient failure.
  if (status === 429) return true;
  if (status >= 300 && status < 400) return false;
  return RETRY_STATUSES.includes(status) && (idempotent || retryNonIdempotent);
}

export function decideRetry(input: RetryInput): RetryDecision {
  const { outcome, idempotent, attempt, maxRetries, serverDelayMs, maxServerDelayMs } = input;
  const outcomeUnknown = !idempotent && (input.earlierOutcomeUnknown || mayHaveCreated(outcome));
  if (
    attempt > maxRetries ||
    !retryable(outcome, idempotent, input.retryNonIdempotent) ||
    (serverDelayMs ?? 0) > maxServerDelayMs
  ) {
    return { retry: false, outcomeUnknown };
  }
  return serverDelayMs === undefined
    ? { retry: true, delayMs: backoffMs(attempt, input.random), reason: "backoff", outcomeUnknown }
    : { retry: true, delayMs: serverDelayMs, reason: "server", outcomeUnknown };
}
