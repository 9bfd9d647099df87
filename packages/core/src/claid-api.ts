/**
 * Facts about Claid's API and where a key may be sent, owned here and imported by
 * every package (the mock, the Node downloader, the CLI), so they cannot drift apart.
 */
import { describeValue, InvalidArgumentError } from "./errors.ts";

/** Claid's API. */
export const DEFAULT_BASE_URL = "https://api.claid.ai";

/**
 * True for Claid's own API host, however it is spelt: any case, with or without the
 * trailing dot of a fully qualified name (`API.claid.ai.`), so that every spelling gets
 * Claid's built-in rate limit.
 */
export function isClaidHost(hostname: string): boolean {
  return /^api\.claid\.ai\.?$/i.test(hostname);
}

/** Claid's documented rate limits per API key, in the `RateLimit-Limit` syntax: 120 per minute and 4 per second. */
export const CLAID_RATE_LIMIT = "120;w=60, 4;w=1";

/**
 * True for a host on this machine (`localhost`, `127.x.x.x`, `[::1]`): the only hosts
 * that may get an API key or a download over plain `http:`.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(hostname);
}

/**
 * A batch's `task_id` as the spec types it: any safe integer (the spec sets no minimum, so an id
 * a create answered with is always usable), or a string of decimal digits with an optional minus
 * (no "", "0x1F", "1e1", "1.0", " 1"). Anything else is `InvalidArgumentError` naming `taskId`,
 * so a value like "1/../x" can never reach a URL path.
 */
export function parseTaskId(value: unknown): number {
  const id = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof id === "number" && Number.isSafeInteger(id)) return id;
  throw new InvalidArgumentError({
    argument: "taskId",
    problem: `must be a safe integer or a string of digits, got ${describeValue(value)}.`,
  });
}
