/**
 * What travels in a BullMQ job: one chunk of URLs as the batch body it becomes, plus the
 * progress a worker records so that any other worker can pick the job up where it stopped.
 */
import { createHash } from "node:crypto";
import type { BatchCheck, BatchEditRequest } from "@claid/node";

/** The data of one chunk's job. Everything but `request` is written by the workers. */
export interface ChunkJobData {
  /** The batch body, sent as is. */
  request: BatchEditRequest;
  /**
   * ISO time at which a worker handed the create (POST) to the network, written before it is sent.
   * Set without `taskId`: the create's outcome is unknown — the batch may exist — so it is never sent again.
   */
  createStartedAt?: string | undefined;
  /** The batch's id, written as soon as the create is answered, before anything else. */
  taskId?: number | undefined;
  /** The last `check()` (plain JSON): the next check continues its schedule. */
  check?: BatchCheck | undefined;
}

/** What a completed job returns. */
export interface ChunkJobResult {
  taskId: number;
  /** The job's own folder: `<outDir>/<job id>`. */
  dir: string;
  /** Files written by this run, and files already there from an earlier (interrupted) run. */
  written: number;
  skipped: number;
  /** The worker process that finished the job. */
  workerPid: number;
}

/**
 * The job id of a batch body: a hash of its content (URLs, operations, output), so that
 * enqueueing the same chunk twice adds nothing — BullMQ ignores an add whose id it holds.
 */
export function chunkJobId(request: BatchEditRequest): string {
  return `chunk-${createHash("sha256").update(canonicalJson(request)).digest("hex").slice(0, 32)}`;
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` hash the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
