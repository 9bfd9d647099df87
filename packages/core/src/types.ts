/** Friendly names for the generated schema types. */
import type { components } from "./generated/schema.ts";

type Schemas = components["schemas"];
/** One generated schema, in a form an interface can extend. */
type Schema<Name extends keyof Schemas> = Schemas[Name];

export type { components, operations, paths } from "./generated/schema.ts";

// Object types are interfaces that extend the generated schemas, and unions get an alias of their own
// (`| never` makes a new, named union): editors then show `BatchResult`, not `components["schemas"][…]`.
// A member restated below only swaps a schema path for its SDK name; `extends` fails to compile if it drifts.

/** Body of `POST /v1/image/edit/batch`. */
export interface BatchEditRequest extends Schema<"BatchEditRequest"> {}
/** A storage folder URI, `{ source, recursive }`, or a list of image URLs. */
export type BatchInput = Schemas["BatchEditRequest"]["input"] | never;
/** A storage folder input with options: `{ source, recursive }`. */
export interface BatchEditInputOptions extends Schema<"BatchEditInputOptions"> {}
/** What to do to each image: restorations, adjustments, background, resizing, padding, privacy, generative. */
export interface ImageOperations extends Schema<"ImageOperations"> {}
/** A storage URI string or output options (`destination`, `format`, `metadata`). */
export type BatchOutput = NonNullable<Schemas["BatchEditRequest"]["output"]> | never;
/** Output options: `destination`, `format` and `metadata`. */
export interface ImageOutputOptions extends Schema<"ImageOutputOptions"> {}
/** ACCEPTED, WAITING, PROCESSING, DONE, ERROR, CANCELLED or PAUSED. */
export type BatchStatus = Schemas["APIV1Status"] | never;
/** The `data` of a successful `POST /v1/image/edit/batch`. */
export interface BatchAccepted extends Schema<"BatchAcceptedResponse"> {
  status: BatchStatus;
}
/** The `data` of a successful `GET /v1/image/edit/batch/{task_id}`. */
export interface BatchResult extends Schema<"BatchResultResponse"> {
  status: BatchStatus;
  errors?: BatchPipelineError[] | undefined;
  results?: BatchResultItem[] | undefined;
}
/** One processed image: its `input_object` and `output_object`. */
export interface BatchResultItem extends Schema<"AsyncPipelineResultItem"> {
  input_object: PipelineInputObject;
  output_object: PipelineOutputObject;
}
/** An input image as Claid read it: format, size, megapixels. */
export interface PipelineInputObject extends Schema<"PipelineInputObject"> {}
/** An output image: format, size, megapixels and where it is (`tmp_url` or `object_uri`). */
export interface PipelineOutputObject extends Schema<"PipelineOutputObject"> {}
/** One error of a batch that ended in ERROR. */
export interface BatchPipelineError extends Schema<"BatchPipelineError"> {}
/** Claid's common error body. */
export interface HttpErrorDetails extends Schema<"HttpErrorDetails"> {}
/** Claid's `error_type` values. */
export type ErrorType = Schemas["ErrorType"] | never;
/** A task id as returned by `create()` (`id`), or the same digits as a string. */
export type TaskId = number | string;

/** Per-call settings; they override the client's for that call only. */
export interface RequestOptions {
  /** Aborts the call — during a request or a backoff sleep; it rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Timeout of each attempt, answer's body included, ms (not of the whole call: retries get a fresh one). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. */
  maxRetries?: number | undefined;
  /** Extra headers for this call; sent to the API's origin only, never across a redirect to another origin. */
  headers?: Record<string, string> | undefined;
}

/** Claid's `RateLimit-*` response headers. */
export interface RateLimitInfo {
  /** Requests allowed in the current window (`RateLimit-Limit`'s first number). */
  limit: number | undefined;
  /** Requests left in the window (`RateLimit-Remaining`). */
  remaining: number | undefined;
  /** Seconds until the window resets (`RateLimit-Reset`). */
  resetSeconds: number | undefined;
}

/** How much the client logs; "silent" by default. The client's own lines are all at "debug". */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";

/** Anything with console-like methods: `console`, pino, winston, … */
export interface Logger {
  /** Logs an error line. */
  error(message: string): void;
  /** Logs a warning line. */
  warn(message: string): void;
  /** Logs an info line. */
  info(message: string): void;
  /** Logs a debug line (attempts, retries, polls). */
  debug(message: string): void;
}
