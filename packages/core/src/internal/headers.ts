import type { RateLimitInfo } from "../types.ts";

/**
 * A count or a number of seconds as HTTP headers write them (RFC 9110 delay-seconds,
 * the RateLimit fields): plain decimal digits, nothing else. `1e1`, `0x10`, `0b101`, `-5`,
 * `Infinity`, ` 5` and digits too many for a number are malformed: undefined.
 */
export function headerNumber(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `RateLimit-<name>` as a number, else undefined. For `RateLimit-Limit`
 * in the IETF draft syntax (`120, 120;w=60, 4;w=1`) that is the first number.
 */
function count(headers: Headers, name: string): number | undefined {
  return headerNumber(headers.get(`ratelimit-${name}`)?.split(/[,;]/)[0]?.trim());
}

/** The server's id for a request (`x-request-id`), if it sent one. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? undefined;
}

export function rateLimitOf(headers: Headers): RateLimitInfo | undefined {
  const info = {
    limit: count(headers, "limit"),
    remaining: count(headers, "remaining"),
    resetSeconds: count(headers, "reset"),
  };
  return Object.values(info).some((n) => n !== undefined) ? info : undefined;
}

/** All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) start with the day's name. */
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? /i;

/**
 * How long the server asked us to wait, in ms: `Retry-After` (delay-seconds or an
 * HTTP date), else `RateLimit-Reset` when the window is used up or the answer is 429.
 * Malformed values are ignored; the result may be huge (callers bound it).
 */
export function serverDelayMs(response: Response, now: number): number | undefined {
  const retryAfter = response.headers.get("retry-after");
  const seconds = headerNumber(retryAfter);
  if (seconds !== undefined) return seconds * 1000;
  if (retryAfter && HTTP_DATE.test(retryAfter)) {
    const ms = Date.parse(retryAfter) - now;
    if (Number.isFinite(ms)) return Math.max(0, ms);
  }
  const limits = rateLimitOf(response.headers);
  if (limits?.resetSeconds !== undefined && (limits.remaining === 0 || response.status === 429)) {
    return limits.resetSeconds * 1000;
  }
  return undefined;
}

/**
 * The headers the pacer learns from: a malformed `RateLimit-Remaining` or `RateLimit-Reset`
 * is removed, a `RateLimit-Reset` longer than `maxServerDelayMs` is cut to it, and a
 * `RateLimit-Limit` window longer than that (`1;w=1000000000`) is dropped — a hostile or
 * mistaken value cannot park the client for months.
 */
export function pacerHeaders(headers: Headers, maxServerDelayMs: number): Headers {
  const remaining = headers.get("ratelimit-remaining");
  const reset = headers.get("ratelimit-reset");
  const resetSeconds = headerNumber(reset);
  const windows = headers.get("ratelimit-limit")?.split(",");
  const longWindow = (item: string) => Number(/\bw=([\d.]+)/.exec(item)?.[1]) * 1000 > maxServerDelayMs;
  const dropRemaining = remaining !== null && headerNumber(remaining) === undefined;
  const cutReset = reset !== null && (resetSeconds === undefined || resetSeconds * 1000 > maxServerDelayMs);
  const dropWindows = !!windows?.some(longWindow);
  if (!dropRemaining && !cutReset && !dropWindows) return headers;
  const copy = new Headers(headers);
  if (dropRemaining) copy.delete("ratelimit-remaining");
  if (cutReset && resetSeconds === undefined) copy.delete("ratelimit-reset");
  else if (cutReset) copy.set("ratelimit-reset", String(Math.floor(maxServerDelayMs / 1000)));
  if (dropWindows) copy.set("ratelimit-limit", (windows ?? []).filter((item) => !longWindow(item)).join(","));
  return copy;
}
