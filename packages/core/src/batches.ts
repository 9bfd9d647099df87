import { parseTaskId } from "./claid-api.ts";
import {
  BatchCancelledError,
  BatchFailedError,
  BatchWaitTimeoutError,
  ClaidAPIError,
  ClaidConnectionError,
  ClaidError,
  InvalidArgumentError,
  RateLimitDeadlineError,
} from "./errors.ts";
import { addHint, type Redact, redactValue } from "./internal/errors.ts";
import { messageOf } from "./internal/fetch-failure.ts";
import { rateLimitOf, requestIdOf, serverDelayMs } from "./internal/headers.ts";
import { RETRY_STATUSES } from "./internal/retry.ts";
import { sleep, withDeadline } from "./internal/signals.ts";
import type { SendOptions, Sent, Transport } from "./internal/transport.ts";
import { acceptedProblem, batchProblem, checkNumber, requireObject } from "./internal/validate.ts";
import { emitTelemetry, reportEnd, type WaitEvent } from "./telemetry.ts";
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

/** Polling schedule shared by `check()` and `wait()`; a call's own overrides the client's `poll`. */
export interface PollOptions {
  /** Delay after the first check, ms. Default 2000 (or the client's `poll`). */
  pollIntervalMs?: number | undefined;
  /** The delay grows ×1.5 per check up to this, ms. Default 15000 (or the client's `poll`). */
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
  /**
   * How long the polls ride out failures that may pass — 5xx, 408, 429, connection errors,
   * timeouts — before giving up, ms: one failed check (after its own `maxRetries`) does not
   * end a wait that may last hours. Checks go on meanwhile, spaced like the poll schedule
   * (doubling per failed check, up to `maxPollIntervalMs`) or as the server asks (up to
   * `maxServerDelayMs`); a successful check starts a fresh budget. When it is spent, the last
   * error is thrown with `taskId` and a `hint` that the batch keeps running. 401, 403, 404,
   * 422 and unreadable answers end the wait at once; `maxWaitMs` bounds it all.
   * Default 300000 (5 minutes); 0 gives up at the first failed check.
   */
  maxOutageMs?: number | undefined;
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
  /** When to check again, ms (0 once done): the poll schedule, raised to honour the server's `Retry-After` and rate limits (up to `maxServerDelayMs`). */
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

export function createBatches(
  { client, send, pacer, log, maxServerDelayMs, redact, telemetry }: Transport,
  pollDefaults: PollSchedule,
): Batches {
  /** The poll schedule's options, the client's `poll` filling what a call leaves out; checked: a schedule that would loop or never fire is refused. */
  const pollSchedule = (options: PollOptions) => checkPoll(options, pollDefaults);

  /** `run`, reported to telemetry (if any) as one wait from its start to its settling. */
  function tracked(
    operation: WaitEvent["operation"],
    taskId: number | undefined,
    run: (wait: WaitEvent | undefined) => Promise<BatchResult>,
  ): Promise<BatchResult> {
    if (!telemetry || telemetry.enabled?.() === false) return run(undefined);
    const wait: WaitEvent = { operation, taskId, status: undefined };
    emitTelemetry(telemetry, "waitStart", wait);
    return reportEnd(telemetry, "waitEnd", wait, run(wait));
  }

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
          requestId: requestIdOf(response.headers),
          rateLimit: rateLimitOf(response.headers),
        })),
    });
  }

  function retrieveSent(taskId: number, options: SendOptions | undefined): Promise<Sent> {
    return send(
      {
        method: "GET",
        path: GET_PATH,
        call: (init) => client.GET(GET_PATH, { params: { path: { task_id: taskId } }, ...init }),
        check: isBatch,
      },
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
    wait: WaitEvent | undefined,
  ): Promise<BatchResult> {
    const { maxWaitMs: _deadline, maxOutageMs: _outage, onProgress, ...checkOptions } = options;
    const { pollIntervalMs, maxPollIntervalMs } = pollSchedule(options);
    const maxOutageMs = outageBudget(options);
    let state = previousCheck(target);
    const taskId = parseTaskId(state ? state.taskId : idOf(target));
    let lastStatus: BatchStatus | undefined;
    /** When the first of the current run of failed checks began, and how many there were. */
    let outageSince: number | undefined;
    let failedChecks = 0;
    try {
      for (;;) {
        const checkStartedAt = Date.now();
        try {
          state = await batches.check(state ?? taskId, { ...checkOptions, signal, deadlineAt, wait } as CheckOptions);
        } catch (error) {
          if (signal.aborted || !mayPass(error)) throw error;
          outageSince ??= checkStartedAt;
          failedChecks++;
          const now = Date.now();
          const budgetLeft = outageSince + maxOutageMs - now;
          if (budgetLeft <= 0) throw outageOver(error, taskId, now - outageSince, maxOutageMs);
          const backoff = Math.min(maxPollIntervalMs, pollIntervalMs * 2 ** (failedChecks - 1));
          const asked = error instanceof ClaidAPIError ? Math.min(maxServerDelayMs, error.retryAfterMs ?? 0) : 0;
          // The last check comes as the budget ends, so that a spent budget is never guessed.
          const delay = Math.min(Math.max(backoff, asked), budgetLeft);
          log?.(`batch ${taskId}: check failed (${error.message}); checking again in ${Math.round(delay)} ms`);
          await sleep(delay, signal);
          continue;
        }
        outageSince = undefined;
        failedChecks = 0;
        const result = state.result as BatchResult;
        if (state.status !== lastStatus) {
          onProgress?.(result);
          if (wait) {
            wait.status = state.status;
            emitTelemetry(telemetry, "waitStatus", wait);
          }
        }
        lastStatus = state.status;
        onStatus(lastStatus);
        if (state.done) return settle(result, redact);
        await sleep(state.nextCheckAfterMs, signal);
      }
    } catch (error) {
      // The batch exists: no error may read as if nothing was sent. A poll's slot past the
      // deadline is the wait's deadline.
      if (error instanceof RateLimitDeadlineError) {
        const timeout = new BatchWaitTimeoutError(taskId, lastStatus, options.maxWaitMs ?? Infinity);
        timeout.cause = error;
        throw timeout;
      }
      // Anything else that is not the caller's abort (a custom pacer's RPC error) is still an SDK error
      // that names the batch: callers retry what looks like "nothing happened".
      throw withTaskId(
        error instanceof ClaidError || signal.aborted
          ? error
          : new ClaidError(redact(`Waiting for batch ${taskId} failed: ${messageOf(error)}`), { cause: error }),
        taskId,
      );
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
          {
            method: "POST",
            path: CREATE_PATH,
            call: (init) => client.POST(CREATE_PATH, { body, bodySerializer: () => json, ...init }),
            check: isAccepted,
          },
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
      const { pollIntervalMs, maxPollIntervalMs } = pollSchedule(options);
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
        // The server may ask for more time, but never for more than maxServerDelayMs: a hostile
        // or mistaken header cannot park a wait for months, nor (being bounded) loop it.
        nextCheckAfterMs: done
          ? 0
          : Math.ceil(
              Math.max(scheduled, Math.min(maxServerDelayMs, serverDelayMs(response, now) ?? 0), pacer.delayMs()),
            ),
        checks,
        firstCheckedAt: previous?.firstCheckedAt ?? new Date(now).toISOString(),
      };
      if (status === "ERROR" || status === "CANCELLED") state.failed = { status, errors: result.errors ?? [] };
      log?.(`batch ${taskId}: ${status} (check ${checks}${done ? "" : `, next in ${state.nextCheckAfterMs} ms`})`);
      return state;
    },

    async wait(target, options = {}) {
      const maxWaitMs = checkNumber("maxWaitMs", options.maxWaitMs ?? Infinity, 1);
      pollSchedule(options);
      outageBudget(options);
      const taskId = parseTaskId(previousCheck(target)?.taskId ?? idOf(target));
      let lastStatus: BatchStatus | undefined;
      return tracked("wait", taskId, (wait) =>
        withDeadline(
          options.signal,
          maxWaitMs,
          (signal) =>
            pollUntilDone(
              target,
              options,
              signal,
              deadlineOf(maxWaitMs),
              (status) => {
                lastStatus = status;
              },
              wait,
            ),
          () => new BatchWaitTimeoutError(taskId, lastStatus, maxWaitMs),
        ),
      );
    },

    async createAndWait(body, options = {}) {
      const maxWaitMs = checkNumber("maxWaitMs", options.maxWaitMs ?? Infinity, 1);
      // Every option is checked before the create: a batch is billed once created.
      pollSchedule(options);
      outageBudget(options);
      const {
        maxWaitMs: _deadline,
        maxOutageMs: _outage,
        onProgress: _onProgress,
        pollIntervalMs: _p,
        maxPollIntervalMs: _m,
        ...request
      } = options;
      let taskId: number | undefined;
      let lastStatus: BatchStatus | undefined;
      return tracked("createAndWait", undefined, (wait) =>
        withDeadline(
          options.signal,
          maxWaitMs,
          async (signal) => {
            const deadlineAt = deadlineOf(maxWaitMs);
            const accepted = await batches.create(body, { ...request, signal, deadlineAt, wait } as RequestOptions);
            taskId = accepted.id;
            if (wait) wait.taskId = taskId;
            return pollUntilDone(
              accepted,
              options,
              signal,
              deadlineAt,
              (status) => {
                lastStatus = status;
              },
              wait,
            );
          },
          () => new BatchWaitTimeoutError(taskId, lastStatus, maxWaitMs),
        ),
      );
    },
  };
  return batches;
}

/**
 * `error`, marked as raised after batch `taskId` was created: `taskId` set and, unless the
 * batch itself ended (failed, cancelled), a hint on how to pick it up again. A caller's abort
 * reason is the caller's own value and is passed on untouched.
 */
function withTaskId(error: unknown, taskId: number): unknown {
  if (!(error instanceof ClaidError) || error.taskId !== undefined) return error;
  error.taskId = taskId;
  if (!(error instanceof BatchFailedError || error instanceof BatchCancelledError)) {
    addHint(
      error,
      `Batch ${taskId} was created and keeps running: wait for it with wait(${taskId}), or check it with retrieve(${taskId}); do not submit it again.`,
    );
  }
  return error;
}

/** A transport check from a spec-derived one: why a 2xx answer's `data` is unusable, worded for the error. */
const answerCheck =
  (problemOf: (data: unknown) => string | undefined) =>
  (data: unknown): string | undefined => {
    const problem = problemOf(data);
    return problem && `is not a batch: ${problem}`;
  };
/** A batch as GET answers it, with every field the SDK, downloadResults and the CLI read. */
const isBatch = answerCheck(batchProblem);
/** A create's answer is read for its id only: a created batch is never reported as failed over other fields. */
const isAccepted = answerCheck(acceptedProblem);

type PollSchedule = { [K in keyof PollOptions]-?: number };

/** `wait()`'s poll schedule where neither the call nor the client's `poll` sets one. */
export const DEFAULT_POLL_SCHEDULE: Readonly<PollSchedule> = { pollIntervalMs: 2000, maxPollIntervalMs: 15_000 };

/**
 * A poll schedule, checked (one that would loop or never fire is refused), `defaults` filling what
 * `options` leave out; `prefix` names where the options came from in errors (`poll.` for the client's).
 */
export function checkPoll(
  options: PollOptions,
  defaults: PollSchedule = DEFAULT_POLL_SCHEDULE,
  prefix = "",
): PollSchedule {
  return {
    pollIntervalMs: checkNumber(
      `${prefix}pollIntervalMs`,
      options.pollIntervalMs ?? defaults.pollIntervalMs,
      1,
      "finite",
    ),
    maxPollIntervalMs: checkNumber(
      `${prefix}maxPollIntervalMs`,
      options.maxPollIntervalMs ?? defaults.maxPollIntervalMs,
      1,
      "finite",
    ),
  };
}

const outageBudget = (options: WaitOptions) => checkNumber("maxOutageMs", options.maxOutageMs ?? 5 * 60_000, 0);

/** A failed check that a later one may not repeat: the server or the way to it failed, not the request. */
const mayPass = (error: unknown): error is ClaidError =>
  error instanceof ClaidConnectionError || (error instanceof ClaidAPIError && RETRY_STATUSES.includes(error.status));

/** The last failed check's error, once the outage budget is spent: it says the batch keeps running. */
function outageOver(error: ClaidError, taskId: number, outageMs: number, maxOutageMs: number): ClaidError {
  error.taskId = taskId;
  addHint(
    error,
    `Checks of batch ${taskId} failed for ${Math.round(outageMs / 1000)} s (maxOutageMs ${maxOutageMs}); the batch keeps running: wait for it or check it again later.`,
  );
  return error;
}

const deadlineOf = (ms: number) => (ms < Infinity ? Date.now() + ms : undefined);

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
  // A final state is returned as it is, and wait() settles with its result: it must have one.
  if (state.done && (typeof state.result !== "object" || state.result === null)) {
    throw new InvalidArgumentError({
      argument: "state",
      problem: "is done but has no result: pass the whole value check() returned.",
    });
  }
  return state as BatchCheck;
}
