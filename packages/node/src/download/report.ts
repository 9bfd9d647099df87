// What `downloadResults()` reports: per-file outcomes and progress counts.
import type { DownloadError } from "./errors.ts";

/** Counts passed to `onProgress`. */
export interface DownloadProgress {
  /** Number of results in the batch. */
  total: number;
  /** Results settled so far: `written + skipped + stored + failed`. */
  done: number;
  written: number;
  skipped: number;
  stored: number;
  failed: number;
  /** Bytes received in this call. */
  bytes: number;
}

/** A result file in the folder. */
export interface SavedFile {
  /** Index of the result in `result.results`. */
  index: number;
  url: string;
  path: string;
  bytes: number;
  /** Hex SHA-256 of the file, when downloaded (or recorded) with `hash: "sha256"`. */
  sha256: string | undefined;
}

/** A result Claid wrote to your own storage (`output` given): there is nothing to download. */
export interface StoredOutput {
  index: number;
  /** Where it is, e.g. `storage://my-bucket/out/image-1.png`. */
  uri: string;
}

/** A result file that could not be saved, and why. */
export interface DownloadFailure {
  /** Index of the result in `result.results`. */
  index: number;
  url: string | undefined;
  path: string | undefined;
  error: DownloadError;
}

/** What `downloadResults()` did with each result; each list is in result order. */
export interface DownloadReport {
  dir: string;
  /** The manifest file: one JSON line per complete file (see `ManifestEntry`). */
  manifest: string;
  /** Files fetched by this call. */
  written: SavedFile[];
  /** Files already complete in the folder (recorded in the manifest, same size and modification time; same SHA-256 with `verify`), not fetched again. */
  skipped: SavedFile[];
  /** Results stored in your own storage: nothing to fetch. */
  stored: StoredOutput[];
  /** One entry per result that could not be saved; the others are unaffected. */
  failed: DownloadFailure[];
}

export const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
