import { parseTaskId } from "./claid-api.ts";
import { BatchCancelledError, BatchFailedError, BatchWaitTimeoutError, InvalidArgumentError } from "./errors.ts";
import { type Redact, redactValue } from "./internal/errors.ts";
import { rateLimitOf, serverDelayMs } from "./internal/headers.ts";
import { sleep, withDeadline } from "./internal/signals.ts";
import type { SendOptions, Sent, Transport } from "./internal/transport.ts";
import { checkNumber, requireObject } from "./internal/validate.ts";
import type {
  BatchAccepted,
  BatchEditRequest,
  BatchPipelineError,
  BatchResult,
  BatchStatus,
  RateLimitInfo,
  RequestOptions,
  TaskId,
} from "./types.ts";

/** A promise of a call's data that can also give the HTTP response it came from. */
export interface APIPromise<T> extends Promise<T> {
  /** The data plus the response, its `x-request-id` and its `RateLimit-*` headers. */
  withResponse(): Promise<WithResponse<T>>;
}

/** What `withResponse()` resolves to. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
  rateLimit: RateLimitInfo | undefined;
}

/** Polling schedule shared by `check()` and `wait()`. */
export interface PollOptions {
  /** Delay after the first check, ms. Default 2000. */
  pollIntervalMs?: number | undefined;
  /** The delay grows ×1.5 per check up to this, ms. Default 15000. */
  maxPollIntervalMs?: number | undefined;
}

export interface CheckOptions extends RequestOptions, PollOptions {}

/**
 * Options of `wait()` and `createAndWait()`: the whole-wait deadline `maxWaitMs`, the poll
 * schedule, and the per-request options (`timeoutMs` per attempt, `maxRetries`, `headers`)
 * applied to every request. `signal` stops waiting at once, during a request or between polls.
 */
export interface WaitOptions extends RequestOptions, PollOptions {
  /**
   * Give up (with `BatchWaitTimeoutError`) after this many ms in all — for `createAndWait()`, the create
   * included. Any length works (days, months). The batch is not cancelled. Default: no limit.
   */
  maxWaitMs?: number | undefined;
  /** Called with the latest result once per status change. */
  onProgress?: ((result: BatchResult) => void) | undefined;
}

/**
 * The outcome of one `check()`: plain JSON, so it can be stored (KV, a queue
 * message, a Durable Object) and passed back to the next `check()` to continue
 * the schedule.
 */
export interface BatchCheck {
  taskId: number;
  status: BatchStatus;
  /** DONE, ERROR or CANCELLED. */
  done: boolean;
  /** The batch as last seen. */
  result?: BatchResult;
  /** For ERROR and CANCELLED: how it ended, with Claid's errors. */
  failed?: { status: "ERROR" | "CANCELLED"; errors: BatchPipelineError[] };
  /** When to check again, ms (0 once done): the poll schedule, raised to honour the server's `Retry-After` and rate limits (up to `maxRetryDelayMs`). */
  nextCheckAfterMs: number;
  /** Checks made so far, this one included. */
  checks: number;
  /** ISO time of the first check. */
  firstCheckedAt: string;
}

/** Batch operations: `claid.batches`. */
export interface Batches {
  /**
   * Submits a batch: `POST /v1/image/edit/batch`. Resolves with the accepted task. Never retried after an unknown outcome unless `retryNonIdempotent`.
   *
   * @example
   * const { id } = await claid.batches.create({ input: ["https://example.com/a.png"], operations: { background: { remove: true } } });
   * const { data, requestId, rateLimit } = await claid.batches.create(body).withResponse();
   */
  create(body: BatchEditRequest, options?: RequestOptions): APIPromise<BatchAccepted>;
  /**
   * Reads a batch's status and results: `GET /v1/image/edit/batch/{task_id}`.
   *
   * @example
   * const { status, results } = await claid.batches.retrieve(42);
   */
  retrieve(taskId: TaskId, options?: RequestOptions): APIPromise<BatchResult>;
  /**
   * One status check, for edge functions that cannot wait in a loop: exactly one
   * GET (with the usual retries), no sleeping. Pass the returned state back in to
   * continue the schedule. Throws only for request failures, not for a failed batch.
   *
   * @example
   * // in a queue consumer, cron or alarm handler:
   * const state = await claid.batches.check(stored ?? taskId);
   * if (!state.done) await queue.send(state, { delaySeconds: Math.ceil(state.nextCheckAfterMs / 1000) });
   */
  check(target: TaskId | BatchAccepted | BatchResult | BatchCheck, options?: CheckOptions): Promise<BatchCheck>;
  /**
   * Polls until DONE (resolves), ERROR (BatchFailedError) or CANCELLED (BatchCancelledError).
   *
   * @example
   * const result = await claid.batches.wait(task, { maxWaitMs: 10 * 60_000, onProgress: (r) => console.log(r.status) });
   */
  wait(target: TaskId | BatchAccepted | BatchResult | BatchCheck, options?: WaitOptions): Promise<BatchResult>;
  /** `create()` then `wait()`, within one `maxWaitMs` deadline. */
  createAndWait(body: BatchEditRequest, options?: WaitOptions): Promise<BatchResult>;
}

const CREATE_PATH = "/v1/image/edit/batch";
const GET_PATH = "/v1/image/edit/batch/{task_id}";
const FINAL: BatchStatus[] = ["DONE", "ERROR", "CANCELLED"];

export function createBatches({ client, send, pacer, log, maxRetryDelayMs, redact }: Transport): Batches {
  /** `run` starts at once; its errors become rejections, never synchronous throws. */
  function apiPromise<T>(run: () => Promise<Sent>): APIPromise<T> {
    const sent = (async () => run())();
    const data = sent.then((s) => s.data as T);
    // Callers who use only withResponse() must not see an unhandled rejection here.
    data.catch(() => {});
    return Object.assign(data, {
      withResponse: () =>
        sent.then(({ data, response }) => ({
          data: data as T,
          response,
          requestId: response.headers.get("x-request-id") ?? undefined,
          rateLimit: rateLimitOf(response.headers),
        })),
    });
  }

  function retrieveSent(taskId: number, options: SendOptions | undefined): Promise<Sent> {
    return send(
      "GET",
      GET_PATH,
      (init) => client.GET(GET_PATH, { params: { path: { task_id: taskId } }, ...init }),
      options,
    );
  }

  /**
   * Polls until a final status; `onStatus` sees every status, `signal` carries the deadline and the
   * caller's abort, `deadlineAt` lets the pacer refuse a slot that would come too late.
   */
  async function pollUntilDone(
    target: TaskId | BatchAccepted | BatchResult | BatchCheck,
    options: WaitOptions,
    signal: AbortSignal,
    deadlineAt: number | undefined,
    onStatus: (status: BatchStatus) => void,
  ): Promise<BatchResult> {
    const { maxWaitMs: _deadline, onProgress, ...checkOptions } = options;
    let state = previousCheck(target);
    const taskId = parseTaskId(state ? state.taskId : idOf(target));
    let lastStatus: BatchStatus | undefined;
    for (;;) {
      state = await batches.check(state ?? taskId, { ...checkOptions, signal, deadlineAt } as CheckOptions);
      const result = state.result as BatchResult;
      if (state.status !== lastStatus) onProgress?.(result);
      lastStatus = state.status;
      onStatus(lastStatus);
      if (state.done) return settle(result, redact);
      await sleep(state.nextCheckAfterMs, signal);
    }
  }

  const batches: Batches = {
    create(body, options) {
      return apiPromise(() => {
        requireObject(body, "body");
        let json: string;
        try {
          json = JSON.stringify(body);
        } catch (error) {
          throw new InvalidArgumentError({
            argument: "body",
            problem: `cannot be sent as JSON: ${(error as Error).message}`,
          });
        }
        return send(
          "POST",
          CREATE_PATH,
          (init) => client.POST(CREATE_PATH, { body, bodySerializer: () => json, ...init }),
          options,
        );
      });
    },

    retrieve(taskId, options) {
      return apiPromise(() => retrieveSent(parseTaskId(taskId), options));
    },

    async check(target, options = {}) {
      const previous = previousCheck(target);
      const taskId = parseTaskId(previous ? previous.taskId : idOf(target));
      const pollIntervalMs = checkNumber("pollIntervalMs", options.pollIntervalMs ?? 2000, 1, "finite");
      const maxPollIntervalMs = checkNumber("maxPollIntervalMs", options.maxPollIntervalMs ?? 15_000, 1, "finite");
      // A final state stays final: nothing to ask the API.
      if (previous?.done) return previous;
      const { data, response } = await retrieveSent(taskId, options);
      const result = data as BatchResult;
      const { status } = result;
      const now = Date.now();
      const checks = (previous?.checks ?? 0) + 1;
      const done = FINAL.includes(status);
      const scheduled = Math.min(maxPollIntervalMs, pollIntervalMs * 1.5 ** (checks - 1));
      const state: BatchCheck = {
        taskId,
        status,
        done,
        result,
        // The server may ask for more time, but never for more than maxRetryDelayMs: a hostile
        // or mistaken header cannot park a wait for months, nor (being bounded) loop it.
        nextCheckAfterMs: done
          ? 0
          : Math.ceil(
              Math.max(scheduled, Math.min(maxRetryDelayMs, serverDelayMs(response, now) ?? 0), pacer.delayMs()),
            ),
        checks,
        firstCheckedAt: previous?.firstCheckedAt ?? new Date(now).toISOString(),
      };
      if (status === "ERROR" || status === "CANCELLED") state.failed = { status, errors: result.errors ?? [] };
      log?.(`batch ${taskId}: ${status} (check ${checks}${done ? "" : `, next in ${state.nextCheckAfterMs} ms`})`);
      return state;
    },

    async wait(target, options = {}) {
      const maxWaitMs = checkNumber("maxWaitMs", options.maxWaitMs ?? Number.POSITIVE_INFINITY, 1);
      const taskId = parseTaskId(previousCheck(target)?.taskId ?? idOf(target));
      let lastStatus: BatchStatus | undefined;
      return withDeadline(
        options.signal,
        maxWaitMs,
        (signal) =>
          pollUntilDone(target, options, signal, deadlineOf(maxWaitMs), (status) => {
            lastStatus = status;
          }),
        () => new BatchWaitTimeoutError(taskId, lastStatus, maxWaitMs),
      );
    },

    async createAndWait(body, options = {}) {
      const maxWaitMs = checkNumber("maxWaitMs", options.maxWaitMs ?? Number.POSITIVE_INFINITY, 1);
      const {
        maxWaitMs: _deadline,
        onProgress: _onProgress,
        pollIntervalMs: _p,
        maxPollIntervalMs: _m,
        ...request
      } = options;
      let taskId: number | undefined;
      let lastStatus: BatchStatus | undefined;
      return withDeadline(
        options.signal,
        maxWaitMs,
        async (signal) => {
          const deadlineAt = deadlineOf(maxWaitMs);
          const accepted = await batches.create(body, { ...request, signal, deadlineAt } as RequestOptions);
          taskId = accepted.id;
          return pollUntilDone(accepted, options, signal, deadlineAt, (status) => {
            lastStatus = status;
          });
        },
        () => new BatchWaitTimeoutError(taskId, lastStatus, maxWaitMs),
      );
    },
  };
  return batches;
}

const deadlineOf = (ms: number) => (ms < Number.POSITIVE_INFINITY ? Date.now() + ms : undefined);

/** The result of a batch that ended; an error for ERROR or CANCELLED, carrying the result without the key. */
function settle(result: BatchResult, redact: Redact): BatchResult {
  if (result.status === "ERROR") throw new BatchFailedError(redactValue(result, redact) as BatchResult);
  if (result.status === "CANCELLED") throw new BatchCancelledError(redactValue(result, redact) as BatchResult);
  return result;
}

function idOf(target: unknown): unknown {
  return typeof target === "object" && target !== null ? (target as { id?: unknown }).id : target;
}

/** A state returned by an earlier check(), validated (it may come back from storage). */
function previousCheck(target: unknown): BatchCheck | undefined {
  if (typeof target !== "object" || target === null || !("checks" in target)) return undefined;
  const state = target as Partial<BatchCheck>;
  if (!Number.isInteger(state.checks) || (state.checks as number) < 0 || typeof state.firstCheckedAt !== "string") {
    throw new InvalidArgumentError({ argument: "state", problem: "must be a value returned by check()." });
  }
  return state as BatchCheck;
}
