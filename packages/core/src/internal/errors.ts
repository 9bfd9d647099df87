import { apiErrorClass, type ClaidAPIError, isErrorDetails } from "../errors.ts";

/** Maps a non-2xx response and its (parsed or raw) body to the error class for its status. */
export function toAPIError(
  response: Response,
  rawBody: unknown,
  redact: Redact,
  retryAfterMs: number | undefined,
): ClaidAPIError {
  const { status, statusText, headers } = response;
  const body = redactValue(rawBody, redact);
  const requestId = headers.get("x-request-id");
  const message = `${status}${statusText && ` ${statusText}`}: ${describeBody(headers, body)}${requestId ? ` (request id ${requestId})` : ""}`;
  return new (apiErrorClass(status))({ status, headers, body, message: redact(message), retryAfterMs });
}

function describeBody(headers: Headers, body: unknown): string {
  if (isErrorDetails(body)) {
    return `${body.error_message} [error_type ${body.error_type}, error_code ${body.error_code}]`;
  }
  const text = body == null ? "" : typeof body === "string" ? body.trim() : JSON.stringify(body);
  if (!text) return "the response had an empty body";
  // An excerpt: a proxy's HTML error page can be long.
  const excerpt = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return `not Claid's JSON error body (${headers.get("content-type")?.split(";")[0] || "no content type"}): ${JSON.stringify(excerpt)}`;
}

export type Redact = (text: string) => string;

/** Returns a function that replaces every occurrence of the secret; identity when there is none. */
export function redactor(secret: string | null | undefined): Redact {
  return (text) => (secret ? text.split(secret).join("[redacted]") : text);
}

/** A copy of a JSON value (or string) with the secret replaced in every string. */
function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value === "string") return redact(value);
  const text = JSON.stringify(value);
  return text && text !== redact(text) ? JSON.parse(redact(text)) : value;
}

/** The error itself, or a stand-in without the secret when its message carries it. */
export function redactCause(error: unknown, redact: Redact): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? redact(error) : error;
  const message = redact(error.message);
  if (message === error.message) return error;
  const clean = new Error(message);
  clean.name = error.name;
  clean.stack = `${error.name}: ${message}`;
  return clean;
}
