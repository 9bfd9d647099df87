import { apiErrorClass, type ClaidAPIError, errorDetailsOf } from "../errors.ts";

/** Maps a non-2xx response and its (parsed or raw) body to the error class for its status. */
export function toAPIError(
  response: Response,
  rawBody: unknown,
  redact: Redact,
  retryAfterMs: number | undefined,
): ClaidAPIError {
  const { status, statusText } = response;
  const headers = redactHeaders(response.headers, redact);
  const body = redactValue(rawBody, redact);
  const requestId = headers.get("x-request-id");
  const message = `${status}${statusText && ` ${statusText}`}: ${describeBody(headers, body)}${requestId ? ` (request id ${requestId})` : ""}`;
  return new (apiErrorClass(status))({ status, headers, body, message: redact(message), retryAfterMs });
}

function describeBody(headers: Headers, body: unknown): string {
  const details = errorDetailsOf(body);
  if (details) return `${details.error_message} [error_type ${details.error_type}, error_code ${details.error_code}]`;
  const text = body == null ? "" : typeof body === "string" ? body.trim() : JSON.stringify(body);
  if (!text) return "the response had an empty body";
  // An excerpt: a proxy's HTML error page can be long.
  const excerpt = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return `not Claid's JSON error body (${headers.get("content-type")?.split(";")[0] || "no content type"}): ${JSON.stringify(excerpt)}`;
}

export type Redact = (text: string) => string;

/**
 * Returns a function that replaces the secret wherever it stands as a token (not
 * inside a longer word, so a short or common key cannot mangle other text);
 * identity when there is none.
 */
export function redactor(secret: string | null | undefined): Redact {
  if (!secret) return (text) => text;
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const token = new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, "g");
  return (text) => (text.includes(secret) ? text.replace(token, "[redacted]") : text);
}

/** A copy of a JSON value (or string) with the secret replaced in every string. */
function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value === "string") return redact(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return "[unserialisable value]";
  }
  return text && text !== redact(text) ? JSON.parse(redact(text)) : value;
}

/** The headers, copied with the secret redacted when a value carries it (a server may echo it). */
export function redactHeaders(headers: Headers, redact: Redact): Headers {
  let copy: Headers | undefined;
  headers.forEach((value, name) => {
    const clean = redact(value);
    if (clean === value) return;
    copy ??= new Headers(headers);
    copy.set(name, clean);
  });
  return copy ?? headers;
}

/**
 * The error itself, or a stand-in without the secret when its message, stack or
 * any error in its `cause` chain (at any depth; a cycle is cut) carries it.
 */
export function redactCause(error: unknown, redact: Redact, seen = new Set<unknown>()): unknown {
  if (typeof error === "string") return redact(error);
  if (seen.has(error)) return undefined;
  seen.add(error);
  if (!(error instanceof Error)) return redactValue(error, redact);
  const cause = redactCause(error.cause, redact, seen);
  const message = redact(error.message);
  const stack = redact(`${error.stack}`);
  if (message === error.message && stack === `${error.stack}` && cause === error.cause) return error;
  const clean = new Error(message, cause === undefined ? undefined : { cause });
  clean.name = error.name;
  clean.stack = stack;
  return clean;
}
