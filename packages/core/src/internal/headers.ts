/** Claid's `RateLimit-*` response headers. */
export interface RateLimitInfo {
  /** Requests allowed in the current window (`RateLimit-Limit`). */
  limit: number | undefined;
  /** Requests left in the window (`RateLimit-Remaining`). */
  remaining: number | undefined;
  /** Seconds until the window resets (`RateLimit-Reset`). */
  resetSeconds: number | undefined;
}

/** `RateLimit-<name>` as a finite number ≥ 0, else undefined; of a list ("120, 120;w=60, 4;w=1"), the first item. */
function count(headers: Headers, name: string): number | undefined {
  const value = headers.get(`ratelimit-${name}`)?.split(",")[0]?.trim();
  const n = Number(value);
  return value && Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function rateLimitOf(headers: Headers): RateLimitInfo | undefined {
  const info = {
    limit: count(headers, "limit"),
    remaining: count(headers, "remaining"),
    resetSeconds: count(headers, "reset"),
  };
  return Object.values(info).some((n) => n !== undefined) ? info : undefined;
}

/**
 * How long the server asked us to wait, in ms: `Retry-After` (seconds or an
 * HTTP date), else `RateLimit-Reset` when the window is used up or the answer is 429.
 */
export function serverDelayMs(response: Response, now: number): number | undefined {
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (!Number.isNaN(ms)) return Math.max(0, ms);
  }
  const limits = rateLimitOf(response.headers);
  if (limits?.resetSeconds !== undefined && (limits.remaining === 0 || response.status === 429)) {
    return limits.resetSeconds * 1000;
  }
  return undefined;
}
