/**
 * The download manifest: one JSON line per complete file in the folder, appended
 * as each file lands (O_APPEND, one write per line), so an interrupted run leaves
 * an exact record and a rerun skips what is already there. Only the holder of
 * the folder lock reads, appends or rewrites it.
 */
import { constants, writeSync } from "node:fs";
import { type FileHandle, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { diskError } from "./errors.ts";
import { nameKey } from "./file-names.ts";
import { openRegularFile, openTemporaryFile, temporaryPath } from "./place.ts";

const { O_APPEND, O_CREAT, O_RDONLY, O_WRONLY } = constants;

/** The manifest's file name, inside the download folder (a dot file: no result name can start with a dot). */
export const MANIFEST_FILE = ".claid-downloads.jsonl";

/** One line of the manifest: a complete file of a batch result. */
export interface ManifestEntry {
  /** The batch id (`taskId`, as everywhere else). */
  taskId: number;
  /** Index of the result in the batch's `results`. */
  index: number;
  /** The path of the URL it came from: without the query, whose signature changes every time the batch is retrieved. */
  urlPath: string;
  /** File name inside the folder. */
  file: string;
  bytes: number;
  /**
   * The file's modification time when it was recorded: with `bytes`, the quick
   * check that it is unchanged. Absent in lines written by 0.1.0.
   */
  mtimeMs?: number | undefined;
  /** Hex SHA-256 of the file's bytes, when downloaded with `hash: "sha256"` (always in lines written by 0.1.0). */
  sha256?: string | undefined;
}

/** A line as 0.1.0 wrote it: `result` for the batch id, `url` for the URL path, always a `sha256`. */
interface EntryV0 {
  result: number;
  index: number;
  url: string;
  file: string;
  bytes: number;
  sha256: string;
}

/** A manifest line in the current form, or one written by 0.1.0 in the current form; `undefined` if neither. */
function entryOf(value: unknown): ManifestEntry | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const line = value as Partial<ManifestEntry & EntryV0>;
  if (!Number.isSafeInteger(line.index) || typeof line.file !== "string" || !Number.isSafeInteger(line.bytes))
    return undefined;
  const common = { index: line.index as number, file: line.file, bytes: line.bytes as number };
  if (Number.isSafeInteger(line.taskId) && typeof line.urlPath === "string") {
    const mtimeMs = typeof line.mtimeMs === "number" && Number.isFinite(line.mtimeMs) ? line.mtimeMs : undefined;
    const sha256 = typeof line.sha256 === "string" ? line.sha256 : undefined;
    return { taskId: line.taskId as number, ...common, urlPath: line.urlPath, mtimeMs, sha256 };
  }
  if (Number.isSafeInteger(line.result) && typeof line.url === "string" && typeof line.sha256 === "string")
    return { taskId: line.result as number, ...common, urlPath: line.url, mtimeMs: undefined, sha256: line.sha256 };
  return undefined;
}

/**
 * The manifest's entries by file name (folded like file names; the last line
 * for a file wins). A missing manifest is empty; a torn last line (a killed
 * process) is ignored. When lines were superseded, unreadable or in 0.1.0's
 * form, the file is rewritten without them (best effort: the appended form
 * stays valid). Throws an `unsafe-path` DownloadError when the manifest is a
 * link or not a regular file.
 */
export async function readManifest(path: string): Promise<Map<string, ManifestEntry>> {
  const entries = new Map<string, ManifestEntry>();
  const handle = await openRegularFile(path, O_RDONLY);
  if (!handle) return entries;
  let text: string;
  try {
    text = await handle.readFile("utf8");
  } catch (error) {
    throw diskError(`Cannot read ${path}`, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  let oldLines = false;
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      const entry = entryOf(value);
      if (entry) entries.set(nameKey(entry.file), entry);
      oldLines ||= entry !== undefined && (value as { taskId?: unknown }).taskId === undefined;
    } catch {
      // A line cut short by a killed process: that file is fetched again.
    }
  }
  // A torn last line without its newline would swallow the next append.
  if (oldLines || lines.length !== entries.size || (text !== "" && !text.endsWith("\n")))
    await rewrite(path, entries).catch(() => undefined);
  return entries;
}

const toLine = (entry: ManifestEntry) => `${JSON.stringify(entry)}\n`;

/** Replaces the manifest with `entries` (a temporary file renamed over it: never a half-written manifest). */
async function rewrite(path: string, entries: Map<string, ManifestEntry>): Promise<void> {
  const temp = temporaryPath(dirname(path), "tmp");
  try {
    const handle = await openTemporaryFile(temp);
    try {
      await handle.writeFile([...entries.values()].map(toLine).join(""));
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Appends entries in order, each line in a single O_APPEND write. The write is
 * synchronous: a line of about 200 bytes lands in the page cache in
 * microseconds, less than a round trip through the thread pool would cost
 * (measured: the asynchronous form was the largest per-file cost after the
 * fetch). Opened on the first append.
 */
export class ManifestWriter {
  #handle: Promise<FileHandle> | undefined;

  constructor(readonly path: string) {}

  /** Resolves once the line is written; rejects with the file system's error (e.g. ENOSPC). */
  async append(entry: ManifestEntry): Promise<void> {
    this.#handle ??= openRegularFile(this.path, O_WRONLY | O_APPEND | O_CREAT) as Promise<FileHandle>;
    const { fd } = await this.#handle;
    const line = toLine(entry);
    const written = writeSync(fd, line);
    if (written !== Buffer.byteLength(line)) throw new Error(`only ${written} bytes of a manifest line were written`);
  }

  async close(): Promise<void> {
    const handle = await this.#handle?.catch(() => undefined);
    this.#handle = undefined;
    await handle?.close().catch(() => undefined);
  }
}
