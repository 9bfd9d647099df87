/**
 * `claid batch download`: saves a finished batch's files with live progress.
 * Ctrl-C stops cleanly (no partial files) and a rerun into the same folder
 * resumes; `--json` prints exactly one JSON document on every path.
 */
import {
  BatchCancelledError,
  BatchFailedError,
  type BatchResult,
  type Claid,
  type DownloadFailureReason,
  type DownloadProgress,
  type DownloadReport,
  downloadResults,
} from "@claid/node";
import { SingleBar } from "cli-progress";
import { type Command, Option } from "commander";
import { EXIT, UsageError } from "./exit.ts";
import { handleInterrupts } from "./interrupt.ts";
import { count, plural } from "./plural.ts";
import { fitToTerminal } from "./progress.ts";
import { durationParser, parseInteger, parseTaskId } from "./request.ts";
import { printJson, terminalSafe, terminalSafeLines } from "./terminal-safe.ts";
import { progressMode } from "./watch.ts";

interface DownloadFlags {
  dir?: string;
  overwrite?: boolean;
  concurrency?: string;
  maxFileSize?: string;
  fileTimeout?: number;
  hash?: "sha256";
  verify?: boolean;
  json?: boolean;
}

/** The batch exists but has not finished: wait first. */
class NotDoneYet extends Error {}

/** Ctrl-C during a download. */
class DownloadInterrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

/** Adds `download <id>` to the `batch` command. */
export function registerDownload(batch: Command, client: () => Claid): void {
  batch
    .command("download")
    .argument("<id>", "the batch id", parseTaskId)
    .description("save a finished batch's result files (a rerun into the same folder resumes)")
    .option("--dir <folder>", `folder to write into (default: ${defaultDir("<id>")} in the current folder)`)
    .option("--overwrite", "replace files in the folder that are not this batch's complete downloads")
    .option("--concurrency <n>", "files fetched at once, 1 to 64 (default 8)")
    .option("--max-file-size <MiB>", "largest file accepted, in MiB (default 512)")
    .option(
      "--file-timeout <duration>",
      "give up on a file not complete this long after its request, e.g. 5m (default 10m)",
      durationParser("--file-timeout"),
    )
    .addOption(
      new Option("--hash <algorithm>", "record each file's hash in the manifest, for --verify").choices(["sha256"]),
    )
    .option("--verify", "re-hash recorded files and fetch any that changed (needs hashes recorded with --hash)")
    .option("--json", "print one JSON report and nothing else on stdout")
    .action((id: number, flags: DownloadFlags) => download(id, flags, client));
}

/** Where a download goes without --dir: a folder of the working directory named after the batch. */
const defaultDir = (taskId: number | string) => `batch-${taskId}`;

async function download(taskId: number, flags: DownloadFlags, client: () => Claid): Promise<void> {
  const dir = flags.dir ?? defaultDir(taskId);
  const interrupt = handleInterrupts({ reason: () => new DownloadInterrupted() });
  const display = createDisplay(process.stderr, progressMode(flags));
  try {
    const options = {
      overwrite: flags.overwrite,
      concurrency: integerFlag("--concurrency", flags.concurrency, 1, 64),
      maxBytes: mebibytes(integerFlag("--max-file-size", flags.maxFileSize, 1, 1_048_576)),
      fileTimeoutMs: flags.fileTimeout,
      hash: flags.hash,
      verify: flags.verify,
      signal: interrupt.signal,
      onProgress: display.update,
    };
    const result = await client().batches.retrieve(taskId, { signal: interrupt.signal });
    checkDone(result);
    const report = await downloadResults(result, dir, options);
    display.stop();
    if (flags.json) printJson(jsonReport(result.id, report));
    else process.stdout.write(`${fitToTerminal(terminalSafeLines(summary(report)), process.stdout)}\n`);
    if (report.failed.length > 0) process.exitCode = EXIT.api;
  } catch (error) {
    display.stop();
    if (interrupt.signal.aborted && interrupt.signal.reason instanceof DownloadInterrupted) {
      const line = interruptedLine(display.last());
      process.stderr.write(`claid: ${terminalSafe(line)}\n`);
      if (flags.json)
        printJson({
          taskId,
          dir,
          progress: display.last(),
          error: { message: line, exitCode: 130 },
        });
      process.exitCode = EXIT.interrupted;
      return;
    }
    // The program prints it: one line on stderr and, with --json, the one JSON document.
    throw error;
  } finally {
    interrupt.remove();
  }
}

function integerFlag(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseInteger(flag, min, max)(value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const mebibytes = (value: number | undefined) => (value === undefined ? undefined : value * 1024 * 1024);

/** Only a DONE batch has files; ERROR and CANCELLED never will (exit 3), the others not yet (exit 1). */
function checkDone(result: BatchResult): void {
  if (result.status === "DONE") return;
  if (result.status === "ERROR") throw new BatchFailedError(result);
  if (result.status === "CANCELLED") throw new BatchCancelledError(result);
  throw new NotDoneYet(
    `Batch ${result.id} is ${result.status}, not DONE: nothing to download yet. Wait for it first (claid batch wait ${result.id}), then download.`,
  );
}

function interruptedLine(progress: DownloadProgress | undefined): string {
  const saved = progress
    ? `${progress.written + progress.skipped} of ${count(progress.total, "file")} ${progress.written + progress.skipped === 1 ? "is" : "are"} saved; `
    : "";
  return `Interrupted: ${saved}no partial files are left. Run the same command again to resume: complete files are skipped.`;
}

function jsonReport(taskId: number, report: DownloadReport) {
  return {
    taskId,
    dir: report.dir,
    manifest: report.manifest,
    written: report.written,
    skipped: report.skipped,
    stored: report.stored,
    failed: report.failed.map(({ index, url, path, error }) => ({
      index,
      url,
      path,
      reason: error.reason,
      status: error.status,
      error: error.message,
    })),
  };
}

/** What a download did, for a person: counts, then stored results, failures and the manifest. */
export function summary(report: DownloadReport): string {
  return [
    `${report.dir}: ${counts({
      written: report.written.length,
      skipped: report.skipped.length,
      stored: report.stored.length,
      failed: report.failed.length,
    })}`,
    ...report.stored.map((s) => `stored at ${s.uri} (result ${s.index + 1})`),
    ...failureLines(report.failed),
    ...(report.written.length + report.skipped.length > 0 ? [`manifest: ${report.manifest}`] : []),
  ].join("\n");
}

type Counts = Pick<DownloadProgress, "written" | "skipped" | "stored" | "failed">;

/** "2 downloaded, 1 already complete", then what is in the user's storage and what failed, if any. */
function counts({ written, skipped, stored, failed }: Counts): string {
  return [
    `${written} downloaded`,
    `${skipped} already complete`,
    ...(stored > 0 ? [`${stored} in your storage`] : []),
    ...(failed > 0 ? [`${failed} failed`] : []),
  ].join(", ");
}

/**
 * One line per distinct failure: files that failed for the same reason (every file of a locked folder)
 * share a line naming their results, e.g. "failed: results 1-12: <why>".
 */
function failureLines(failed: DownloadReport["failed"]): string[] {
  const groups = new Map<string, DownloadReport["failed"]>();
  for (const failure of failed) {
    const key = `${failure.error.reason}\n${failure.error.message}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [DownloadReport["failed"][number]];
    const which =
      group.length === 1
        ? `result ${first.index + 1}${first.path ? ` (${first.path})` : ""}`
        : `results ${ranges(group.map((f) => f.index + 1))}`;
    return `failed: ${which}: ${first.error.message}${advice(first.error.reason)}`;
  });
}

/** Ascending numbers as ranges: [1, 2, 3, 5] → "1-3, 5". */
function ranges(numbers: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let end = i;
    while (end + 1 < numbers.length && (numbers[end + 1] as number) === (numbers[end] as number) + 1) end++;
    parts.push(end === i ? `${numbers[i]}` : `${numbers[i]}-${numbers[end]}`);
    i = end + 1;
  }
  return parts.join(", ");
}

/** The CLI's own words for what to do about a failed file (the library's messages name no flags). */
function advice(reason: DownloadFailureReason): string {
  switch (reason) {
    case "exists":
      return " (--overwrite replaces it)";
    case "expired":
      return " (rerunning this command retrieves the batch again, with fresh URLs)";
    case "unverifiable":
      return " (files downloaded with --hash sha256 can be verified)";
    case "timed-out":
      return " (--file-timeout allows more time)";
    case "locked":
      return " (or use another --dir)";
    default:
      return "";
  }
}

/** "512 kB" under a megabyte (where "0.0 MB" would say nothing), "2.4 MB" from there. */
export function size(bytes: number): string {
  const kilobytes = Math.round(bytes / 1000);
  return kilobytes < 1000 ? `${kilobytes} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

interface Display {
  update(progress: DownloadProgress): void;
  stop(): void;
  /** The latest counts, if any arrived. */
  last(): DownloadProgress | undefined;
}

/** Widest the bar is drawn; narrower when the line is short of room, left out below BAR_MIN. */
const BAR_MAX = 24;
const BAR_MIN = 5;

/** A progress bar on a terminal, a line per 10 % otherwise, nothing with --json. */
function createDisplay(stream: NodeJS.WriteStream, mode: "tty" | "plain" | "silent"): Display {
  let last: DownloadProgress | undefined;
  const remember = (progress: DownloadProgress) => {
    last = progress;
  };
  if (mode === "silent") return { update: remember, stop: () => {}, last: () => last };
  if (mode === "plain") {
    let tenths = -1;
    return {
      update(progress) {
        remember(progress);
        const now = progress.total === 0 ? 10 : Math.floor((progress.done * 10) / progress.total);
        if (now === tenths) return;
        tenths = now;
        stream.write(`${filesDone(progress)}: ${counts(progress)}, ${size(progress.bytes)}\n`);
      },
      stop() {},
      last: () => last,
    };
  }
  // The counts and bytes come first and the bar takes what is left of the line, so a narrow terminal
  // shortens the bar rather than cutting off the numbers.
  const bar = new SingleBar({
    stream,
    hideCursor: true,
    format: (options, { progress, maxWidth }) => {
      const failures = last && last.failed > 0 ? `  ${last.failed} failed` : "";
      const text = `${last ? filesDone(last) : ""}  ${size(last?.bytes ?? 0)}${failures}`;
      // One column is left free: writing the last one makes some terminals wrap.
      const room = Math.min(BAR_MAX, maxWidth - 1 - text.length - 2);
      if (room < BAR_MIN) return text;
      const complete = Math.round(progress * room);
      const drawn = `${(options.barCompleteChar ?? "=").repeat(complete)}${(options.barIncompleteChar ?? "-").repeat(room - complete)}`;
      return `${text}  ${drawn}`;
    },
  });
  let started = false;
  return {
    update(progress) {
      remember(progress);
      if (!started) bar.start(progress.total, progress.done);
      else bar.update(progress.done);
      started = true;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
    last: () => last,
  };
}

/** "3/12 files" */
const filesDone = ({ done, total }: DownloadProgress) => `${done}/${total} ${plural(total, "file")}`;
