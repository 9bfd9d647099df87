import { apiErrorClass, type ClaidAPIError, isErrorDetails } from "../errors.ts";

const MAX_BODY_EXCERPT = 200;

/** Maps a non-2xx response and its (parsed or raw) body to the error class for its status. */
export function toAPIError(
  response: Response,
  rawBody: unknown,
  redact: Redact,
  retryAfterMs: number | undefined,
): ClaidAPIError {
  const body = redactValue(rawBody, redact);
  const ErrorClass = apiErrorClass(response.status);
  const requestId = response.headers.get("x-request-id");
  const message = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}: ${describeBody(response, body)}${requestId ? ` (request id ${requestId})` : ""}`;
  return new ErrorClass({
    status: response.status,
    headers: response.headers,
    body,
    message: redact(message),
    retryAfterMs,
  });
}

function describeBody(response: Response, body: unknown): string {
  if (isErrorDetails(body)) {
    return `${body.error_message} [error_type ${body.error_type}, error_code ${body.error_code}]`;
  }
  if (body === undefined || body === null || (typeof body === "string" && body.trim() === "")) {
    return "the response had an empty body";
  }
  const type = response.headers.get("content-type")?.split(";")[0] || "unknown content type";
  const text = typeof body === "string" ? body.trim() : JSON.stringify(body);
  const excerpt = text.length > MAX_BODY_EXCERPT ? `${text.slice(0, MAX_BODY_EXCERPT)}…` : text;
  return `the response was not Claid's JSON error body (${type}): ${JSON.stringify(excerpt)}`;
}

export type Redact = (text: string) => string;

/** Returns a function that replaces every occurrence of the secret; identity when there is none. */
export function redactor(secret: string | undefined): Redact {
  if (!secret) return (text) => text;
  return (text) => text.split(secret).join("[redacted]");
}

/** A copy of a JSON value (or string) with the secret replaced in every string. */
function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value === "string") return redact(value);
  if (typeof value !== "object" || value === null) return value;
  const text = JSON.stringify(value);
  const clean = redact(text);
  return clean === text ? value : JSON.parse(clean);
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
