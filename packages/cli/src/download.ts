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
import { durationParser, parseInteger, parseTaskId } from "./request.ts";
import { printJson, terminalSafe, terminalSafeLines } from "./terminal-safe.ts";
import { progressMode } from "./watch.ts";

interface DownloadFlags {
  dir: string;
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
    .requiredOption("--dir <folder>", "folder to write into")
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

async function download(taskId: number, flags: DownloadFlags, client: () => Claid): Promise<void> {
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
    const report = await downloadResults(result, flags.dir, options);
    display.stop();
    if (flags.json) printJson(jsonReport(result.id, report));
    else process.stdout.write(`${terminalSafeLines(summary(report))}\n`);
    if (report.failed.length > 0) process.exitCode = EXIT.api;
  } catch (error) {
    display.stop();
    if (interrupt.signal.aborted && interrupt.signal.reason instanceof DownloadInterrupted) {
      const line = interruptedLine(display.last());
      process.stderr.write(`claid: ${terminalSafe(line)}\n`);
      if (flags.json)
        printJson({
          taskId,
          dir: flags.dir,
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
  const saved = progress ? `${progress.written + progress.skipped} of ${progress.total} files are saved; ` : "";
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

function summary(report: DownloadReport): string {
  const counts = [
    `${report.written.length} downloaded`,
    `${report.skipped.length} already there (skipped)`,
    ...(report.stored.length > 0 ? [`${report.stored.length} in your storage`] : []),
    `${report.failed.length} failed`,
  ];
  return [
    `${report.dir}: ${counts.join(", ")}`,
    ...report.stored.map((s) => `stored at ${s.uri} (result ${s.index + 1})`),
    ...report.failed.map(
      (f) =>
        `failed: result ${f.index + 1}${f.path ? ` (${f.path})` : ""}: ${f.error.message}${advice(f.error.reason)}`,
    ),
    ...(report.written.length + report.skipped.length > 0 ? [`manifest: ${report.manifest}`] : []),
  ].join("\n");
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

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

interface Display {
  update(progress: DownloadProgress): void;
  stop(): void;
  /** The latest counts, if any arrived. */
  last(): DownloadProgress | undefined;
}

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
        stream.write(`downloaded ${progress.done}/${progress.total} files, ${megabytes(progress.bytes)}\n`);
      },
      stop() {},
      last: () => last,
    };
  }
  const bar = new SingleBar({
    stream,
    format: "{bar} {value}/{total} files  {size}{failures}",
    barsize: 24,
    hideCursor: true,
  });
  let started = false;
  return {
    update(progress) {
      remember(progress);
      const payload = {
        size: megabytes(progress.bytes),
        failures: progress.failed > 0 ? `  ${progress.failed} failed` : "",
      };
      if (!started) bar.start(progress.total, progress.done, payload);
      else bar.update(progress.done, payload);
      started = true;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
    last: () => last,
  };
}
