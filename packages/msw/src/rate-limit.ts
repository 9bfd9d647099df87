/**
 * Claid's rate limits as the mock enforces them: per API key, every window of
 * the policy is a sliding window, announced in `RateLimit-*` headers on every answer.
 */
import { CLAID_RATE_LIMIT, InvalidArgumentError, parseRateLimitPolicy, type RateLimitWindow } from "@claid/core";

/** What the limiter decided about one request. */
export interface RateLimitDecision {
  /** True when a window is full: answer 429. The request was not counted. */
  limited: boolean;
  /** `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`, after counting the request. */
  headers: Record<string, string>;
}

/**
 * Counts requests per key on arrival, so concurrent requests cannot all slip in:
 * at most `quota` accepted requests in any `windowSeconds`-long interval, for every
 * window. Refused requests do not count against the key.
 */
export function createRateLimiter(
  policy: RateLimitWindow[] | string,
  now: () => number,
): (key: string) => RateLimitDecision {
  const windows = typeof policy === "string" ? parseRateLimitPolicy(policy) : policy;
  const valid = (w: RateLimitWindow) => Number.isInteger(w?.quota) && w.quota > 0 && w.windowSeconds > 0;
  if (!Array.isArray(windows) || windows.length === 0 || !windows.every(valid)) {
    throw new InvalidArgumentError({
      argument: "rateLimit",
      problem: `must be windows ({ quota, windowSeconds }), a policy like "${CLAID_RATE_LIMIT}" or false, got ${JSON.stringify(policy)}.`,
    });
  }
  const longestMs = Math.max(...windows.map((w) => w.windowSeconds * 1000));
  /** Accepted requests' arrival times per key, oldest first, as long as a window may count them. */
  const accepted = new Map<string, number[]>();

  return (key) => {
    const time = now();
    const times = (accepted.get(key) ?? []).filter((at) => at > time - longestMs);
    // A request at exactly `time - windowMs` has left the window [time - windowMs + 1, time].
    const inWindow = (w: RateLimitWindow) => times.filter((at) => at > time - w.windowSeconds * 1000);
    const limited = windows.some((w) => inWindow(w).length >= w.quota);
    if (!limited) times.push(time);
    accepted.set(key, times);
    // The window closest to exhaustion speaks for all (Claid's first number); on a tie, the one that frees up last.
    const states = windows.map((w) => {
      const counted = inWindow(w);
      const oldest = counted[0];
      const resetMs = oldest === undefined ? 0 : oldest + w.windowSeconds * 1000 - time;
      return { quota: w.quota, remaining: Math.max(0, w.quota - counted.length), resetMs };
    });
    const closest = states.reduce((a, b) =>
      b.remaining < a.remaining || (b.remaining === a.remaining && b.resetMs > a.resetMs) ? b : a,
    );
    return {
      limited,
      headers: {
        "RateLimit-Limit": [closest.quota, ...windows.map((w) => `${w.quota};w=${w.windowSeconds}`)].join(", "),
        "RateLimit-Remaining": String(closest.remaining),
        "RateLimit-Reset": String(Math.ceil(closest.resetMs / 1000)),
      },
    };
  };
}
