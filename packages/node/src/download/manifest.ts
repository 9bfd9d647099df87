/**
 * The download manifest: one JSON line per complete file in the folder, appended
 * as each file lands, so an interrupted run leaves an exact record and a rerun
 * skips what is already there.
 */
import { randomBytes } from "node:crypto";
import { type FileHandle, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { nameKey } from "./file-names.ts";

/** The manifest's file name, inside the download folder (a dot file: no result name can start with a dot). */
export const MANIFEST_FILE = ".claid-downloads.jsonl";

/** One line of the manifest: a complete file of a batch result. */
export interface ManifestEntry {
  /** The batch id. */
  result: number;
  /** Index of the result in the batch's `results`. */
  index: number;
  /** The path of the URL it came from: without the query, whose signature changes every time the batch is retrieved. */
  url: string;
  /** File name inside the folder. */
  file: string;
  bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

function isEntry(value: unknown): value is ManifestEntry {
  const entry = value as ManifestEntry;
  return (
    typeof entry === "object" &&
    entry !== null &&
    Number.isSafeInteger(entry.result) &&
    Number.isSafeInteger(entry.index) &&
    typeof entry.url === "string" &&
    typeof entry.file === "string" &&
    Number.isSafeInteger(entry.bytes) &&
    typeof entry.sha256 === "string"
  );
}

/**
 * The manifest's entries by file name (case-insensitively; the last line for a
 * file wins). A missing or unreadable manifest is empty; a torn last line (a
 * killed process) is ignored. When lines were superseded or unreadable, the
 * file is rewritten without them (best effort: the appended form stays valid).
 */
export async function readManifest(path: string): Promise<Map<string, ManifestEntry>> {
  const entries = new Map<string, ManifestEntry>();
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return entries;
  }
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  for (const line of lines) {
    try {
      const entry: unknown = JSON.parse(line);
      if (isEntry(entry)) entries.set(nameKey(entry.file), entry);
    } catch {
      // A line cut short by a killed process: that file is fetched again.
    }
  }
  if (lines.length !== entries.size) {
    const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temp, [...entries.values()].map(toLine).join(""), { flag: "wx" });
      await rename(temp, path);
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
  return entries;
}

const toLine = (entry: ManifestEntry) => `${JSON.stringify(entry)}\n`;

/** Appends entries one line at a time, in order; opened on the first append. */
export class ManifestWriter {
  #handle: Promise<FileHandle> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  /** Resolves once the line is written; rejects with the file system's error (e.g. ENOSPC). */
  append(entry: ManifestEntry): Promise<void> {
    const write = this.#queue.then(async () => {
      this.#handle ??= open(this.path, "a");
      await (await this.#handle).write(toLine(entry));
    });
    this.#queue = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.#queue;
    const handle = await this.#handle?.catch(() => undefined);
    this.#handle = undefined;
    await handle?.close().catch(() => undefined);
  }
}
