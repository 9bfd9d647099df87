import type { components } from "./generated/schema.ts";
import { type RateLimitInfo, rateLimitOf } from "./internal/headers.ts";

type HttpErrorDetails = components["schemas"]["HttpErrorDetails"];
type BatchResult = components["schemas"]["BatchResultResponse"];
type BatchStatus = components["schemas"]["APIV1Status"];

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

export interface APIErrorInit {
  status: number;
  headers: Headers;
  /** The parsed error body, or the raw text when it was not Claid's JSON error shape. */
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
  /** Claid's `error_details`: for validation errors, field path → messages. */
  readonly errorDetails: Record<string, unknown> | undefined;
  /** The `x-request-id` response header: quote it when reporting a problem to Claid. */
  readonly requestId: string | undefined;
  /** `RateLimit-*` headers of the response. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** How long the server asked to wait (`Retry-After` / `RateLimit-Reset`), in ms. */
  readonly retryAfterMs: number | undefined;
  readonly headers: Headers;

  constructor({ status, headers, body, message, retryAfterMs }: APIErrorInit) {
    super(message);
    const details = isErrorDetails(body) ? body : undefined;
    this.status = status;
    this.errorCode = details?.error_code;
    this.errorType = details?.error_type;
    this.errorMessage = details?.error_message;
    this.errorDetails = details?.error_details;
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

/** An attempt took longer than `timeoutMs`. */
export class ClaidTimeoutError extends ClaidConnectionError {
  override name = "ClaidTimeoutError";
}

/** The API answered 2xx, but the body is empty, not JSON, or not the documented shape. */
export class InvalidResponseError extends ClaidError {
  override name = "InvalidResponseError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly rateLimit: RateLimitInfo | undefined;
  readonly headers: Headers;
  constructor(message: string, response: Response) {
    super(message);
    this.status = response.status;
    this.headers = response.headers;
    this.requestId = response.headers.get("x-request-id") ?? undefined;
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

/** `wait()` ran out of time. The batch is not cancelled: it keeps running on Claid's side. */
export class BatchWaitTimeoutError extends ClaidError {
  override name = "BatchWaitTimeoutError";
  constructor(
    readonly taskId: number,
    /** The last status seen, if any check completed. */
    readonly lastStatus: BatchStatus | undefined,
    timeoutMs: number,
  ) {
    super(
      `Gave up waiting for batch ${taskId} after ${timeoutMs} ms (last status: ${lastStatus ?? "unknown"}). The batch keeps running; wait() or check() it again later.`,
    );
  }
}

/**
 * The rate-limit pacer could not give a request a slot before the caller's deadline:
 * nothing was sent. `waitMs` is how long the request would have had to wait.
 */
export class RateLimitDeadlineError extends ClaidError {
  override name = "RateLimitDeadlineError";
  constructor(readonly waitMs: number) {
    super(`No rate-limit slot before the deadline (${waitMs} ms away); nothing was sent.`);
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

export function isErrorDetails(body: unknown): body is HttpErrorDetails {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.error_message === "string" && typeof b.error_type === "string";
}
