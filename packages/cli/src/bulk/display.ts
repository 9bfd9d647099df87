/**
 * The live display of `--input-file` runs: on a terminal, one spinner whose few lines are totals (batches and
 * images by status, a done/total bar, elapsed, an estimate, and the rate limit when it is what the run waits
 * for), each cut to the terminal's width; elsewhere one line per submitted or settled batch; nothing with --json.
 */
import type { BatchRunProgress, BatchRunSummary, BatchRunTotals } from "@claid/node";
import { chunkFolder, DEFAULT_BATCH_SIZE } from "@claid/node";
import ora from "ora";
import { count } from "../plural.ts";
import { hasUsableWidth } from "../progress.ts";
import { terminalSafe } from "../terminal-safe.ts";

export interface BulkDisplay {
  update(progress: BatchRunProgress): void;
  stop(): void;
}

const REDRAW_MS = 200;

export function createBulkDisplay(
  stream: NodeJS.WriteStream,
  mode: "tty" | "plain" | "silent",
  { wait, batchSize = DEFAULT_BATCH_SIZE }: { wait: boolean; batchSize?: number | undefined },
): BulkDisplay {
  if (mode === "silent") return { update: () => {}, stop: () => {} };
  const chunkCount = (totals: BatchRunTotals) => Math.ceil((totals.urlCount ?? totals.urlsRead) / batchSize);
  let waitingShown = false;
  /** Plain lines: one per submitted and settled batch, and one when the rate limit starts holding the run. */
  const printLine = ({ event, chunk, totals }: BatchRunProgress) => {
    const of = `${chunk?.number}/${chunkCount(totals)}`;
    if (event === "submitted" && chunk)
      stream.write(`chunk ${of}: submitted batch ${chunk.taskId} (${count(chunk.urlCount, "URL")})\n`);
    else if (event === "finished" && chunk?.finished && !chunk.fromJournal)
      stream.write(`chunk ${of}: batch ${chunk.taskId} ${terminalSafe(chunk.finished.status)} (${elapsed(totals)})\n`);
    if (totals.waitingForRateLimit && !waitingShown)
      stream.write(`waiting for the rate limit: ${budget(totals)} (${elapsed(totals)})\n`);
    waitingShown = totals.waitingForRateLimit;
  };
  if (mode === "plain") return { update: printLine, stop: () => {} };

  let last: BatchRunTotals | undefined;
  const spinner = ora({ stream, text: "reading the input…", isEnabled: true }).start();
  let animating = true;
  const draw = () => {
    if (last) spinner.text = totalsLines(last, { wait, chunks: chunkCount(last), width: stream.columns - 3 });
  };
  const timer = setInterval(draw, REDRAW_MS);
  const finish = (end: () => void) => {
    if (!animating) return;
    animating = false;
    clearInterval(timer);
    stream.off("resize", onResize);
    end();
  };
  // A terminal shrunk to 0 columns would make every redraw clear endless lines: drop to plain lines.
  const onResize = () => {
    if (!hasUsableWidth(stream)) finish(() => spinner.stop());
  };
  stream.on("resize", onResize);
  return {
    update(progress) {
      last = progress.totals;
      if (!animating) printLine(progress);
    },
    stop() {
      finish(() => {
        draw();
        spinner.stopAndPersist({ symbol: "•" });
      });
    },
  };
}

/** The spinner's lines, each cut to `width` characters so that none wraps. */
export function totalsLines(
  totals: BatchRunTotals,
  { wait, chunks, width }: { wait: boolean; chunks: number; width: number },
): string {
  const b = totals.batches;
  const settled = wait ? b.finished : b.submitted;
  const failed = Object.entries(b.byStatus)
    .filter(
      ([status, n]) =>
        n > 0 && status !== "DONE" && status !== "ACCEPTED" && status !== "PROCESSING" && status !== "WAITING",
    )
    .map(([status, n]) => `${n} ${terminalSafe(status)}`);
  const running = wait ? b.submitted - b.finished : 0;
  const lines = [
    [
      `batches ${settled}/${chunks} ${wait ? "done" : "sent"}`,
      running > 0 && `${running} running`,
      ...failed,
      b.unknown > 0 && `${b.unknown} unknown`,
    ]
      .filter(Boolean)
      .join(", "),
  ];
  if (wait) {
    const images = totals.urlCount ?? totals.urlsRead;
    lines.push(
      `images ${totals.images.done}/${images} done${totals.images.failed ? `, ${totals.images.failed} failed` : ""}`,
    );
    const f = totals.files;
    if (f.written + f.skipped + f.failed + f.expired > 0)
      lines.push(
        `files ${f.written} new, ${f.skipped} kept${f.failed ? `, ${f.failed} failed` : ""}${f.expired ? `, ${f.expired} expired` : ""}`,
      );
  }
  const ratio = chunks > 0 ? settled / chunks : 0;
  const barWidth = Math.max(5, Math.min(20, width - 28));
  const filled = Math.round(ratio * barWidth);
  lines.push(
    `[${"█".repeat(filled)}${"░".repeat(barWidth - filled)}] ${Math.floor(ratio * 100)}% ${elapsed(totals)}${estimate(totals, { ratio, chunks, wait })}`,
  );
  // The count comes first and the words are short, so that 40 columns show it whole while the limit holds the run.
  if (totals.waitingForRateLimit || totals.requestsLastMinute > 0)
    lines.push(`rate limit: ${used(totals)} per min${totals.waitingForRateLimit ? ", waiting" : ""}`);
  return lines.map((line) => (line.length > width ? `${line.slice(0, Math.max(1, width - 1))}…` : line)).join("\n");
}

/** "118/120 requests this minute" (the quota when known). */
function budget(totals: BatchRunTotals): string {
  return `${used(totals)} requests this minute`;
}

/** "118/120": requests in the last minute, and the quota when known. */
function used(totals: BatchRunTotals): string {
  const quota = totals.requestsPerMinuteAllowed === undefined ? "" : `/${totals.requestsPerMinuteAllowed}`;
  return `${totals.requestsLastMinute}${quota}`;
}

function elapsed(totals: BatchRunTotals): string {
  return duration(Date.now() - totals.startedAt);
}

/** ", ~1m20s left", or nothing before the first batch settles and after the last. */
function estimate(totals: BatchRunTotals, { ratio, chunks, wait }: { ratio: number; chunks: number; wait: boolean }) {
  const left = timeLeftMs({
    spentMs: Date.now() - totals.startedAt,
    ratio,
    requestsLeft: requestsLeft(totals, { chunks, wait }),
    requestsPerMinute: totals.requestsPerMinuteAllowed,
    waitingForRateLimit: totals.waitingForRateLimit,
  });
  return left === undefined ? "" : `, ~${duration(left)} left`;
}

/**
 * The fewest requests the run still sends: a create for every chunk not yet submitted and, with --wait, at least one
 * status check for every batch not yet settled (sent or still to send).
 */
export function requestsLeft(totals: BatchRunTotals, { chunks, wait }: { chunks: number; wait: boolean }): number {
  const b = totals.batches;
  const toSend = Math.max(0, chunks - b.submitted - b.unknown - b.notSent);
  const toSettle = wait ? Math.max(0, b.submitted - b.finished) + toSend : 0;
  return toSend + toSettle;
}

/**
 * What is left of the run, in ms. While the rate limit holds requests it sets the pace: the requests left at the
 * policy's rate. Otherwise the pace so far, never below that floor. Undefined before anything settled and at the end.
 */
export function timeLeftMs({
  spentMs,
  ratio,
  requestsLeft,
  requestsPerMinute,
  waitingForRateLimit,
}: {
  spentMs: number;
  ratio: number;
  requestsLeft: number;
  requestsPerMinute: number | undefined;
  waitingForRateLimit: boolean;
}): number | undefined {
  if (ratio <= 0 || ratio >= 1) return undefined;
  const observed = (spentMs / ratio) * (1 - ratio);
  if (!requestsPerMinute) return observed;
  const floor = (requestsLeft / requestsPerMinute) * 60_000;
  return waitingForRateLimit ? floor : Math.max(observed, floor);
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes}m${String(seconds % 60).padStart(2, "0")}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** The final report without --verbose: totals, where the files are, where the journal is. */
export function describeTotals(summary: BatchRunSummary, chunks: number): string {
  const { batches, images, files } = summary.totals;
  const byStatus = Object.entries(batches.byStatus)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${terminalSafe(status)}`);
  const lines = [
    `${chunks} batches: ${[...byStatus, batches.unknown > 0 && `${batches.unknown} outcome unknown`, chunks - batches.submitted - batches.unknown > 0 && `${chunks - batches.submitted - batches.unknown} not submitted`].filter(Boolean).join(", ") || "none settled"}`,
    `${images.done} images done, ${images.failed} failed`,
  ];
  if (summary.downloadDir)
    lines.push(
      `files: ${files.written} downloaded, ${files.skipped} already complete, ${files.expired} expired, ${files.failed} failed, ${files.stored} in your storage → ${chunkFolders(terminalSafe(summary.downloadDir), chunks)}`,
    );
  lines.push(
    `${elapsed(summary.totals)}; journal ${terminalSafe(summary.journal)} (--verbose: one line per batch; --json: everything)`,
  );
  return lines.join("\n");
}

/** Where the files are, as folder names to copy: "out/chunk-000001/ … chunk-000060/". */
function chunkFolders(dir: string, chunks: number): string {
  const first = `${dir}/${chunkFolder(1)}/`;
  return chunks > 1 ? `${first} … ${chunkFolder(chunks)}/` : first;
}
