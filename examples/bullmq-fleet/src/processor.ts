/**
 * One chunk's job, in steps that each hold a worker slot for seconds at most:
 * create (the task id stored in the job before anything else), then one `check()`
 * per run with the job re-queued as delayed in between, then the download into the
 * job's own folder. Any worker can run any step: the job's data says where it stands.
 */
import { join } from "node:path";
import {
  type BatchCheck,
  ClaidAPIError,
  ClaidConnectionError,
  ClaidError,
  type ClaidOptions,
  createClaid,
  downloadResults,
  type PollOptions,
  type RequestPacer,
} from "@claid/node";
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import type { ChunkJobData, ChunkJobResult } from "./chunks.ts";

export interface ChunkProcessorOptions {
  /** The client's options (`apiKey`, `baseUrl`, …); `pacer` and `fetch` are set per job. */
  claid?: Omit<ClaidOptions, "pacer"> | undefined;
  /** The budget every worker shares, e.g. `createRedisPacer()` from `@claid/redis`. */
  pacer: RequestPacer;
  /** Each job downloads into `<outDir>/<job id>`. */
  outDir: string;
  /** The check schedule (default: the SDK's, 2 s growing ×1.5 to 15 s). */
  poll?: PollOptions | undefined;
  /** One line per step. Default: none. */
  log?: ((line: string) => void) | undefined;
}

/** A failed request that a later one may not repeat: the API or the way to it failed, not the request. */
const mayPass = (error: unknown): error is ClaidError =>
  error instanceof ClaidConnectionError ||
  (error instanceof ClaidAPIError && (error.status === 408 || error.status === 429 || error.status >= 500));

/** A create whose outcome is unknown: the batch may exist, so the chunk is not sent again. */
export class CreateOutcomeUnknownError extends UnrecoverableError {
  override readonly name = "CreateOutcomeUnknownError";
  constructor(jobId: string, startedAt: string, cause?: unknown) {
    super(
      `Job ${jobId}: its create was sent at ${startedAt} and no task id came back, so the batch may exist and was not ` +
        "sent again. Find it among your batches and store its id in the job (job.updateData({ ...job.data, taskId })), " +
        "or, if it surely does not exist, remove createStartedAt from the job's data; then retry the job.",
    );
    if (cause !== undefined) this.cause = cause;
  }
}

/** The BullMQ processor of chunk jobs. */
export function createChunkProcessor(options: ChunkProcessorOptions) {
  const { pacer, outDir, poll, log = () => {} } = options;

  return async (job: Job<ChunkJobData, ChunkJobResult>, token?: string, signal?: AbortSignal) => {
    const id = job.id as string;
    let data = job.data;
    const save = async (next: ChunkJobData) => {
      data = next;
      await job.updateData(next);
    };
    const fetch =
      options.claid?.fetch ?? ((request: Request, init?: { signal: AbortSignal }) => globalThis.fetch(request, init));
    const claid = createClaid({
      ...options.claid,
      pacer,
      // The marker is written when the POST is about to leave, not before the pacer's wait:
      // a worker killed while waiting for a slot has sent nothing, and its job may create.
      fetch: async (request, init) => {
        if (request.method === "POST") await save({ ...data, createStartedAt: new Date().toISOString() });
        return fetch(request, init);
      },
    });
    /** Re-queues the job as delayed and frees this worker's slot. */
    const later = async (delayMs: number): Promise<never> => {
      await job.moveToDelayed(Date.now() + delayMs, token);
      throw new DelayedError();
    };

    if (data.taskId === undefined) {
      if (data.createStartedAt !== undefined) throw new CreateOutcomeUnknownError(id, data.createStartedAt);
      let taskId: number;
      try {
        ({ id: taskId } = await claid.batches.create(data.request, { signal }));
      } catch (error) {
        // The chunk is free for another try when the POST never left (no marker: the pacer's wait
        // failed or was aborted) or the SDK says nothing was created; otherwise the batch may exist.
        // (Read afresh: the fetch hook wrote it, which the narrowing above does not see.)
        const { createStartedAt } = data as ChunkJobData;
        if (
          createStartedAt === undefined ||
          (error instanceof ClaidError && !error.outcomeUnknown && error.taskId === undefined)
        ) {
          const { createStartedAt: _, ...rest } = data;
          await save(rest);
          throw error;
        }
        throw new CreateOutcomeUnknownError(id, createStartedAt, error);
      }
      try {
        await save({ ...data, taskId });
      } catch (error) {
        throw new UnrecoverableError(
          `Job ${id}: batch ${taskId} was created but its id could not be stored in the job (${(error as Error).message}): ` +
            `store it (job.updateData({ ...job.data, taskId: ${taskId} })) and retry the job; do not submit the chunk again.`,
        );
      }
      log(`job ${id}: created batch ${taskId}`);
      return later(poll?.pollIntervalMs ?? 2000);
    }

    let state: BatchCheck;
    try {
      state = await claid.batches.check(data.check ?? data.taskId, { ...poll, signal });
    } catch (error) {
      // The batch exists and runs on: an outage of the API is waited out, however long, without
      // spending the job's attempts; anything else (401, 404, …) fails the attempt.
      if (!mayPass(error)) throw error;
      // Rechecked at the schedule's longest interval, or later if the server asks.
      const delayMs = Math.max(
        poll?.maxPollIntervalMs ?? 15_000,
        error instanceof ClaidAPIError ? (error.retryAfterMs ?? 0) : 0,
      );
      log(`job ${id}: check of batch ${data.taskId} failed (${error.message}); again in ${delayMs} ms`);
      return later(delayMs);
    }
    if (!data.check?.done) await save({ ...data, check: state });
    if (!state.done) {
      log(`job ${id}: batch ${state.taskId} ${state.status}, next check in ${state.nextCheckAfterMs} ms`);
      return later(state.nextCheckAfterMs);
    }
    if (state.failed || !state.result)
      throw new UnrecoverableError(`Job ${id}: batch ${state.taskId} ended ${state.status}; it is not sent again.`);

    const dir = join(outDir, id);
    log(`job ${id}: downloading batch ${state.taskId}`);
    const report = await downloadResults(state.result, dir, { signal });
    if (report.failed.length > 0) {
      const [first] = report.failed;
      // Retried by BullMQ's attempts: files already complete are skipped then.
      throw new Error(`Job ${id}: ${report.failed.length} files failed, e.g. ${first?.path}: ${first?.error.message}`);
    }
    log(`job ${id}: done, ${report.written.length} written, ${report.skipped.length} skipped`);
    return {
      taskId: state.taskId,
      dir,
      written: report.written.length,
      skipped: report.skipped.length,
      workerPid: process.pid,
    };
  };
}
