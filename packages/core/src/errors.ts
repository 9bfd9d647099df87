import type { components } from "./generated/schema.ts";

type HttpErrorDetails = components["schemas"]["HttpErrorDetails"];

/** Base class of every error this SDK throws. */
export class ClaidError extends Error {
  override name = "ClaidError";
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
  readonly headers: Headers;

  constructor({ status, headers, body, message }: APIErrorInit) {
    super(message);
    const details = isErrorDetails(body) ? body : undefined;
    this.status = status;
    this.errorCode = details?.error_code;
    this.errorType = details?.error_type;
    this.errorMessage = details?.error_message;
    this.errorDetails = details?.error_details;
    this.requestId = headers.get("x-request-id") ?? undefined;
    this.headers = headers;
  }
}

export class BadRequestError extends ClaidAPIError {
  override name = "BadRequestError";
}
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
export class NotFoundError extends ClaidAPIError {
  override name = "NotFoundError";
}
export class ConflictError extends ClaidAPIError {
  override name = "ConflictError";
}
/** 422: the request did not validate; `errorDetails` maps field paths to messages. */
export class ValidationError extends ClaidAPIError {
  override name = "ValidationError";
}
export class RateLimitError extends ClaidAPIError {
  override name = "RateLimitError";
}
export class InternalServerError extends ClaidAPIError {
  override name = "InternalServerError";
}

/** The request never got an HTTP answer (DNS, refused or reset connection, …). */
export class ClaidConnectionError extends ClaidError {
  override name = "ClaidConnectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The API answered 2xx, but the body is empty, not JSON, or not the documented shape. */
export class InvalidResponseError extends ClaidError {
  override name = "InvalidResponseError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly headers: Headers;
  constructor(message: string, response: Response) {
    super(message);
    this.status = response.status;
    this.headers = response.headers;
    this.requestId = response.headers.get("x-request-id") ?? undefined;
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
