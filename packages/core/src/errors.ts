import { rateLimitOf, requestIdOf } from "./internal/headers.ts";
import type { BatchResult, BatchStatus, HttpErrorDetails, RateLimitInfo } from "./types.ts";

/**
 * A value as an error message shows it: strings quoted (cut short at 80 characters),
 * functions, arrays and objects by kind, anything else as `String()` gives it.
 * The SDK, `@claid/node` and the CLI word rejected values with it.
 *
 * @example
 * describeValue("abc"); // '"abc"' (a string of more than 80 characters: its first 80 and "…")
 * describeValue(3); // "3"
 * describeValue([1]); // "an array"
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === "function") return "a function";
  if (typeof value !== "object" || value === null) return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

/** What a `ClaidError` is built from besides its message. */
export interface ClaidErrorOptions extends ErrorOptions {
  /** Advice in the SDK's terms; appended to the message and kept in `hint`. */
  hint?: string | undefined;
  /** The batch concerned, when it was created. */
  taskId?: number | undefined;
}

/**
 * Base class of every error this SDK throws. Code reads its fields (`hint`, `taskId`,
 * `outcomeUnknown`, …), never its message, whose wording may change in any release.
 * `name` is the class's own name, typed as a literal in every SDK class so that it narrows.
 */
export class ClaidError extends Error {
  // `string` here, so that applications may subclass ClaidError with names of their own.
  override readonly name: string = "ClaidError";
  /** HTTP attempts made before this error (0: rejected before any request). */
  attempts = 0;
  /**
   * True when a `create()` failed in a way that leaves its outcome unknown (the
   * request was sent but no answer came back): the batch may exist. It was not
   * retried, so it cannot have been submitted twice.
   */
  outcomeUnknown = false;
  /** The batch this error concerns, on every error raised after its create succeeded: the batch exists. */
  taskId: number | undefined = undefined;
  /** What to do about it, in the SDK's terms (options, calls); also the last sentence(s) of `message`. */
  hint: string | undefined = undefined;

  constructor(message: string, options: ClaidErrorOptions = {}) {
    const { hint, taskId, ...errorOptions } = options;
    super(hint ? `${message} ${hint}` : message, errorOptions);
    this.hint = hint;
    this.taskId = taskId;
  }
}

/** What an `InvalidArgumentError` is built from. */
export interface InvalidArgumentInit {
  /** The argument, option or environment variable rejected, as the SDK names it (`apiKey`, `options.concurrency`). */
  argument: string;
  /** What is wrong with it, worded to follow its name: `"must be an integer ≥ 1, got 0."` */
  problem: string;
  /** Advice in the SDK's terms. */
  hint?: string | undefined;
  cause?: unknown;
}

/**
 * An argument was rejected before any request was sent. The message is
 * `` `${argument} ${problem}` `` (then the hint), so that a caller that names the
 * argument differently (a CLI flag) words its own line from `problem`.
 */
export class InvalidArgumentError extends ClaidError {
  override readonly name = "InvalidArgumentError" as const;
  /** The argument, option or environment variable rejected, as the SDK names it. */
  declare readonly argument: string;
  /** What is wrong with it, without its name: `"must be an integer ≥ 1, got 0."` */
  declare readonly problem: string;
  constructor({ argument, problem, hint, cause }: InvalidArgumentInit) {
    super(`${argument} ${problem}`, { hint, ...(cause !== undefined && { cause }) });
    this.argument = argument;
    this.problem = problem;
  }
}

/** What a `ClaidAPIError` is built from. */
export interface APIErrorInit {
  status: number;
  headers: Headers;
  /** The parsed error body, or the raw text when it was not JSON. */
  body: unknown;
  message: string;
  /** How long the server asked to wait before retrying, when it said. */
  retryAfterMs?: number | undefined;
}

/** `ClaidAPIError`'s name and its subclasses' (a subclass's `name` narrows the union). */
export type ClaidAPIErrorName =
  | "ClaidAPIError"
  | "BadRequestError"
  | "AuthenticationError"
  | "PaymentRequiredError"
  | "PermissionDeniedError"
  | "NotFoundError"
  | "ConflictError"
  | "ValidationError"
  | "RateLimitError"
  | "InternalServerError";

/** The API answered with a non-2xx status. Subclasses are chosen by status. */
export class ClaidAPIError extends ClaidError {
  override readonly name: ClaidAPIErrorName = "ClaidAPIError";
  declare readonly status: number;
  /** Claid's `error_code`, when the body had one. */
  declare readonly errorCode: string | undefined;
  /** Claid's `error_type` (`auth`, `validation`, …), when the body had one. */
  declare readonly errorType: HttpErrorDetails["error_type"] | undefined;
  /** Claid's human-readable `error_message`, when the body had one. */
  declare readonly errorMessage: string | undefined;
  /** Claid's `error_details`: for validation errors, field path → messages (`{}` for other errors). */
  declare readonly errorDetails: ErrorDetails | undefined;
  /** The `x-request-id` response header: quote it when reporting a problem to Claid. */
  declare readonly requestId: string | undefined;
  /** `RateLimit-*` headers of the response. */
  declare readonly rateLimit: RateLimitInfo | undefined;
  /** How long the server asked to wait (`Retry-After` / `RateLimit-Reset`), in ms. */
  declare readonly retryAfterMs: number | undefined;
  /** The response headers (values that carried the API key are redacted). */
  declare readonly headers: Headers;
  /** The parsed error body (`{ error_code, … }` or `{ detail: { … } }`), or its text when not JSON; the key redacted. */
  declare readonly body: unknown;

  constructor({ status, headers, body, message, retryAfterMs }: APIErrorInit) {
    super(message);
    const details = errorDetailsOf(body);
    this.status = status;
    this.body = body;
    this.errorCode = details?.error_code;
    this.errorType = details?.error_type;
    this.errorMessage = details?.error_message;
    this.errorDetails = details && fieldMessages(details.error_details);
    this.requestId = requestIdOf(headers);
    this.rateLimit = rateLimitOf(headers);
    this.retryAfterMs = retryAfterMs;
    this.headers = headers;
  }
}

/** 400: a generic bad request (e.g. an unreadable storage object or invalid JSON). */
export class BadRequestError extends ClaidAPIError {
  override readonly name = "BadRequestError" as const;
}
/** 401: the API key is missing or invalid. */
export class AuthenticationError extends ClaidAPIError {
  override readonly name = "AuthenticationError" as const;
}
/** 402: the account has no API calls left. */
export class PaymentRequiredError extends ClaidAPIError {
  override readonly name = "PaymentRequiredError" as const;
}
/** 403: the key lacks the permission scope the call needs. */
export class PermissionDeniedError extends ClaidAPIError {
  override readonly name = "PermissionDeniedError" as const;
}
/** 404: no such batch. */
export class NotFoundError extends ClaidAPIError {
  override readonly name = "NotFoundError" as const;
}
/** 409: the request conflicts with the resource's state. */
export class ConflictError extends ClaidAPIError {
  override readonly name = "ConflictError" as const;
}
/** 422: the request did not validate; `errorDetails` maps field paths to messages. */
export class ValidationError extends ClaidAPIError {
  override readonly name = "ValidationError" as const;
}
/** 429, after the retries allowed; `retryAfterMs` says when the server accepts requests again. */
export class RateLimitError extends ClaidAPIError {
  override readonly name = "RateLimitError" as const;
}
/** 5xx: the API (or a proxy in front of it) failed; `requestId` helps Claid's support. */
export class InternalServerError extends ClaidAPIError {
  override readonly name = "InternalServerError" as const;
}

/** The request never got an HTTP answer (DNS, refused or reset connection, …). */
export class ClaidConnectionError extends ClaidError {
  override readonly name: "ClaidConnectionError" | "ClaidTimeoutError" = "ClaidConnectionError";
}

/** An attempt took longer than the per-attempt `timeoutMs`. */
export class ClaidTimeoutError extends ClaidConnectionError {
  override readonly name = "ClaidTimeoutError" as const;
}

/** The API answered 2xx, but the body is empty, not JSON, or not the documented shape. */
export class InvalidResponseError extends ClaidError {
  override readonly name = "InvalidResponseError" as const;
  declare readonly status: number;
  /** The `x-request-id` response header. */
  declare readonly requestId: string | undefined;
  declare readonly rateLimit: RateLimitInfo | undefined;
  declare readonly headers: Headers;
  constructor(message: string, response: { status: number; headers: Headers }) {
    const requestId = requestIdOf(response.headers);
    super(`${message}${requestId ? ` (request id ${requestId})` : ""}`);
    this.status = response.status;
    this.headers = response.headers;
    this.requestId = requestId;
    this.rateLimit = rateLimitOf(response.headers);
  }
}

/** A batch that `wait()` watched ended in ERROR. `errors` are Claid's per-image errors; `taskId` is the batch's id. */
export class BatchFailedError extends ClaidError {
  override readonly name = "BatchFailedError" as const;
  declare readonly errors: NonNullable<BatchResult["errors"]>;
  declare readonly result: BatchResult;
  constructor(result: BatchResult) {
    const first = result.errors?.[0]?.error;
    super(`Batch ${result.id} ended in ERROR${first ? `: ${first}` : "."}`, { taskId: result.id });
    this.errors = result.errors ?? [];
    this.result = result;
  }
}

/** A batch that `wait()` watched was CANCELLED; `taskId` is the batch's id. */
export class BatchCancelledError extends ClaidError {
  override readonly name = "BatchCancelledError" as const;
  declare readonly result: BatchResult;
  constructor(result: BatchResult) {
    super(`Batch ${result.id} was cancelled.`, { taskId: result.id });
    this.result = result;
  }
}

/**
 * `wait()` or `createAndWait()` reached `maxWaitMs`. The batch is not cancelled: it keeps running on Claid's side.
 * When `createAndWait()`'s create had not answered yet, `taskId` is undefined and `outcomeUnknown` is true.
 */
export class BatchWaitTimeoutError extends ClaidError {
  override readonly name = "BatchWaitTimeoutError" as const;
  /** The last status seen, if any check completed. */
  declare readonly lastStatus: BatchStatus | undefined;
  /** The `maxWaitMs` that ran out. */
  declare readonly maxWaitMs: number;
  constructor(taskId: number | undefined, lastStatus: BatchStatus | undefined, maxWaitMs: number) {
    super(
      taskId === undefined
        ? `Gave up after ${maxWaitMs} ms while submitting the batch: it may or may not have been created.`
        : `Gave up waiting for batch ${taskId} after ${maxWaitMs} ms (last status: ${lastStatus ?? "unknown"}). The batch keeps running.`,
      taskId === undefined ? {} : { taskId, hint: "Wait for it or check it again later." },
    );
    this.lastStatus = lastStatus;
    this.maxWaitMs = maxWaitMs;
    this.outcomeUnknown = taskId === undefined;
  }
}

/** A request could not get a rate-limit slot before the caller's deadline. Nothing was sent. */
export class RateLimitDeadlineError extends ClaidError {
  override readonly name = "RateLimitDeadlineError" as const;
  /** How long the request would have had to wait for a slot, ms. */
  declare readonly waitMs: number;
  constructor(waitMs: number) {
    super(`A rate-limit slot was ${Math.ceil(waitMs)} ms away, past the deadline: nothing was sent.`);
    this.waitMs = waitMs;
  }
}

const STATUS_CLASSES: Record<number, typeof ClaidAPIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
  429: RateLimitError,
};

export function apiErrorClass(status: number): typeof ClaidAPIError {
  return STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : ClaidAPIError);
}

/** `error_details` as Claid documents it: field path → messages. */
export type ErrorDetails = Record<string, string[]>;

/** Claid's error body, at the top level or wrapped in `detail` (as Claid's 429 example shows). */
export function errorDetailsOf(body: unknown): HttpErrorDetails | undefined {
  for (const candidate of [body, (body as { detail?: unknown } | null)?.detail]) {
    const b = candidate as Record<string, unknown> | null | undefined;
    if (typeof b?.error_message === "string" && typeof b.error_type === "string") return b as HttpErrorDetails;
  }
  return undefined;
}

/** `error_details` with every value as a list of strings, whatever the server sent. */
function fieldMessages(details: unknown): ErrorDetails {
  const out: ErrorDetails = {};
  if (typeof details !== "object" || details === null) return out;
  for (const [field, value] of Object.entries(details)) {
    out[field] = (Array.isArray(value) ? value : [value]).map((m) => (typeof m === "string" ? m : JSON.stringify(m)));
  }
  return out;
}
