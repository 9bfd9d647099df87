/**
 * The journal of `--input-file` runs: JSON lines written before and after each POST, and the lock
 * that keeps a second run off a journal in use.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "../exit.ts";
import { lockJournal } from "./lock.ts";

/** A chunk's state, from the journal and then from this run; `pending`: not sent (yet). `batchId` when submitted. */
export interface ChunkState {
  state: "submitted" | "unknown" | "failed" | "pending";
  batchId?: number;
  error?: string;
}

/** One line of the journal. `submitting` is written (and fsynced) before the POST, the outcome after it. */
interface JournalRecord {
  key: string;
  chunk: number;
  state: "submitting" | "submitted" | "unknown" | "failed";
  batchId?: number;
  error?: string;
  at: string;
}

/**
 * JSON lines, each fsynced as it is appended. Records carry the key of the command that wrote them
 * (URLs, batch size, options), so a different command sharing the file never reuses them.
 */
export class Journal {
  private readonly states = new Map<number, ChunkState>();
  otherCommandsSubmitted = 0;

  private constructor(
    readonly path: string,
    private readonly key: string,
    private readonly fd: number,
    private readonly unlock: () => void,
  ) {}

  static open(path: string, key: string): Journal {
    const unlock = lockJournal(path);
    try {
      const created = !existsSync(path);
      const records = created ? [] : readJournal(path);
      const fd = openSync(path, "a");
      if (created) fsyncDirectory(dirname(path));
      const journal = new Journal(path, key, fd, unlock);
      const others = new Set<string>();
      for (const record of records) {
        if (record.key === key) journal.states.set(record.chunk, stateOf(record));
        else if (record.state === "submitted") others.add(`${record.key}:${record.chunk}`);
      }
      journal.otherCommandsSubmitted = others.size;
      return journal;
    } catch (error) {
      unlock();
      throw error instanceof UsageError
        ? error
        : new UsageError(`--journal: cannot write ${path}: ${(error as Error).message}`);
    }
  }

  stateOf(chunk: number): ChunkState {
    return this.states.get(chunk) ?? { state: "pending" };
  }

  append(chunk: number, entry: Pick<JournalRecord, "state" | "batchId" | "error">): void {
    const record: JournalRecord = { key: this.key, chunk, ...entry, at: new Date().toISOString() };
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
    this.unlock();
  }
}

/** A chunk with `submitting` and no outcome was sent (or about to be) when the run died: unknown. */
function stateOf(record: JournalRecord): ChunkState {
  switch (record.state) {
    case "submitted":
      return { state: "submitted", batchId: record.batchId as number };
    case "failed":
      return { state: "failed", error: record.error ?? "" };
    default:
      return { state: "unknown", error: record.error };
  }
}

/** Reads every record; a torn last line (a crash mid-write, before its POST) is dropped from the file. */
function readJournal(path: string): JournalRecord[] {
  const bytes = readFileSync(path);
  const complete = bytes.lastIndexOf(0x0a) + 1;
  if (complete < bytes.length) truncateSync(path, complete);
  const records: JournalRecord[] = [];
  bytes
    .subarray(0, complete)
    .toString("utf8")
    .split("\n")
    .forEach((line, index) => {
      if (line === "") return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {}
      if (!isJournalRecord(record))
        throw new UsageError(
          `Journal ${path} line ${index + 1} is not a journal record. Fix or move the file only once you know which chunks were submitted.`,
        );
      records.push(record);
    });
  return records;
}

function isJournalRecord(value: unknown): value is JournalRecord {
  const record = value as Partial<JournalRecord> | null;
  return (
    typeof record?.key === "string" &&
    Number.isSafeInteger(record.chunk) &&
    ["submitting", "submitted", "unknown", "failed"].includes(record.state as string) &&
    (record.state !== "submitted" || Number.isSafeInteger(record.batchId))
  );
}

/** Makes a new journal's directory entry durable too, not only its content. */
function fsyncDirectory(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
