// `downloadResults()`: fetch every result file of a batch into a folder, safely and resumably.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type BatchResult, type DownloadEvent, describeValue, emitTelemetry, InvalidArgumentError } from "@claid/core";
import { checkRecorded } from "./check.ts";
import { DownloadError, diskError, existsError } from "./errors.ts";
import { fetchToTemporaryFile } from "./fetch-file.ts";
import { nameKey } from "./file-names.ts";
import { type FolderLock, lockFolder } from "./folder-lock.ts";
import { MANIFEST_FILE, type ManifestEntry, ManifestWriter, readManifest } from "./manifest.ts";
import { type DownloadOptions, readOptions, type Settings } from "./options.ts";
import { lstatIfExists, place, sweepTemporaryFiles, withCleanup } from "./place.ts";
import { type FetchJob, planJobs, readResults } from "./plan.ts";
import { ProgressCounter } from "./progress.ts";
import { byIndex, type DownloadReport } from "./report.ts";

/**
 * Streams each result's `tmp_url` into `dir` (created if missing), safely and
 * resumably: names are made safe and unique; each file streams into a
 * temporary file and is renamed into place only once complete; every per-file
 * problem lands in `failed` instead of rejecting the call; a rerun into the
 * same folder skips complete files (recorded in `.claid-downloads.jsonl`);
 * one download at a time writes into a folder (`.claid-downloads.lock`).
 * The `Authorization` header is never sent: these are pre-signed URLs on
 * another host.
 *
 * Rejects only with `InvalidArgumentError` (a bad argument) or `signal.reason`;
 * when it settles, nothing is left running or writing.
 *
 * @example
 * const { written, skipped, failed } = await downloadResults(await claid.batches.wait(id), "./out");
 */
export async function downloadResults(
  result: BatchResult,
  dir: string,
  options: DownloadOptions = {},
): Promise<DownloadReport> {
  const settings = readOptions(options);
  const items = readResults(result);
  if (typeof dir !== "string" || dir.trim() === "")
    throw new InvalidArgumentError({ argument: "dir", problem: `must be a folder path; got ${describeValue(dir)}.` });
  const { signal } = settings;
  signal?.throwIfAborted();

  const report: DownloadReport = {
    dir,
    manifest: join(dir, MANIFEST_FILE),
    written: [],
    skipped: [],
    stored: [],
    failed: [],
  };
  const jobs = planJobs(result, items, settings.fileName, report);
  const telemetry = settings.telemetry.enabled?.() === false ? undefined : settings.telemetry;
  const download: DownloadEvent | undefined = telemetry && { taskId: result.id, files: items.length };
  emitTelemetry(telemetry, "downloadStart", download as DownloadEvent);
  const progress = new ProgressCounter(
    items.length,
    report,
    settings.onProgress,
    download && telemetry && { hooks: telemetry, download },
  );
  try {
    await downloadJobs(jobs, { result, dir, settings, report, progress });
  } catch (error) {
    if (download) download.error = error;
    throw error;
  } finally {
    if (download) {
      download.written = report.written.length;
      download.skipped = report.skipped.length;
      download.failed = report.failed.length;
      download.bytes = report.written.reduce((sum, file) => sum + file.bytes, 0);
      emitTelemetry(telemetry, "downloadEnd", download);
    }
  }
  for (const list of [report.written, report.skipped, report.stored, report.failed]) list.sort(byIndex);
  return report;
}

/** Locks the folder and runs every job; rejects only with `signal.reason` (or an unexpected error). */
async function downloadJobs(
  jobs: FetchJob[],
  { result, dir, settings, report, progress }: Pick<Context, "result" | "dir" | "settings" | "report" | "progress">,
): Promise<void> {
  const { signal } = settings;
  if (jobs.length > 0) {
    let lock: FolderLock | undefined;
    try {
      let recorded: Map<string, ManifestEntry> | undefined;
      let present: Set<string> | undefined;
      try {
        await mkdir(dir, { recursive: true }).catch((error: unknown) => {
          throw diskError(`Cannot create ${dir}`, error);
        });
        lock = await lockFolder(dir, settings.lockWaitMs, signal);
        const names = await sweepTemporaryFiles(dir);
        present = names && new Set(names.map(nameKey));
        recorded = await readManifest(report.manifest);
      } catch (error) {
        if (!(error instanceof DownloadError)) throw error;
        // The folder cannot be used: the same failure for every file.
        for (const job of jobs)
          progress.settle(report.failed, { index: job.index, url: job.url, path: join(dir, job.name), error });
      }
      if (recorded) {
        const manifest = new ManifestWriter(report.manifest);
        await downloadAll(jobs, { result, dir, settings, recorded, present, manifest, report, progress });
      }
    } finally {
      await lock?.release();
    }
  }
  signal?.throwIfAborted();
}

/** Runs `concurrency` workers over the jobs; resolves once every one has stopped and the manifest is closed. */
async function downloadAll(jobs: FetchJob[], context: Context): Promise<void> {
  const { settings, manifest } = context;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !settings.signal?.aborted) await saveFile(jobs[next++] as FetchJob, context);
  };
  // allSettled: even an unexpected error in one worker leaves nothing running when the call settles.
  const workers = await Promise.allSettled(Array.from({ length: Math.min(settings.concurrency, jobs.length) }, worker));
  await manifest.close();
  const crashed = workers.find((w) => w.status === "rejected");
  if (crashed) throw crashed.reason;
}

export interface Context {
  result: BatchResult;
  dir: string;
  settings: Settings;
  recorded: Map<string, ManifestEntry>;
  /**
   * Names in the folder when the run started (folded like file names), so that
   * a new file costs no `lstat`; `undefined` if the folder could not be listed.
   * Anything created later still cannot be replaced: placing uses a hard link.
   */
  present: Set<string> | undefined;
  manifest: ManifestWriter;
  report: DownloadReport;
  progress: ProgressCounter;
}

/**
 * Skips, fetches or fails one file; never throws a per-file problem. A file
 * recorded as this result's download is skipped when unchanged (size and mtime,
 * or its SHA-256 with `verify`) and fetched again, replacing it, when not.
 */
async function saveFile(job: FetchJob, context: Context): Promise<void> {
  const { result, dir, settings, recorded, present, manifest, report, progress } = context;
  const path = join(dir, job.name);
  const urlPath = new URL(job.url).pathname;
  progress.start(job.index, job.url);
  try {
    const existing = !present || present.has(nameKey(job.name)) ? await lstatIfExists(path) : undefined;
    const entry = recorded.get(nameKey(job.name));
    const ours =
      existing?.isFile() &&
      entry?.taskId === result.id &&
      entry.index === job.index &&
      entry.urlPath === urlPath &&
      entry.file === job.name
        ? entry
        : undefined;
    if (ours && existing) {
      const verdict = await checkRecorded(ours, existing, path, settings.verify);
      if (verdict.skip) {
        if (verdict.rerecord) await manifest.append({ ...ours, mtimeMs: existing.mtimeMs });
        progress.settle(report.skipped, {
          index: job.index,
          url: job.url,
          path,
          bytes: ours.bytes,
          sha256: ours.sha256,
        });
        return;
      }
      if (verdict.error) throw verdict.error;
    } else if (existing && !settings.overwrite) throw existsError(path);
    const temp = await fetchToTemporaryFile(job, dir, context);
    try {
      // Replacing is safe for a file recorded as ours: it is this result's own (changed) download.
      await place(temp.path, path, settings.overwrite || ours !== undefined);
    } catch (error) {
      throw await withCleanup(
        error instanceof DownloadError ? error : diskError(`Cannot move ${temp.path} to ${path}`, error),
        temp.path,
      );
    }
    const { bytes, mtimeMs, sha256 } = temp;
    try {
      await manifest.append({ taskId: result.id, index: job.index, urlPath, file: job.name, bytes, mtimeMs, sha256 });
    } catch (error) {
      // An unrecorded file would be refused as "exists" by the rerun: better not to leave it.
      throw await withCleanup(diskError(`Cannot record ${job.name} in ${manifest.path}`, error), path);
    }
    progress.settle(report.written, { index: job.index, url: job.url, path, bytes, sha256 });
  } catch (error) {
    if (settings.signal?.aborted) return;
    const failure = error instanceof DownloadError ? error : diskError(`Cannot write ${path}`, error);
    progress.settle(report.failed, { index: job.index, url: job.url, path, error: failure });
  }
}
