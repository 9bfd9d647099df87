/**
 * `claid batch create --input-file urls.txt [--wait] [--download <dir>]`: a thin layer over the SDK's
 * `processInBatches()`, which reads the file a chunk at a time, journals each POST so that a rerun of the same
 * command never submits a chunk twice, waits on every batch and downloads each as soon as it is DONE.
 */
import {
  type BatchRunSummary,
  BulkJournalError,
  type ChunkReport,
  type ClaidOptions,
  InvalidArgumentError,
  processInBatches,
} from "@claid/node";
import { EXIT, UsageError } from "../exit.ts";
import { handleInterrupts } from "../interrupt.ts";
import { count } from "../plural.ts";
import { fitToTerminal } from "../progress.ts";
import { buildRequest, type CreateFlags } from "../request.ts";
import { printJson, terminalSafe } from "../terminal-safe.ts";
import { type OutputFlags, progressMode } from "../watch.ts";
import { createBulkDisplay, describeTotals } from "./display.ts";

export interface BulkFlags extends Omit<CreateFlags, "input">, OutputFlags {
  inputFile: string;
  batchSize?: number;
  journal?: string;
  retryUnknown?: boolean;
  wait?: boolean;
  timeout?: number;
  download?: string;
  verbose?: boolean;
}

/** Runs the file's chunks through `processInBatches()` and prints its summary: per chunk, or totals with --wait. */
export async function createBulk(client: ClaidOptions, flags: BulkFlags): Promise<void> {
  if (flags.recursive) throw new UsageError("--recursive applies to a storage folder --input, not to --input-file.");
  if (flags.download !== undefined && !flags.wait) throw new UsageError("--download applies only with --wait.");
  if (flags.verbose && !flags.wait) throw new UsageError("--verbose applies only with --wait.");
  // The request is checked (and its options built) with a stand-in input: the file's URLs are checked as read.
  const { input: _stand_in, ...request } = buildRequest({ ...flags, input: ["https://example.com/a.png"] });
  const journal = flags.journal ?? `${flags.inputFile}.claid-journal`;
  const say = (line: string) => {
    if (!flags.json) process.stderr.write(`${line}\n`);
  };

  const stop = new AbortController();
  /** Lines of chunks whose POST is not answered yet. */
  let posting = 0;
  const interrupt = handleInterrupts({
    reason: () => new Error("interrupted by a second Ctrl-C"),
    onFirst: (signal) => {
      const what = signal === "SIGTERM" ? "SIGTERM" : "Ctrl-C";
      say(
        posting > 0
          ? `${what}: stopping once the POSTs in flight are answered (Ctrl-C again to stop now; their outcomes would then be unknown).`
          : `${what}: stopping (Ctrl-C again to stop now).`,
      );
      stop.abort();
    },
  });
  // The second Ctrl-C stops now: a POST in flight is then left unknown in the journal, never resent by itself.
  interrupt.signal.addEventListener("abort", () => process.exit(EXIT.interrupted));
  const display = createBulkDisplay(process.stderr, progressMode(flags), {
    wait: Boolean(flags.wait),
    batchSize: flags.batchSize,
  });
  let summary: BatchRunSummary;
  try {
    summary = await processInBatches(
      { path: flags.inputFile },
      {
        client,
        request,
        journal,
        batchSize: flags.batchSize,
        wait: Boolean(flags.wait),
        downloadDir: flags.download,
        retryUnknown: flags.retryUnknown,
        maxWaitMs: flags.timeout,
        signal: stop.signal,
        onProgress: (progress) => {
          posting = progress.totals.inputsHeld;
          display.update(progress);
        },
      },
    );
  } catch (error) {
    if (error instanceof BulkJournalError) throw new UsageError(error.message.replace(/^journal:/, "--journal:"));
    if (error instanceof InvalidArgumentError && error.argument.startsWith("inputs"))
      throw new UsageError(`--input-file ${flags.inputFile}: ${error.problem}`);
    throw error;
  } finally {
    display.stop();
    interrupt.remove();
  }

  const total = Math.ceil((summary.totals.urlCount ?? 0) / summary.batchSize);
  const notes = summary.journalAlsoRecords;
  if (notes.otherCommands > 0)
    say(
      `note: ${journal} also records ${count(notes.otherCommands, "batch", "batches")} submitted by a different command (other URLs, batch size or options); they are not reused.`,
    );
  if (notes.otherApis > 0)
    say(
      `note: ${journal} also records ${count(notes.otherApis, "batch", "batches")} of this command submitted to another API or with another key; they are not reused here.`,
    );
  if (notes.unattributed > 0)
    say(
      `note: ${journal} has ${notes.unattributed} record(s) written by claid 0.1.0, which did not record the API; they are taken as this API's, so their chunks are not submitted again.`,
    );
  const failedPost = summary.chunks.find((c) => c.submission === "not-sent" || (c.submission === "unknown" && c.error));
  if (failedPost?.error && !summary.stopped)
    process.stderr.write(`claid: chunk ${failedPost.number}/${total}: ${terminalSafe(failedPost.error)}\n`);
  for (const c of summary.chunks.filter((c) => c.submission === "unknown"))
    process.stderr.write(
      `claid: chunk ${c.number} (lines ${c.lines[0]}–${c.lines[1]}): outcome unknown — the POST was sent but no usable answer came back, so the batch may exist. Check your Claid dashboard, then rerun with --retry-unknown to submit it again.\n`,
    );
  // The rest of the advice is the SDK's; the two above are worded in flags.
  for (const { reason, advice } of summary.toRetry)
    if (reason !== "outcome-unknown" && reason !== "not-submitted") say(`claid: ${terminalSafe(advice)}`);
  const submitted = summary.chunks.filter((c) => c.submission === "submitted").length;
  const notSent = total - submitted - summary.totals.batches.unknown;
  if (summary.stopped) {
    process.stderr.write(
      `Interrupted: ${submitted} of ${total} chunks submitted; rerun the same command to ${flags.wait ? "continue" : "submit the rest"}.\n`,
    );
    process.exitCode = EXIT.interrupted;
  } else {
    if (notSent > 0) say(`${notSent} chunk(s) not submitted: rerun the same command to submit them.`);
    if (notSent > 0 || summary.totals.batches.unknown > 0) process.exitCode = EXIT.api;
    else if (summary.toRetry.length > 0) process.exitCode = EXIT.batchFailed;
  }

  if (flags.json) {
    // Chunks the run did not reach are listed too, so that the document accounts for the whole file.
    const unread = Array.from({ length: total - summary.chunks.length }, (_, i) => {
      const number = summary.chunks.length + i + 1;
      return { number, urlCount: urlsOf(summary, number), submission: "pending" };
    });
    printJson({ ...summary, chunks: [...summary.chunks, ...unread] });
    return;
  }
  if (flags.wait && !flags.verbose) {
    process.stdout.write(`${fitToTerminal(describeTotals(summary, total), process.stdout)}\n`);
    return;
  }
  const byNumber = new Map(summary.chunks.map((c) => [c.number, c]));
  for (let number = 1; number <= total; number++) {
    const c = byNumber.get(number);
    process.stdout.write(
      `chunk ${number}/${total}  ${count(c?.urlCount ?? urlsOf(summary, number), "URL")}  ${describeChunk(c)}\n`,
    );
  }
}

/** URLs in chunk `number` of the file: the batch size, or what is left for the last one. */
function urlsOf(summary: BatchRunSummary, number: number): number {
  return Math.min(summary.batchSize, (summary.totals.urlCount ?? 0) - (number - 1) * summary.batchSize);
}

function describeChunk(c: ChunkReport | undefined): string {
  if (!c) return "not submitted";
  switch (c.submission) {
    case "submitted": {
      const f = c.finished;
      if (!f)
        return c.status && c.status !== "ACCEPTED"
          ? `batch ${c.taskId} ${terminalSafe(c.status)}`
          : `batch ${c.taskId}`;
      const files = c.dir
        ? `  ${f.filesWritten} written, ${f.filesSkipped} already complete, ${f.expired} expired, ${f.filesFailed} failed → ${terminalSafe(c.dir)}`
        : "";
      return `batch ${c.taskId} ${terminalSafe(f.status)}  ${f.imagesDone} done, ${f.imagesFailed} failed${files}`;
    }
    case "not-sent":
      return `not sent: ${terminalSafe(c.error ?? "")}`;
    case "unknown":
      return "outcome unknown";
    default:
      return "not submitted";
  }
}
