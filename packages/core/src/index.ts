/**
 * Runtime-agnostic client for Claid's image-editing Batch API: `createClaid()`, typed errors, the generated types.
 * @packageDocumentation
 * @module @claid/core
 */
export type {
  APIPromise,
  BatchCheck,
  Batches,
  CheckOptions,
  PollOptions,
  WaitOptions,
  WithResponse,
} from "./batches.ts";
export { DEFAULT_POLL_SCHEDULE } from "./batches.ts";
export { CLAID_RATE_LIMIT, DEFAULT_BASE_URL, isClaidHost, isLoopbackHost, parseTaskId } from "./claid-api.ts";
export { type Claid, type ClaidOptions, createClaid } from "./client.ts";
export {
  AuthenticationError,
  BadRequestError,
  BatchCancelledError,
  BatchFailedError,
  BatchWaitTimeoutError,
  ClaidAPIError,
  type ClaidAPIErrorName,
  ClaidConnectionError,
  ClaidError,
  type ClaidErrorOptions,
  ClaidTimeoutError,
  ConflictError,
  describeValue,
  type ErrorDetails,
  InternalServerError,
  InvalidArgumentError,
  type InvalidArgumentInit,
  InvalidResponseError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitDeadlineError,
  RateLimitError,
  ValidationError,
} from "./errors.ts";
export {
  checkPolicy,
  createRequestPacer,
  type PacedRequest,
  type PacerOptions,
  parseRateLimitPolicy,
  type RateLimitWindow,
  type RequestPacer,
  tightenPolicy,
} from "./pacer.ts";
export {
  type AttemptEvent,
  type ClaidTelemetry,
  type DownloadEvent,
  emitTelemetry,
  type FileEvent,
  type PacerWaitEvent,
  type WaitEvent,
} from "./telemetry.ts";
export type * from "./types.ts";
