// Progress counts for `onProgress`, throttled.
import type { DownloadOptions } from "./options.ts";
import type { DownloadReport } from "./report.ts";

/** Byte progress is reported at most this often; file completions always. */
const PROGRESS_INTERVAL_MS = 100;

/** Progress counts, read off the report's lists; each settled file is added to its list here. */
export class ProgressCounter {
  #bytes = 0;
  #lastEmit = 0;

  constructor(
    readonly total: number,
    readonly report: DownloadReport,
    readonly onProgress: DownloadOptions["onProgress"],
  ) {
    this.emit();
  }

  settle<T>(list: T[], entry: T): void {
    list.push(entry);
    this.emit();
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
