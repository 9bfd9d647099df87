/** Claid's `RateLimit-*` response headers. */
export interface RateLimitInfo {
  /** Requests allowed in the current window (`RateLimit-Limit`). */
  limit: number | undefined;
  /** Requests left in the window (`RateLimit-Remaining`). */
  remaining: number | undefined;
  /** Seconds until the window resets (`RateLimit-Reset`). */
  resetSeconds: number | undefined;
}

function count(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function rateLimitOf(headers: Headers): RateLimitInfo | undefined {
  const info = {
    limit: count(headers, "ratelimit-limit"),
    remaining: count(headers, "ratelimit-remaining"),
    resetSeconds: count(headers, "ratelimit-reset"),
  };
  return info.limit === undefined && info.remaining === undefined && info.resetSeconds === undefined ? undefined : info;
}

/**
 * How long the server asked us to wait, in ms: `Retry-After` (seconds or an
 * HTTP date), else `RateLimit-Reset` when the window is used up or the answer is 429.
 */
export function serverDelayMs(response: Response, now: number): number | undefined {
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const limits = rateLimitOf(response.headers);
  if (limits?.resetSeconds !== undefined && (limits.remaining === 0 || response.status === 429)) {
    return limits.resetSeconds * 1000;
  }
  return undefined;
}
