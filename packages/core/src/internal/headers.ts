import type { RateLimitInfo } from "../types.ts";

/**
 * `RateLimit-<name>` as a finite number ≥ 0, else undefined. For `RateLimit-Limit`
 * in the IETF draft syntax (`120, 120;w=60, 4;w=1`) that is the first number.
 */
function count(headers: Headers, name: string): number | undefined {
  const value = headers.get(`ratelimit-${name}`)?.split(/[,;]/)[0]?.trim();
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
 * Malformed values are ignored; the result may be huge (callers bound it).
 */
export function serverDelayMs(response: Response, now: number): number | undefined {
  const retryAfter = response.headers.get("retry-after")?.trim();
  if (retryAfter) {
    // Delay-seconds, or an HTTP date (which has letters); anything else ("-5", "0x10") is ignored.
    const ms = /^\d+(\.\d+)?$/.test(retryAfter)
      ? Number(retryAfter) * 1000
      : /[a-z]/i.test(retryAfter)
        ? Date.parse(retryAfter) - now
        : Number.NaN;
    if (Number.isFinite(ms)) return Math.max(0, ms);
  }
  const limits = rateLimitOf(response.headers);
  if (limits?.resetSeconds !== undefined && (limits.remaining === 0 || response.status === 429)) {
    return limits.resetSeconds * 1000;
  }
  return undefined;
}
