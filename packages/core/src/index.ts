export {
  type Batches,
  type Claid,
  type ClaidOptions,
  createClaid,
  DEFAULT_BASE_URL,
  type RequestOptions,
} from "./client.ts";
export {
  AuthenticationError,
  BadRequestError,
  ClaidAPIError,
  ClaidConnectionError,
  ClaidError,
  ConflictError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from "./errors.ts";
export type * from "./types.ts";
