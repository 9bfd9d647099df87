// `processInBatches()`: a list of image URLs of any length → batches submitted (journaled), waited on (paced), downloaded.

import { setMaxListeners } from "node:events";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  BatchCancelledError,
  type BatchEditRequest,
  BatchFailedError,
  type BatchResult,
  ClaidError,
  type ClaidOptions,
  DEFAULT_BASE_URL,
  DEFAULT_POLL_SCHEDULE,
  describeValue,
  InvalidArgumentError,
} from "@claid/core";
import { createClaid } from "../create-claid.ts";
import { downloadResults } from "../download/index.ts";
import { type DownloadOptions, readOptions as readDownloadOptions } from "../download/options.ts";
import { type BulkInputs, chunksOf, DEFAULT_BATCH_SIZE, inputHash, scanInputFile, streamCommand } from "./inputs.ts";
import { apiIdentity, type ChunkFinish, Journal, outcomeOfFailedCreate, type Submission } from "./journal.ts";
import { countedPacer } from "./pacing.ts";

/**
 * POSTs in flight at once: Claid admits 4 requests a second, so more would only queue at the pacer, and fewer
 * leave the pacer idle whenever a POST is slow to be answered (every chunk waited for the one before).
 */
export const MAX_CREATES_IN_FLIGHT = 4;
/**
 * Batches waited on at once, by default: one holds only its id, not its URLs, and needs as many as are created
 * while one runs (Claid admits about one create and one poll a second over a minute: 100 covers batches of
 * 100 s; 20 left the rate limit idle while the first batches of a run finished).
 */
const DEFAULT_MAX_BATCHES_IN_FLIGHT = 100;
/** DONE batches downloading at once, each `download.concurrency` files at a time. */
const MAX_BATCHES_DOWNLOADING = 20;
/** The first batch of a run is waited for by the others this many poll-interval ceilings at most (a minute by default). */
const PROBE_PATIENCE_POLL_CEILINGS = 4;

/** Options of `processInBatches()`. */
export interface BatchRunOptions {
  /** The batch request without `input`: `operations`, and `output` (storage outputs are reported, not downloaded). */
  request: Omit<BatchEditRequest, "input">;
  /** The journal file: what was submitted, so that a rerun never submits a chunk twice. Created if missing. */
  journal: string;
  /** The client's options (`apiKey` and `baseUrl` default to CLAID_API_KEY and CLAID_BASE_URL). */
  client?: ClaidOptions | undefined;
  /** URLs per batch. Default 100. */
  batchSize?: number | undefined;
  /** Wait on every batch (default true); false only submits. */
  wait?: boolean | undefined;
  /** Download each batch's files into `<downloadDir>/chunk-<n>/` as soon as it is DONE. Default: not downloaded. */
  downloadDir?: string | undefined;
  /**
   * Options of each `downloadResults()` call (its `signal` and `onProgress` are the run's). `overwrite`
   * defaults to true here: a chunk folder is the run's own, and a file in it that its manifest does not
   * record is one a killed run wrote but had not yet recorded.
   */
  download?: Omit<DownloadOptions, "signal" | "onProgress"> | undefined;
  /** Submit again the chunks whose outcome the journal records as unknown (the batch may exist: billed twice if so). Default false. */
  retryUnknown?: boolean | undefined;
  /**
   * Batches submitted and not yet finished at once; the next chunk is read only when one finishes. A DONE
   * batch's download does not count: 20 batches download at once (`download.concurrency` files each) and up
   * to this many more wait for their turn, while the next chunks are submitted. Default 100.
   */
  maxBatchesInFlight?: number | undefined;
  /**
   * Each batch's wait gives up after this long (`wait()`'s `maxWaitMs`), counted from its first check: until a
   * first batch of the run is seen finished the others are not checked (for 4 poll-interval ceilings at most, a
   * minute by default: then the next one is checked in its stead), then each is first checked about when the
   * earlier ones were seen to finish. Default: `wait()`'s.
   */
  maxWaitMs?: number | undefined;
  /**
   * Stops the run: no more chunks are read, waits and downloads stop at once (complete files stay). The POSTs
   * in flight (up to 4) are let finish, so that their batches are journaled. The call then resolves with
   * `stopped: true`.
   */
  signal?: AbortSignal | undefined;
  /** Called on every change (a chunk read, submitted, a status, a file). Exceptions are ignored. */
  onProgress?: ((progress: BatchRunProgress) => void) | undefined;
}

/** Counts of the whole run, as `onProgress` and the summary give them. */
export interface BatchRunTotals {
  /** URLs in the input, when known before the run (a `{ path }` input is counted first). */
  urlCount: number | undefined;
  /** Chunks read so far (and how many URLs they hold). */
  chunksRead: number;
  urlsRead: number;
  /** Lines read whose POST is not yet answered (up to 4 POSTs go out at once): never more than 4 × `batchSize`. */
  inputsHeld: number;
  /** Batches by where they stand; `byStatus` by their last known API status. */
  batches: { submitted: number; unknown: number; notSent: number; finished: number; byStatus: Record<string, number> };
  images: { done: number; failed: number };
  files: { written: number; skipped: number; stored: number; expired: number; failed: number };
  /** Requests this run sent in the last minute, and the policy's quota per minute when known. */
  requestsLastMinute: number;
  requestsPerMinuteAllowed: number | undefined;
  /** A request is waiting for the rate limit right now. */
  waitingForRateLimit: boolean;
  /** When the run started (epoch ms). */
  startedAt: number;
}

/** One `onProgress` call: what changed, and the totals. */
export interface BatchRunProgress {
  event: "read" | "submitted" | "status" | "file" | "finished" | "failed" | "tick";
  chunk?: ChunkReport | undefined;
  totals: BatchRunTotals;
}

/** What became of one chunk (one batch). */
export interface ChunkReport {
  number: number;
  /** First and last line of the input. */
  lines: [number, number];
  urlCount: number;
  submission: Submission;
  taskId?: number | undefined;
  /** Why it was not sent, or why its outcome is unknown, or why its wait failed. */
  error?: string | undefined;
  /** The batch's last known status. */
  status?: string | undefined;
  /** The folder of its files (`downloadDir` given). */
  dir?: string | undefined;
  /** Once settled: images and files. */
  finished?: ChunkFinish | undefined;
  /** Files that could not be saved (the first 20 of this batch): path, URL and why. `expired` ones too. */
  fileFailures?: { path: string | undefined; url: string | undefined; reason: string; message: string }[] | undefined;
  /** This run did not ask about it again: the journal records it settled. */
  fromJournal?: boolean | undefined;
}

/** What `processInBatches()` returns. */
export interface BatchRunSummary {
  journal: string;
  batchSize: number;
  downloadDir: string | undefined;
  /** Stopped by `signal` before the end; rerun to continue. */
  stopped: boolean;
  totals: BatchRunTotals;
  chunks: ChunkReport[];
  /** What is left to do and how: empty when every image is processed and every file saved. */
  toRetry: RetryAdvice[];
  /** Batches the journal also records for another command (other inputs, batch size or options) or another API or key: not reused. */
  journalAlsoRecords: { otherCommands: number; otherApis: number; unattributed: number };
}

/** One thing left to do. */
export interface RetryAdvice {
  reason: "outcome-unknown" | "not-submitted" | "batch-failed" | "expired" | "download-failed" | "not-settled";
  /** The chunk it concerns (none for `not-submitted`, which concerns every chunk not submitted yet). */
  chunk?: number | undefined;
  /** What happened and how to recover, in words. */
  advice: string;
}

const MAX_FAILURES_LISTED = 20;

/**
 * Processes a list of image URLs of any length: reads it a chunk at a time (never whole), submits each
 * chunk as a batch (journaled before and after its POST, so that a rerun submits nothing twice: an
 * outcome-unknown chunk is reported, and sent again only with `retryUnknown`), waits on every batch
 * with the client's pacer, and downloads each one's files into `<downloadDir>/chunk-<n>/` as soon as it
 * is DONE while the others still run. A rerun with the same journal continues where the last run
 * stopped (a crash, SIGKILL, `signal`): settled batches cost no request, complete files are skipped.
 *
 * Rejects with `InvalidArgumentError` (bad options, a bad line: nothing of its chunk sent) or
 * `BulkJournalError` (journal unusable or in use: nothing sent); every per-batch problem is in the summary.
 *
 * @example
 * const summary = await processInBatches({ path: "urls.txt" }, {
 *   request: { operations: { resizing: { width: 1000 } } },
 *   journal: "urls.txt.claid-journal",
 *   downloadDir: "./out",
 * });
 */
export async function processInBatches(inputs: BulkInputs, options: BatchRunOptions): Promise<BatchRunSummary> {
  const settings = readOptions(inputs, options);
  const { batchSize } = settings;
  const signal = runSignal(settings.signal);
  const client = options.client ?? {};
  const apiKey = client.apiKey ?? process.env.CLAID_API_KEY;
  const baseUrl = client.baseUrl ?? (process.env.CLAID_BASE_URL || DEFAULT_BASE_URL);
  const counted = countedPacer(client, baseUrl);
  const claid = createClaid({ ...client, pacer: counted.pacer });
  if (typeof apiKey !== "string")
    throw new InvalidArgumentError({ argument: "client.apiKey", problem: "is missing (or set CLAID_API_KEY)." });

  const totals: BatchRunTotals = {
    urlCount: undefined,
    chunksRead: 0,
    urlsRead: 0,
    inputsHeld: 0,
    batches: { submitted: 0, unknown: 0, notSent: 0, finished: 0, byStatus: {} },
    images: { done: 0, failed: 0 },
    files: { written: 0, skipped: 0, stored: 0, expired: 0, failed: 0 },
    requestsLastMinute: 0,
    requestsPerMinuteAllowed: counted.quotaPerMinute,
    waitingForRateLimit: false,
    startedAt: Date.now(),
  };
  const emit = (event: BatchRunProgress["event"], chunk?: ChunkReport) => {
    totals.requestsLastMinute = counted.usedLastMinute();
    totals.waitingForRateLimit = counted.waitingForSlot();
    try {
      options.onProgress?.({ event, chunk, totals });
    } catch {}
  };

  let command: string;
  if ("path" in inputs && typeof inputs.path === "string") {
    // One pass first: every bad line named before anything is sent, the total for estimates, the journal's name.
    const scan = await scanInputFile(inputs.path, batchSize, options.request).catch((error: unknown) => {
      throw new InvalidArgumentError({
        argument: "inputs.path",
        problem: `cannot be read: ${(error as Error).message}`,
      });
    });
    if (scan.problemCount > 0) {
      const more = scan.problemCount > 5 ? ` (and ${scan.problemCount - 5} more)` : "";
      throw new InvalidArgumentError({ argument: "inputs", problem: `${scan.problems.join("; ")}${more}.` });
    }
    if (scan.urlCount === 0)
      throw new InvalidArgumentError({
        argument: "inputs",
        problem: "lists no URLs (one per line; # starts a comment).",
      });
    command = scan.command;
    totals.urlCount = scan.urlCount;
  } else command = streamCommand(batchSize, options.request);

  const journal = Journal.open(settings.journal, command, apiIdentity(baseUrl, apiKey));
  const chunks: ChunkReport[] = [];
  const waiting = new Set<Promise<void>>();
  const stopped = () => signal?.aborted === true;
  const status = (report: ChunkReport, next: string | undefined) => {
    const byStatus = totals.batches.byStatus;
    if (report.status) {
      const left = (byStatus[report.status] ?? 1) - 1;
      if (left > 0) byStatus[report.status] = left;
      else delete byStatus[report.status];
    }
    if (next) byStatus[next] = (byStatus[next] ?? 0) + 1;
    report.status = next;
  };
  const settle = (report: ChunkReport, finished: ChunkFinish) => {
    report.finished = finished;
    totals.batches.finished++;
    totals.images.done += finished.imagesDone;
    totals.images.failed += finished.imagesFailed;
    totals.files.written += finished.filesWritten;
    totals.files.skipped += finished.filesSkipped;
    totals.files.stored += finished.stored;
    totals.files.expired += finished.expired;
    totals.files.failed += finished.filesFailed;
  };

  /**
   * How long this run's batches take, from their POST's answer: the shortest time in which one was seen
   * finished, and the longest after which one was seen still running. A batch just created is not finished,
   * and the ones after it take about as long: once one was seen finished, a batch's first check waits until
   * halfway between the two (there when they cross) rather than going out at once, a request of the rate
   * limit's quota that could only say PROCESSING. Each answer narrows the two, so the first check closes in
   * on when the batches finish: about one check per batch, each soon after it is done.
   */
  const took = { finishedWithinMs: Infinity, runningAfterMs: 0 };
  const firstCheckAfterMs = () => {
    const { runningAfterMs: low, finishedWithinMs: high } = took;
    // Halving further would cost a poll per batch: a check below the true time says PROCESSING, and the next
    // one, after the poll interval, never lowers the bound above. Within a quarter of it, aim at the bound.
    return high - low <= high / 4 ? high : (low + high) / 2;
  };
  /**
   * A journal that could not record: the run's rejection, once everything in flight is over. Each created batch
   * it failed to record is kept (several POSTs are in flight at once): the rejection names every one.
   */
  const failures: unknown[] = [];
  /** A POST or the journal failed: the run reads no further chunk. */
  let createFailed = false;
  /**
   * Until a first batch of this run is seen finished, nothing says how long they take: that batch (the probe)
   * checks on its poll schedule and the others wait for it (their checks could only say PROCESSING, each a
   * request of the rate limit's quota: with Claid's 10 s batches, about 3 per batch created meanwhile). `ended`
   * settles when its wait ends, however it ends.
   */
  let probe: { ended: Promise<void>; over: boolean; since: number } | undefined;
  /**
   * How long the others wait for that batch: a batch stuck for hours (or for ever, `maxWaitMs` unset) would hold
   * every other one unchecked. Past it, the next one waiting checks in its stead (not all of them: long batches
   * would each poll on their own schedule).
   */
  const probePatienceMs =
    PROBE_PATIENCE_POLL_CEILINGS * (client.poll?.maxPollIntervalMs ?? DEFAULT_POLL_SCHEDULE.maxPollIntervalMs);
  /** Records a batch settled: in the totals, and in the journal unless files are still to fetch. */
  const record = (report: ChunkReport, hash: string, finished: ChunkFinish) => {
    settle(report, finished);
    // A batch with files still to fetch is not recorded settled: the rerun asks for fresh URLs and tries again.
    if (finished.filesFailed === 0 && finished.expired === 0)
      try {
        journal.append(report.number, { submission: "submitted", taskId: report.taskId, inputHash: hash, finished });
      } catch (error) {
        // Thrown from a wait or a download nobody awaits: it would be an unhandled rejection. The batch stays
        // recorded submitted, so a rerun only asks about it again; the run reads no further chunk.
        if (failures.length === 0) failures.push(error);
        createFailed = true;
      }
    emit("finished", report);
  };
  /** Fetches a DONE batch's files into its chunk folder, then records it settled. Never rejects. */
  const download = async (report: ChunkReport, hash: string, result: BatchResult, finished: ChunkFinish) => {
    const dir = join(settings.downloadDir as string, chunkFolder(report.number));
    report.dir = dir;
    finished.dir = dir;
    try {
      const files = await downloadResults(result, dir, {
        ...options.download,
        overwrite: options.download?.overwrite ?? true,
        signal,
        onProgress: () => emit("file", report),
      });
      const expired = files.failed.filter((f) => f.error.reason === "expired");
      Object.assign(finished, {
        filesWritten: files.written.length,
        filesSkipped: files.skipped.length,
        stored: files.stored.length,
        expired: expired.length,
        filesFailed: files.failed.length - expired.length,
      });
      if (files.failed.length > 0)
        report.fileFailures = files.failed.slice(0, MAX_FAILURES_LISTED).map((f) => ({
          path: f.path,
          url: f.url,
          reason: f.error.reason,
          message: f.error.message,
        }));
    } catch (error) {
      if (stopped()) return;
      report.error = (error as Error).message;
      emit("failed", report);
      return;
    }
    record(report, hash, finished);
  };
  /**
   * DONE batches whose files wait for a download slot. A downloading batch does not count as in flight: the
   * next chunks are submitted (and their batches run on Claid's side) while files arrive, so the downloads
   * never wait for a create, and the creates never wait for a download. Both stay bounded: 20 batches
   * download at once and at most `maxBatchesInFlight` wait for a slot (each holds its results).
   */
  const toDownload: (() => Promise<void>)[] = [];
  const downloading = new Set<Promise<void>>();
  const startDownloads = () => {
    for (let job = toDownload.shift(); job; job = toDownload.shift()) {
      if (stopped()) {
        toDownload.length = 0;
        return;
      }
      const running: Promise<void> = job().finally(() => {
        downloading.delete(running);
        startDownloads();
      });
      downloading.add(running);
      if (downloading.size >= MAX_BATCHES_DOWNLOADING) return;
    }
  };
  /** Waits on one batch; a DONE one then queues for its download, any other is recorded settled. Never rejects. */
  const follow = async (report: ChunkReport, hash: string, submittedAt: number | undefined) => {
    const taskId = report.taskId as number;
    const sinceSubmitted = () => Date.now() - (submittedAt as number);
    /** When the last status change was seen: every one but the last (final) one was a running status. */
    let lastSeenMs: number | undefined;
    let result: BatchResult;
    let probeEnded: (() => void) | undefined;
    try {
      if (submittedAt !== undefined) {
        while (took.finishedWithinMs === Infinity) {
          if (!probe) {
            let resolve = () => {};
            const own = { ended: new Promise<void>((r) => (resolve = r)), over: false, since: Date.now() };
            probeEnded = () => {
              own.over = true;
              resolve();
            };
            probe = own;
            break;
          }
          const current = probe;
          if (current.over) break;
          // Unreferenced: a probe that ends first leaves no timer keeping the process alive. Never negative (here
          // and below): Node 23+ warns of a negative delay on the user's screen.
          const patience = sleep(Math.max(0, current.since + probePatienceMs - Date.now()), undefined, { ref: false });
          await unlessAborted(Promise.race([current.ended, patience]), signal);
          signal?.throwIfAborted();
          // Still running past the patience: the first of the others to wake checks in its stead.
          if (probe === current && !current.over && took.finishedWithinMs === Infinity) probe = undefined;
        }
        if (took.finishedWithinMs < Infinity)
          await sleep(Math.max(0, firstCheckAfterMs() - sinceSubmitted()), undefined, { signal });
      }
      result = await claid.batches.wait(taskId, {
        maxWaitMs: settings.maxWaitMs,
        signal,
        onProgress: (r) => {
          if (submittedAt !== undefined) {
            if (lastSeenMs !== undefined) took.runningAfterMs = Math.max(took.runningAfterMs, lastSeenMs);
            lastSeenMs = sinceSubmitted();
          }
          if (r.status !== report.status) {
            status(report, r.status);
            emit("status", report);
          }
        },
      });
    } catch (error) {
      // wait() rejects on a final ERROR or CANCELLED: the batch is settled (failed), not to be waited on again.
      if (error instanceof BatchFailedError || error instanceof BatchCancelledError) result = error.result;
      else {
        if (stopped()) return;
        report.error = (error as Error).message;
        emit("failed", report);
        return;
      }
    } finally {
      probeEnded?.();
    }
    // wait() resolves only with a final status, seen last.
    if (lastSeenMs !== undefined) took.finishedWithinMs = Math.min(took.finishedWithinMs, lastSeenMs);
    status(report, result.status);
    const imagesDone = result.status === "DONE" ? (result.results?.length ?? 0) : 0;
    const finished: ChunkFinish = {
      status: result.status,
      imagesDone,
      imagesFailed: Math.max(0, report.urlCount - imagesDone),
      filesWritten: 0,
      filesSkipped: 0,
      stored: 0,
      expired: 0,
      filesFailed: 0,
    };
    if (settings.downloadDir && result.status === "DONE") {
      toDownload.push(() => download(report, hash, result, finished));
      if (downloading.size < MAX_BATCHES_DOWNLOADING) startDownloads();
    } else record(report, hash, finished);
  };
  /** `submittedAt`: when this run's POST of it was answered (undefined for a batch an earlier run created). */
  const track = (report: ChunkReport, hash: string, submittedAt?: number) => {
    if (!settings.wait) return;
    const followed = follow(report, hash, submittedAt).finally(() => waiting.delete(followed));
    waiting.add(followed);
  };

  /** Until every wait and every download (queued ones included, unless stopped) is over. */
  const settled = async () => {
    while (waiting.size > 0 || downloading.size > 0) await Promise.allSettled([...waiting, ...downloading]);
  };

  /** Whether every chunk was read: a run stopped early (a signal, a failed POST) leaves some unsent. */
  let readToEnd = false;
  /** POSTs going out or awaiting their answer. */
  const creating = new Set<Promise<void>>();
  const post = async (
    report: ChunkReport,
    chunk: { number: number; lines: [number, number]; urls: string[] },
    hash: string,
  ) => {
    let outcome: Awaited<ReturnType<typeof submit>>;
    try {
      outcome = await submit(claid, journal, chunk, { ...options.request, input: chunk.urls }, hash);
    } catch (error) {
      failures.push(error);
      createFailed = true;
      return;
    } finally {
      totals.inputsHeld -= chunk.urls.length;
    }
    Object.assign(report, { submission: outcome.submission, taskId: outcome.taskId, error: outcome.error });
    if (outcome.submission !== "submitted") {
      if (outcome.submission === "unknown") totals.batches.unknown++;
      else totals.batches.notSent++;
      emit("failed", report);
      // Whatever failed this chunk (key, credit, network) would most likely fail the next ones too.
      createFailed = true;
      return;
    }
    totals.batches.submitted++;
    emit("submitted", report);
    track(report, hash, Date.now());
  };
  /** Until every POST is answered: each may add a batch to wait on. */
  const posted = async () => {
    while (creating.size > 0) await Promise.allSettled([...creating]);
  };
  const busy = () =>
    creating.size >= MAX_CREATES_IN_FLIGHT ||
    creating.size + waiting.size >= settings.maxBatchesInFlight ||
    toDownload.length >= settings.maxBatchesInFlight;
  try {
    const reader = chunksOf(inputs, batchSize);
    for (;;) {
      while (busy() && !stopped() && !createFailed) await Promise.race([...creating, ...waiting, ...downloading]);
      if (stopped() || createFailed) break;
      // A stream may go quiet (a pipe with no next line): the abort stops the run all the same.
      const next = await unlessAborted(reader.next(), signal);
      if (!next) break;
      if (next.done) {
        readToEnd = true;
        break;
      }
      const chunk = next.value;
      const hash = inputHash(chunk.urls);
      const previous = journal.outcomeOf(chunk.number, hash);
      const report: ChunkReport = {
        number: chunk.number,
        lines: chunk.lines,
        urlCount: chunk.urls.length,
        submission: previous.submission,
        taskId: previous.taskId,
        error: previous.error,
      };
      chunks.push(report);
      totals.chunksRead++;
      totals.urlsRead += chunk.urls.length;
      totals.inputsHeld += chunk.urls.length;
      emit("read", report);

      const reusable =
        previous.finished &&
        (previous.finished.dir === undefined
          ? !settings.downloadDir || previous.finished.status !== "DONE"
          : previous.finished.dir === join(settings.downloadDir ?? "", chunkFolder(chunk.number)));
      if (previous.submission === "submitted") {
        totals.batches.submitted++;
        totals.inputsHeld -= chunk.urls.length;
        if (reusable && previous.finished) {
          report.fromJournal = true;
          report.dir = previous.finished.dir;
          status(report, previous.finished.status);
          // Its files were fetched by an earlier run: this run counts them as already complete.
          const { filesWritten, filesSkipped } = previous.finished;
          settle(report, { ...previous.finished, filesWritten: 0, filesSkipped: filesWritten + filesSkipped });
          emit("finished", report);
        } else track(report, hash);
        continue;
      }
      if (previous.submission === "unknown" && !settings.retryUnknown) {
        totals.batches.unknown++;
        totals.inputsHeld -= chunk.urls.length;
        continue;
      }
      // Sent without the signal: a POST cut short would leave its batch unknown.
      const posting: Promise<void> = post(report, chunk, hash).finally(() => creating.delete(posting));
      creating.add(posting);
    }
    await posted();
    await settled();
  } finally {
    // Only once nothing runs: a POST, wait or download still going would append to a closed journal.
    await posted();
    await settled();
    journal.close();
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1)
    throw new ClaidError(failures.map((error) => (error as Error).message).join("; "), {
      cause: new AggregateError(failures),
    });
  emit("tick");
  const summary: BatchRunSummary = {
    journal: settings.journal,
    batchSize,
    downloadDir: settings.downloadDir,
    stopped: stopped(),
    totals,
    chunks,
    toRetry: [],
    journalAlsoRecords: {
      otherCommands: journal.otherCommandsSubmitted,
      otherApis: journal.otherApisSubmitted,
      unattributed: journal.unattributedRecords,
    },
  };
  summary.toRetry = retryAdvice(summary, settings.wait, readToEnd);
  return summary;
}

/** `promise`'s value, or undefined once `signal` aborts (left to settle unawaited: a rejection then is handled). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** `chunk-000042`: sorts in chunk order up to a million chunks. */
export function chunkFolder(number: number): string {
  return `chunk-${String(number).padStart(6, "0")}`;
}

/** One chunk's POST: the journal's `submitting` record is on disk before it goes out. */
async function submit(
  claid: ReturnType<typeof createClaid>,
  journal: Journal,
  chunk: { number: number; lines: [number, number] },
  body: BatchEditRequest,
  hash: string,
): Promise<{ submission: Submission; taskId?: number | undefined; error?: string | undefined }> {
  journal.append(chunk.number, { submission: "submitting", inputHash: hash, lines: chunk.lines });
  let taskId: number;
  try {
    taskId = (await claid.batches.create(body)).id;
  } catch (error) {
    const outcome = outcomeOfFailedCreate(error, (error as Error).message);
    journal.append(chunk.number, { ...outcome, inputHash: hash });
    return outcome;
  }
  try {
    journal.append(chunk.number, { submission: "submitted", taskId, inputHash: hash });
  } catch (error) {
    // The chunk stays "submitting" in the journal, so a rerun reports it unknown: say which batch it is.
    throw new ClaidError(`Batch ${taskId} was created for chunk ${chunk.number}, but ${(error as Error).message}`, {
      taskId,
      cause: error,
    });
  }
  return { submission: "submitted", taskId };
}

/** What is left, chunk by chunk, and how to get it. */
function retryAdvice(summary: BatchRunSummary, waited: boolean, readToEnd: boolean): RetryAdvice[] {
  const advice: RetryAdvice[] = [];
  const lines = (c: ChunkReport) => `lines ${c.lines[0]}–${c.lines[1]}`;
  for (const c of summary.chunks.filter((c) => c.submission === "unknown"))
    advice.push({
      reason: "outcome-unknown",
      chunk: c.number,
      advice: `chunk ${c.number} (${lines(c)}): outcome unknown — the POST was sent but no usable answer came back, so the batch may exist. Check your Claid dashboard, then run again with retryUnknown to submit it again.`,
    });
  const notSent = summary.chunks.filter((c) => c.submission === "not-sent" || c.submission === "pending").length;
  if (!readToEnd || notSent > 0)
    advice.push({
      reason: "not-submitted",
      advice: "Some chunks were not submitted: run again with the same journal to continue.",
    });
  for (const c of summary.chunks) {
    const f = c.finished;
    const chunk = c.number;
    if (f && f.status !== "DONE")
      advice.push({
        reason: "batch-failed",
        chunk,
        advice: `chunk ${chunk} (${lines(c)}): batch ${c.taskId} ended ${f.status}; submit those lines again as a new input (a new batch, billed again).`,
      });
    else if (f && f.expired > 0)
      advice.push({
        reason: "expired",
        chunk,
        advice: `chunk ${chunk} (${lines(c)}): ${f.expired} file(s) of batch ${c.taskId} expired (Claid keeps temporary results one day) and cannot be fetched again: submit those lines again (billed again), or give an output storage next time.`,
      });
    else if (f && f.filesFailed > 0)
      advice.push({
        reason: "download-failed",
        chunk,
        advice: `chunk ${chunk}: ${f.filesFailed} file(s) of batch ${c.taskId} could not be saved (listed in fileFailures); run again to fetch them (complete files are skipped).`,
      });
    else if (waited && c.submission === "submitted" && !f && !summary.stopped)
      advice.push({
        reason: "not-settled",
        chunk,
        advice: `chunk ${chunk}: batch ${c.taskId} was not settled (${c.error ?? "stopped"}); run again to wait for it again.`,
      });
  }
  return advice;
}

/**
 * The run's own signal, following the caller's: up to 100 batches' waits and 20 × 8 files listen to it at
 * once, past Node's warning at 10 listeners on one signal. `AbortSignal.any` follows the caller's without a
 * listener that would outlive the run (Node 20.3+; older ones use the caller's signal as it is).
 */
function runSignal(caller: AbortSignal | undefined): AbortSignal | undefined {
  if (!caller || typeof AbortSignal.any !== "function") return caller;
  const own = AbortSignal.any([caller]);
  setMaxListeners(0, own);
  return own;
}

interface Settings {
  batchSize: number;
  journal: string;
  wait: boolean;
  downloadDir: string | undefined;
  maxBatchesInFlight: number;
  maxWaitMs: number | undefined;
  retryUnknown: boolean;
  signal: AbortSignal | undefined;
}

function readOptions(inputs: unknown, options: BatchRunOptions): Settings {
  const bad = (argument: string, value: unknown, want: string): never => {
    throw new InvalidArgumentError({ argument, problem: `must be ${want}; got ${describeValue(value)}.` });
  };
  if (typeof options !== "object" || options === null) bad("options", options, "an object");
  const readable =
    typeof inputs === "object" &&
    inputs !== null &&
    (("path" in inputs && typeof (inputs as { path: unknown }).path === "string") ||
      Symbol.iterator in inputs ||
      Symbol.asyncIterator in inputs);
  if (!readable) bad("inputs", inputs, "{ path }, a stream, or an iterable of lines");
  const whole = (name: string, value: unknown, fallback: number) =>
    value === undefined
      ? fallback
      : Number.isSafeInteger(value) && (value as number) >= 1
        ? (value as number)
        : bad(name, value, "a whole number, 1 or more");
  if (typeof options.journal !== "string" || options.journal.trim() === "")
    bad("options.journal", options.journal, "a file path");
  if (typeof options.request !== "object" || options.request === null)
    bad("options.request", options.request, "the batch request without input");
  if (
    options.downloadDir !== undefined &&
    (typeof options.downloadDir !== "string" || options.downloadDir.trim() === "")
  )
    bad("options.downloadDir", options.downloadDir, "a folder path");
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
    bad("options.signal", options.signal, "an AbortSignal");
  // Checked before anything is sent: each batch's wait or download would otherwise fail on them, once created.
  if (options.maxWaitMs !== undefined && !(typeof options.maxWaitMs === "number" && options.maxWaitMs >= 1))
    bad("options.maxWaitMs", options.maxWaitMs, "a number of milliseconds, 1 or more");
  try {
    readDownloadOptions(options.download ?? {});
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    throw new InvalidArgumentError({
      argument: error.argument.replace(/^options\b/, "options.download"),
      problem: error.problem,
    });
  }
  if (options.downloadDir !== undefined && options.wait === false)
    throw new InvalidArgumentError({
      argument: "options.wait",
      problem: "cannot be false with downloadDir (files come once a batch is DONE).",
    });
  return {
    batchSize: whole("options.batchSize", options.batchSize, DEFAULT_BATCH_SIZE),
    journal: options.journal,
    wait: options.wait !== false,
    downloadDir: options.downloadDir === undefined ? undefined : resolve(options.downloadDir),
    maxBatchesInFlight: whole("options.maxBatchesInFlight", options.maxBatchesInFlight, DEFAULT_MAX_BATCHES_IN_FLIGHT),
    maxWaitMs: options.maxWaitMs,
    retryUnknown: options.retryUnknown === true,
    signal: options.signal,
  };
}
