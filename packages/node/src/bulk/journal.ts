/**
 * The journal of bulk runs (`processInBatches()`, the CLI's `--input-file`): JSON lines written before and
 * after each POST, and once a batch's results are settled, read back by a rerun so that no chunk is submitted
 * twice to the same API with the same key, and no finished batch is asked about again.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ClaidError } from "@claid/core";
import { BulkJournalError } from "./errors.ts";
import { lockJournal } from "./lock.ts";

/**
 * Where a chunk stands. `pending`: not tried yet; `not-sent`: tried, and known not to have created a batch
 * (refused, or nothing reached a server); `unknown`: the batch may exist (sent, but no usable answer came back).
 */
export type Submission = "submitted" | "unknown" | "not-sent" | "pending";

/** A chunk's outcome, from the journal and then from this run. `taskId` is the batch's id once submitted. */
export interface ChunkOutcome {
  submission: Submission;
  taskId?: number | undefined;
  error?: string | undefined;
  /** Recorded once the batch's results were settled (downloaded, or nothing to download). */
  finished?: ChunkFinish | undefined;
}

/** What a finished chunk came to: recorded so that a rerun need not ask about it again. */
export interface ChunkFinish {
  /** The batch's final status (DONE, ERROR, CANCELLED…). */
  status: string;
  /** The folder its files were downloaded into (absolute), or undefined when not downloaded. */
  dir?: string | undefined;
  imagesDone: number;
  imagesFailed: number;
  filesWritten: number;
  filesSkipped: number;
  stored: number;
  expired: number;
  filesFailed: number;
}

/** An outcome the journal records: every one but `pending`. */
export type RecordedOutcome = ChunkOutcome & { submission: Exclude<Submission, "pending"> };

/** The API a run submits to: its base URL and a fingerprint of the key, never the key itself. */
export interface ApiIdentity {
  baseUrl: string;
  /** The first 16 hex digits of the key's SHA-256. */
  apiKeyHash: string;
}

export function apiIdentity(baseUrl: string, apiKey: string): ApiIdentity {
  return {
    baseUrl: new URL(baseUrl).href,
    apiKeyHash: createHash("sha256").update(apiKey).digest("hex").slice(0, 16),
  };
}

/**
 * One line of the journal. `submitting` is written (and fsynced) before the POST, the outcome after it.
 * `command` is a hash of the URLs, batch size and request options (or, for a one-pass stream of inputs,
 * of the batch size and options, with `inputHash`, the hash of the chunk's own URLs, telling chunks apart).
 */
interface JournalRecord extends ApiIdentity {
  command: string;
  chunk: number;
  inputHash?: string | undefined;
  /** First and last line (1-based) of the chunk in its input. */
  lines?: [number, number] | undefined;
  submission: "submitting" | RecordedOutcome["submission"];
  taskId?: number | undefined;
  error?: string | undefined;
  finished?: ChunkFinish | undefined;
  at: string;
}

/** A record as read: claid 0.1.0's records (`key`, `state`, `batchId`, `failed`) did not name their API. */
type ReadRecord = Omit<JournalRecord, keyof ApiIdentity | "at" | "lines"> & { api: ApiIdentity | undefined };

/**
 * What a failed create() leaves behind. Only the SDK's `outcomeUnknown` tells "the batch may exist" from
 * "none was created"; an error carrying the created batch's `taskId` means it exists. Anything that is not
 * an SDK error (a bug, an abort) may have been sent: unknown.
 */
export function outcomeOfFailedCreate(error: unknown, message: string): RecordedOutcome {
  const taskId = error instanceof ClaidError ? (error as { taskId?: unknown }).taskId : undefined;
  if (typeof taskId === "number") return { submission: "submitted", taskId };
  const known = error instanceof ClaidError && !error.outcomeUnknown;
  return { submission: known ? "not-sent" : "unknown", error: message };
}

/**
 * JSON lines, each fsynced as it is appended. A run reuses only the records of its own command, API and key;
 * the others are counted, so that the user learns the file also serves another command or API.
 */
export class Journal {
  private readonly outcomes = new Map<number, ChunkOutcome & { inputHash?: string | undefined }>();
  /** Batches this file records for a different command (other URLs, batch size or options). */
  otherCommandsSubmitted = 0;
  /** Batches this file records for this command at another API or with another key. */
  otherApisSubmitted = 0;
  /** Records of this command written by claid 0.1.0, which did not record the API: taken as this API's. */
  unattributedRecords = 0;

  private constructor(
    readonly path: string,
    private readonly command: string,
    private readonly api: ApiIdentity,
    private readonly fd: number,
    private readonly unlock: () => void,
  ) {}

  static open(path: string, command: string, api: ApiIdentity): Journal {
    const unlock = lockJournal(path);
    try {
      const created = !existsSync(path);
      const records = created ? [] : readJournal(path);
      const fd = openSync(path, "a");
      if (created) fsyncDirectory(dirname(path));
      const journal = new Journal(path, command, api, fd, unlock);
      const otherCommands = new Set<string>();
      const otherApis = new Set<string>();
      for (const record of records) {
        const sameApi = !record.api || (record.api.baseUrl === api.baseUrl && record.api.apiKeyHash === api.apiKeyHash);
        if (record.command !== command) {
          if (record.submission === "submitted") otherCommands.add(`${record.command}:${record.taskId}`);
        } else if (!sameApi) {
          if (record.submission === "submitted") otherApis.add(`${record.api?.baseUrl}:${record.taskId}`);
        } else {
          journal.outcomes.set(record.chunk, outcomeOf(record));
          if (!record.api) journal.unattributedRecords++;
        }
      }
      journal.otherCommandsSubmitted = otherCommands.size;
      journal.otherApisSubmitted = otherApis.size;
      return journal;
    } catch (error) {
      unlock();
      throw error instanceof BulkJournalError
        ? error
        : new BulkJournalError(path, `journal: cannot write ${path}: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * The chunk's recorded outcome. With `inputHash`, a record of other inputs under that number (the input
   * changed) is not this chunk's: it is counted in `otherCommandsSubmitted` and the chunk is pending.
   */
  outcomeOf(chunk: number, inputHash?: string): ChunkOutcome {
    const recorded = this.outcomes.get(chunk);
    if (!recorded) return { submission: "pending" };
    const { inputHash: recordedHash, ...outcome } = recorded;
    if (inputHash !== undefined && recordedHash !== undefined && recordedHash !== inputHash) {
      if (outcome.submission === "submitted") this.otherCommandsSubmitted++;
      return { submission: "pending" };
    }
    return outcome;
  }

  append(
    chunk: number,
    entry: Pick<JournalRecord, "submission" | "taskId" | "error" | "inputHash" | "lines" | "finished">,
  ): void {
    const record: JournalRecord = {
      command: this.command,
      ...this.api,
      chunk,
      ...entry,
      at: new Date().toISOString(),
    };
    // writeSync may write part of a line (a full disk) without failing: write the rest, so that a
    // line that cannot be written whole fails here instead of passing for recorded.
    const line = Buffer.from(`${asciiJson(record)}\n`);
    for (let written = 0; written < line.length; ) {
      const wrote = writeSync(this.fd, line, written);
      if (wrote <= 0)
        throw new BulkJournalError(
          this.path,
          `${this.path}: the journal accepted no more bytes (${written} of ${line.length} written).`,
        );
      written += wrote;
    }
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
    this.unlock();
  }
}

/**
 * JSON with every character outside printable ASCII escaped: a journal shown with `cat` carries no control,
 * bidi or invisible characters from a server's error text.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A chunk with `submitting` and no outcome was sent (or about to be) when the run died: unknown. */
function outcomeOf(record: ReadRecord): ChunkOutcome & { inputHash?: string | undefined } {
  const inputHash = record.inputHash;
  switch (record.submission) {
    case "submitted":
      return {
        submission: "submitted",
        taskId: record.taskId as number,
        ...(inputHash !== undefined && { inputHash }),
        ...(record.finished && { finished: record.finished }),
      };
    case "not-sent":
      return { submission: "not-sent", error: record.error ?? "", ...(inputHash !== undefined && { inputHash }) };
    default:
      return { submission: "unknown", error: record.error, ...(inputHash !== undefined && { inputHash }) };
  }
}

/** Reads every record; a torn last line (a crash mid-write, before its POST) is dropped from the file. */
function readJournal(path: string): ReadRecord[] {
  const bytes = readFileSync(path);
  const complete = bytes.lastIndexOf(0x0a) + 1;
  if (complete < bytes.length) truncateSync(path, complete);
  const records: ReadRecord[] = [];
  bytes
    .subarray(0, complete)
    .toString("utf8")
    .split("\n")
    .forEach((line, index) => {
      if (line === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {}
      const record = parseRecord(value);
      if (!record)
        throw new BulkJournalError(
          path,
          `Journal ${path} line ${index + 1} is not a journal record. Fix or move the file only once you know which chunks were submitted.`,
        );
      records.push(record);
    });
  return records;
}

const SUBMISSIONS = ["submitting", "submitted", "unknown", "not-sent"];

/** This version's records, and claid 0.1.0's (`key`, `state`, `batchId`, and `failed` for not sent). */
function parseRecord(value: unknown): ReadRecord | undefined {
  const fields = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const legacy = !("command" in fields);
  const command = legacy ? fields.key : fields.command;
  const submission = legacy ? (fields.state === "failed" ? "not-sent" : fields.state) : fields.submission;
  const taskId = legacy ? fields.batchId : fields.taskId;
  const api = legacy
    ? undefined
    : typeof fields.baseUrl === "string" && typeof fields.apiKeyHash === "string"
      ? { baseUrl: fields.baseUrl, apiKeyHash: fields.apiKeyHash }
      : null;
  if (
    typeof command !== "string" ||
    api === null ||
    !Number.isSafeInteger(fields.chunk) ||
    !SUBMISSIONS.includes(submission as string) ||
    (submission === "submitted" && !Number.isSafeInteger(taskId))
  )
    return undefined;
  return {
    command,
    api,
    chunk: fields.chunk as number,
    submission: submission as ReadRecord["submission"],
    ...(typeof taskId === "number" && { taskId }),
    ...(typeof fields.error === "string" && { error: fields.error }),
    ...(typeof fields.inputHash === "string" && { inputHash: fields.inputHash }),
    ...(isFinish(fields.finished) && { finished: fields.finished }),
  };
}

function isFinish(value: unknown): value is ChunkFinish {
  const fields = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  return (
    typeof fields.status === "string" &&
    ["imagesDone", "imagesFailed", "filesWritten", "filesSkipped", "stored", "expired", "filesFailed"].every((key) =>
      Number.isSafeInteger(fields[key]),
    )
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
