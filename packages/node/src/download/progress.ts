// Progress counts for `onProgress`, throttled, and each file's telemetry.
import { type ClaidTelemetry, type DownloadEvent, emitTelemetry, type FileEvent } from "@claid/core";
import { DownloadError } from "./errors.ts";
import type { DownloadOptions } from "./options.ts";
import type { DownloadReport } from "./report.ts";

/** Byte progress is reported at most this often; file completions always. */
const PROGRESS_INTERVAL_MS = 100;

/** Progress counts, read off the report's lists; each settled file is added to its list here. */
export class ProgressCounter {
  #bytes = 0;
  #lastEmit = 0;
  /** Telemetry's view of each file being fetched, by index. */
  #files = new Map<number, FileEvent>();

  constructor(
    readonly total: number,
    readonly report: DownloadReport,
    readonly onProgress: DownloadOptions["onProgress"],
    readonly telemetry?: { hooks: ClaidTelemetry; download: DownloadEvent } | undefined,
  ) {
    this.emit();
  }

  /** A file's fetch or check starts (telemetry only). */
  start(index: number, url: string): void {
    if (!this.telemetry) return;
    const file: FileEvent = { download: this.telemetry.download, index, url: withoutQuery(url) };
    this.#files.set(index, file);
    emitTelemetry(this.telemetry.hooks, "fileStart", file);
  }

  settle<T extends { index: number; url?: string | undefined; bytes?: number; error?: DownloadError }>(
    list: T[],
    entry: T,
  ): void {
    list.push(entry);
    this.emit();
    if (!this.telemetry) return;
    const { report } = this;
    const file = this.#files.get(entry.index) ?? {
      download: this.telemetry.download,
      index: entry.index,
      url: withoutQuery(entry.url ?? ""),
    };
    this.#files.delete(entry.index);
    file.outcome =
      (list as unknown[]) === report.written
        ? "written"
        : (list as unknown[]) === report.skipped
          ? "skipped"
          : "failed";
    file.bytes = entry.bytes;
    if (entry.error instanceof DownloadError) {
      file.reason = entry.error.reason;
      file.status = entry.error.status;
    }
    emitTelemetry(this.telemetry.hooks, "fileEnd", file);
  }

  addBytes(bytes: number): void {
    this.#bytes += bytes;
    if (Date.now() - this.#lastEmit >= PROGRESS_INTERVAL_MS) this.emit();
  }

  emit(): void {
    this.#lastEmit = Date.now();
    const { written, skipped, stored, failed } = this.report;
    try {
      this.onProgress?.({
        total: this.total,
        done: written.length + skipped.length + stored.length + failed.length,
        written: written.length,
        skipped: skipped.length,
        stored: stored.length,
        failed: failed.length,
        bytes: this.#bytes,
      });
    } catch {
      // A progress display must not break the downloads.
    }
  }
}

/** A URL without its query and fragment: Claid's temporary URLs may be signed. */
export const withoutQuery = (url: string): string => url.replace(/[?#].*/s, "");
