import { rateLimitOf } from "./internal/headers.ts";
import type { BatchResult, BatchStatus, HttpErrorDetails, RateLimitInfo } from "./types.ts";

/** Base class of every error this SDK throws. */
export class ClaidError extends Error {
  override name = "ClaidError";
  /** HTTP attempts made before this error (0: rejected before any request). */
  attempts = 0;
  /**
   * True when a `create()` failed in a way that leaves its outcome unknown (the
   * request was sent but no answer came back): the batch may exist. It was not
   * retried, so it cannot have been submitted twice.
   */
  outcomeUnknown = false;
  /** The batch this error is about, once it exists: set on every error raised after a create succeeded. */
  taskId: number | undefined = undefined;
  /** Advice in SDK terms (also appended to `message`). */
  hint: string | undefined = undefined;
}

/** An argument was rejected before any request was sent. `argument` names it. */
export class InvalidArgumentError extends ClaidError {
  override name = "InvalidArgumentError";
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
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

/** The API answered with a non-2xx status. Subclasses are chosen by status. */
export class ClaidAPIError extends ClaidError {
  override name = "ClaidAPIError";
  readonly status: number;
  /** Claid's `error_code`, when the body had one. */
  readonly errorCode: string | undefined;
  /** Claid's `error_type` (`auth`, `validation`, …), when the body had one. */
  readonly errorType: HttpErrorDetails["error_type"] | undefined;
  /** Claid's human-readable `error_message`, when the body had one. */
  readonly errorMessage: string | undefined;
  /** Claid's `error_details`: for validation errors, field path → messages (`{}` for other errors). */
  readonly errorDetails: ErrorDetails | undefined;
  /** The `x-request-id` response header: quote it when reporting a problem to Claid. */
  readonly requestId: string | undefined;
  /** `RateLimit-*` headers of the response. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** How long the server asked to wait (`Retry-After` / `RateLimit-Reset`), in ms. */
  readonly retryAfterMs: number | undefined;
  /** The response headers (values that carried the API key are redacted). */
  readonly headers: Headers;
  /** The parsed error body (`{ error_code, … }` or `{ detail: { … } }`), or its text when not JSON; the key redacted. */
  readonly body: unknown;

  constructor({ status, headers, body, message, retryAfterMs }: APIErrorInit) {
    super(message);
    const details = errorDetailsOf(body);
    this.status = status;
    this.body = body;
    this.errorCode = details?.error_code;
    this.errorType = details?.error_type;
    this.errorMessage = details?.error_message;
    this.errorDetails = details && fieldMessages(details.error_details);
    this.requestId = headers.get("x-request-id") ?? undefined;
    this.rateLimit = rateLimitOf(headers);
    this.retryAfterMs = retryAfterMs;
    this.headers = headers;
  }
}

/** 400: a generic bad request (e.g. an unreadable storage object or invalid JSON). */
export class BadRequestError extends ClaidAPIError {
  override name = "BadRequestError";
}
/** 401: the API key is missing or invalid. */
export class AuthenticationError extends ClaidAPIError {
  override name = "AuthenticationError";
}
/** 402: the account has no API calls left. */
export class PaymentRequiredError extends ClaidAPIError {
  override name = "PaymentRequiredError";
}
/** 403: the key lacks the permission scope the call needs. */
export class PermissionDeniedError extends ClaidAPIError {
  override name = "PermissionDeniedError";
}
/** 404: no such batch. */
export class NotFoundError extends ClaidAPIError {
  override name = "NotFoundError";
}
/** 409: the request conflicts with the resource's state. */
export class ConflictError extends ClaidAPIError {
  override name = "ConflictError";
}
/** 422: the request did not validate; `errorDetails` maps field paths to messages. */
export class ValidationError extends ClaidAPIError {
  override name = "ValidationError";
}
/** 429, after the retries allowed; `retryAfterMs` says when the server accepts requests again. */
export class RateLimitError extends ClaidAPIError {
  override name = "RateLimitError";
}
/** 5xx: the API (or a proxy in front of it) failed; `requestId` helps Claid's support. */
export class InternalServerError extends ClaidAPIError {
  override name = "InternalServerError";
}

/** The request never got an HTTP answer (DNS, refused or reset connection, …). */
export class ClaidConnectionError extends ClaidError {
  override name = "ClaidConnectionError";
}

/** An attempt took longer than the per-attempt `timeoutMs`. */
export class ClaidTimeoutError extends ClaidConnectionError {
  override name = "ClaidTimeoutError";
}

/** The API answered 2xx, but the body is empty, not JSON, or not the documented shape. */
export class InvalidResponseError extends ClaidError {
  override name = "InvalidResponseError";
  readonly status: number;
  /** The `x-request-id` response header. */
  readonly requestId: string | undefined;
  readonly rateLimit: RateLimitInfo | undefined;
  readonly headers: Headers;
  constructor(message: string, response: { status: number; headers: Headers }) {
    const requestId = response.headers.get("x-request-id") ?? undefined;
    super(`${message}${requestId ? ` (request id ${requestId})` : ""}`);
    this.status = response.status;
    this.headers = response.headers;
    this.requestId = requestId;
    this.rateLimit = rateLimitOf(response.headers);
  }
}

/** A batch that `wait()` watched ended in ERROR. `errors` are Claid's per-image errors. */
export class BatchFailedError extends ClaidError {
  override name = "BatchFailedError";
  readonly errors: NonNullable<BatchResult["errors"]>;
  constructor(readonly result: BatchResult) {
    const first = result.errors?.[0]?.error;
    super(`Batch ${result.id} ended in ERROR${first ? `: ${first}` : "."}`);
    this.errors = result.errors ?? [];
  }
}

/** A batch that `wait()` watched was CANCELLED. */
export class BatchCancelledError extends ClaidError {
  override name = "BatchCancelledError";
  constructor(readonly result: BatchResult) {
    super(`Batch ${result.id} was cancelled.`);
  }
}

/**
 * `wait()` or `createAndWait()` reached `maxWaitMs`. The batch is not cancelled: it keeps running on Claid's side.
 * When `createAndWait()`'s create had not answered yet, `taskId` is undefined and `outcomeUnknown` is true.
 */
export class BatchWaitTimeoutError extends ClaidError {
  override name = "BatchWaitTimeoutError";
  constructor(
    override readonly taskId: number | undefined,
    /** The last status seen, if any check completed. */
    readonly lastStatus: BatchStatus | undefined,
    maxWaitMs: number,
  ) {
    super(
      taskId === undefined
        ? `Gave up after ${maxWaitMs} ms while submitting the batch: it may or may not have been created.`
        : `Gave up waiting for batch ${taskId} after ${maxWaitMs} ms (last status: ${lastStatus ?? "unknown"}). The batch keeps running; wait for it or check it again later.`,
    );
    this.outcomeUnknown = taskId === undefined;
  }
}

/** A request could not get a rate-limit slot before the caller's deadline. Nothing was sent. */
export class RateLimitDeadlineError extends ClaidError {
  override name = "RateLimitDeadlineError";
  constructor(
    /** How long the request would have had to wait for a slot, ms. */
    readonly waitMs: number,
  ) {
    super(`A rate-limit slot was ${Math.ceil(waitMs)} ms away, past the deadline: nothing was sent.`);
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
