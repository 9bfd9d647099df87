import { apiErrorClass, type ClaidAPIError, type ClaidError, errorDetailsOf } from "../errors.ts";
import { requestIdOf } from "./headers.ts";

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
  const requestId = requestIdOf(headers);
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
 * Returns a function that replaces every occurrence of the secret, in any case, as a
 * substring (`rid-KEY`, `key_KEY`, `\nKEY` in JSON text), also when some or all of its
 * characters are percent-encoded (`Bearer%20KEY`, `encodeURIComponent(key)`, any `%XX`
 * of its characters) or JSON-escaped (`\"`, `\\`), and the base64 or base64url of any
 * text that contains it (`Bearer KEY`, `user:KEY` of Basic auth; padded or not); identity
 * when there is no secret. Keys are at least 8 characters long (`createClaid` refuses
 * shorter ones), so a match cannot mangle ordinary text. Not covered: other encodings a
 * server might invent (reversed, split, HTML entities, fullwidth letters).
 */
export function redactor(secret: string | null | undefined): Redact {
  if (!secret) return (text) => text;
  const forms = [secret, ...base64Cores(secret)].map((form) => [...form].map(characterForms).join(""));
  const pattern = new RegExp(forms.join("|"), "gi");
  return (text) => text.replace(pattern, "[redacted]");
}

/**
 * The base64 and base64url characters that encode the secret wherever it sits in encoded
 * text: the encoding of its bytes depends on their offset in a 3-byte group, so for each
 * offset, the characters made of the secret's bits alone (not of a neighbour's).
 */
function base64Cores(secret: string): string[] {
  // Keys are printable ASCII (`createClaid` checks): one byte per character, as btoa needs.
  return [0, 1, 2].flatMap((offset) => {
    // Each character holds 6 bits: skip those that hold an offset byte's bits (0, 2, 3 of them), keep the
    // whole characters within the bytes (slice truncates the fraction), not one that takes a next byte's bits.
    const core = btoa("\0".repeat(offset) + secret).slice(offset && offset + 1, ((offset + secret.length) * 4) / 3);
    return [core, core.replace(/\+/g, "-").replace(/\//g, "_")];
  });
}

/** The forms one character may take in text: itself, %XX (the pattern ignores case), its JSON escape. */
function characterForms(character: string): string {
  const forms = [
    character.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"),
    // Keys are printable ASCII (U+0021–U+007E): one %XX byte each.
    `%${character.charCodeAt(0).toString(16)}`,
  ];
  const escaped = JSON.stringify(character).slice(1, -1);
  if (escaped !== character) forms.push(escaped.replace(/\\/g, "\\\\"));
  return `(?:${forms.join("|")})`;
}

/** A copy of a JSON value (or string) with the secret replaced in every string (and property name). */
export function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value === "string") return redact(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return "[unserialisable value]";
  }
  if (text === undefined || text === redact(text)) return value;
  try {
    return JSON.parse(redact(text));
  } catch {
    // A secret made of JSON syntax matched across a string's edge: keep the redacted text.
    return redact(text);
  }
}

/**
 * A value parsed from `text`, with the secret redacted: a batch that echoes the key
 * (in a URL, an error string) must not carry it to logs, files or a terminal. A copy
 * only when the text carried it.
 */
export function redactParsed<T>(value: T, text: string, redact: Redact): T {
  return redact(text) === text ? value : (redactValue(value, redact) as T);
}

/** Adds advice to an error after it was built: kept in `hint`, appended to the message. */
export function addHint(error: ClaidError, hint: string): void {
  error.hint = hint;
  error.message += ` ${hint}`;
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
