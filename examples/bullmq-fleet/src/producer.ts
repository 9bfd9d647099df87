/** The producer: cuts a list of URLs into chunks and enqueues one job per chunk. */
import type { BatchEditRequest } from "@claid/node";
import { InvalidArgumentError } from "@claid/node";
import type { Queue } from "bullmq";
import { type ChunkJobData, chunkJobId } from "./chunks.ts";

/** Claid's limit of inputs per batch. */
export const MAX_CHUNK_SIZE = 1000;

export interface EnqueueOptions {
  /** URLs per batch: 1–1000. */
  chunkSize: number;
  operations: BatchEditRequest["operations"];
  output?: BatchEditRequest["output"] | undefined;
}

/** Transient failures (a check during an outage, a failed file) are retried; the steps already done are not redone. */
const RETRIES = { attempts: 5, backoff: { type: "exponential", delay: 2000 } };

/**
 * Adds one job per chunk of `urls`, its id derived from the chunk's body: enqueueing the
 * same list again adds no job. Completed and failed jobs must be kept (no `removeOnComplete`)
 * for that to hold: a removed job's id is free again, and its chunk would be created twice.
 */
export async function enqueueChunks(queue: Queue<ChunkJobData>, urls: readonly string[], options: EnqueueOptions) {
  const { chunkSize, operations, output } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE)
    throw new InvalidArgumentError({
      argument: "chunkSize",
      problem: `must be an integer from 1 to ${MAX_CHUNK_SIZE}, got ${chunkSize}.`,
    });
  const jobs = [];
  for (let start = 0; start < urls.length; start += chunkSize) {
    const request: BatchEditRequest = { input: urls.slice(start, start + chunkSize), operations };
    if (output !== undefined) request.output = output;
    jobs.push({ name: "chunk", data: { request }, opts: { jobId: chunkJobId(request), ...RETRIES } });
  }
  return queue.addBulk(jobs);
}
