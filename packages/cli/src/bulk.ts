/**
 * `claid batch create --input-file urls.txt`: thousands of URLs split into batches and submitted one by one,
 * with a journal written before each POST so that a rerun of the same command never submits a chunk twice.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { type BatchEditRequest, type BatchResult, type Claid, ClaidError, describeValue } from "@claid/node";
import { InvalidArgumentError as FlagError } from "commander";
import { describeFailure, EXIT, UsageError } from "./exit.ts";
import { buildRequest, type CreateFlags } from "./request.ts";
import { jsonSafe, printJson, terminalSafe } from "./terminal-safe.ts";
import { describeResult, type OutputFlags, waitFor } from "./watch.ts";

/** The spec sets no `maxItems` on a batch's `input` array, so only the default is ours to choose. */
export const DEFAULT_BATCH_SIZE = 100;

export interface BulkFlags extends Omit<CreateFlags, "input">, OutputFlags {
  inputFile: string;
  batchSize?: number;
  journal?: string;
  retryUnknown?: boolean;
  wait?: boolean;
  timeout?: number;
}

/** `--batch-size`: a whole number of URLs per batch, at least 1. */
export function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new FlagError("--batch-size must be a whole number of URLs, 1 or more.");
  return n;
}

interface Chunk {
  /** 1-based, as shown to the user and stored in the journal. */
  chunk: number;
  urls: string[];
  /** First and last line of the input file it comes from. */
  lines: [number, number];
}

/** A chunk's state, from the journal and then from this run; `pending`: not sent (yet). `batchId` when submitted. */
interface ChunkState {
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

/** Submits every chunk that the journal does not account for, then reports (and with `--wait`, waits on) all of them. */
export async function createBulk(claid: Claid, flags: BulkFlags): Promise<void> {
  if (flags.recursive) throw new UsageError("--recursive applies to a storage folder --input, not to --input-file.");
  const { urls, lines } = readUrlList(flags.inputFile);
  const batchSize = flags.batchSize ?? DEFAULT_BATCH_SIZE;
  const chunks = split(urls, lines, batchSize);
  const { input: _checkedWithFirstUrl, ...options } = buildRequest({ ...flags, input: [urls[0] as string] });
  const key = createHash("sha256").update(JSON.stringify({ urls, batchSize, options })).digest("hex");
  const journal = Journal.open(flags.journal ?? `${flags.inputFile}.claid-journal`, key);
  const say = (line: string) => {
    if (!flags.json) process.stderr.write(`${line}\n`);
  };

  const states = new Map(chunks.map((c) => [c.chunk, journal.stateOf(c.chunk)]));
  const done = chunks.filter((c) => states.get(c.chunk)?.state === "submitted").length;
  if (journal.otherCommandsSubmitted > 0)
    say(
      `note: ${journal.path} also records ${journal.otherCommandsSubmitted} batch(es) submitted by a different command (other URLs, batch size or options); they are not reused.`,
    );
  if (done > 0) say(`${done} of ${chunks.length} chunks already submitted (journal ${journal.path})`);

  const interrupt = interruptHandler(say);
  try {
    for (const chunk of chunks) {
      const previous = states.get(chunk.chunk)?.state;
      if (previous === "submitted" || (previous === "unknown" && !flags.retryUnknown)) continue;
      if (interrupt.requested) break;
      interrupt.current = chunk.chunk;
      const outcome = await submit(claid, journal, chunk, { ...options, input: chunk.urls }, interrupt.signal);
      states.set(chunk.chunk, outcome);
      if (outcome.state !== "submitted") {
        // Whatever failed this chunk (key, credit, network) would most likely fail the next ones too.
        process.stderr.write(`claid: chunk ${chunk.chunk}/${chunks.length}: ${terminalSafe(outcome.error ?? "")}\n`);
        break;
      }
      say(`chunk ${chunk.chunk}/${chunks.length}: submitted batch ${outcome.batchId} (${chunk.urls.length} URLs)`);
    }
  } finally {
    interrupt.remove();
    journal.close();
  }

  const report = chunks.map((c) => ({ chunk: c.chunk, urls: c.urls.length, lines: c.lines, ...states.get(c.chunk) }));
  const count = (state: ChunkState["state"]) => report.filter((c) => c.state === state).length;
  for (const c of report.filter((c) => c.state === "unknown"))
    process.stderr.write(
      `claid: chunk ${c.chunk} (lines ${c.lines[0]}–${c.lines[1]}): outcome unknown — the POST was sent but no answer came, so the batch may exist. Check your Claid dashboard, then rerun with --retry-unknown to submit it again.\n`,
    );
  const notSent = count("pending") + count("failed");
  if (interrupt.requested) {
    process.stderr.write(
      `Interrupted: ${count("submitted")} of ${report.length} chunks submitted; rerun the same command to submit the rest.\n`,
    );
    process.exitCode = EXIT.interrupted;
  } else {
    if (notSent > 0) say(`${notSent} chunk(s) not submitted: rerun the same command to submit them.`);
    if (notSent > 0 || count("unknown") > 0) process.exitCode = EXIT.api;
  }

  const batchIds = report.flatMap((c) => (c.batchId === undefined ? [] : [c.batchId]));
  const results = new Map<number | undefined, BatchResult>();
  if (flags.wait && !interrupt.requested && batchIds.length > 0) {
    for (const result of await waitFor(claid, batchIds, flags)) results.set(result.id, result);
  }

  if (flags.json) {
    const withResults = report.map((c) => (results.has(c.batchId) ? { ...c, result: results.get(c.batchId) } : c));
    printJson({ journal: journal.path, batchSize, chunks: withResults });
    return;
  }
  for (const c of report) {
    const result = results.get(c.batchId);
    const outcome = result
      ? describeResult(result)
      : c.state === "submitted"
        ? `batch ${c.batchId}`
        : c.state === "failed"
          ? `failed: ${terminalSafe(c.error ?? "")}`
          : c.state === "unknown"
            ? "outcome unknown"
            : "not submitted";
    process.stdout.write(`chunk ${c.chunk}/${report.length}  ${c.urls} URLs  ${outcome}\n`);
  }
}

/** One chunk: the journal's `submitting` record is on disk before the POST goes out. */
async function submit(
  claid: Claid,
  journal: Journal,
  chunk: Chunk,
  body: BatchEditRequest,
  signal: AbortSignal,
): Promise<ChunkState> {
  journal.append(chunk.chunk, { state: "submitting" });
  let batchId: number;
  try {
    batchId = (await claid.batches.create(body, { signal })).id;
  } catch (error) {
    const message = describeFailure(error).line;
    // Only an error that says so proves that no batch was created (a 4xx, or nothing sent); anything else may have.
    const definite = error instanceof ClaidError && !error.outcomeUnknown && !signal.aborted;
    const outcome = { state: definite ? "failed" : "unknown", error: message } as const;
    journal.append(chunk.chunk, outcome);
    return outcome;
  }
  try {
    journal.append(chunk.chunk, { state: "submitted", batchId });
  } catch (error) {
    // The chunk stays "submitting" in the journal, so a rerun reports it unknown: say which batch it is.
    throw new Error(`Batch ${batchId} was created for chunk ${chunk.chunk}, but ${(error as Error).message}`);
  }
  return { state: "submitted", batchId };
}

/** Ctrl-C once: stop after the POST in flight is answered. Twice: abort it now (its outcome is then unknown). */
function interruptHandler(say: (line: string) => void) {
  const controller = new AbortController();
  const handler = {
    requested: false,
    current: 0,
    signal: controller.signal,
    remove: () => process.off("SIGINT", onSigint),
  };
  const onSigint = () => {
    if (handler.requested) {
      controller.abort(new Error("interrupted by a second Ctrl-C"));
      return;
    }
    handler.requested = true;
    say(
      `Ctrl-C: stopping once chunk ${handler.current}'s POST is answered (Ctrl-C again to stop now; its outcome would then be unknown).`,
    );
  };
  process.on("SIGINT", onSigint);
  return handler;
}

/** One URL per line; blank lines and `#` comments skipped. Every bad line is a usage error naming its number. */
export function readUrlList(path: string): { urls: string[]; lines: number[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`--input-file: cannot read ${path}: ${(error as Error).message}`);
  }
  const urls: string[] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const problem = urlProblem(line);
    if (problem) problems.push(`line ${index + 1}: ${problem}`);
    else {
      urls.push(line);
      lines.push(index + 1);
    }
  });
  if (problems.length > 0) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
    throw new UsageError(`--input-file ${path}: ${problems.slice(0, 5).join("; ")}${more}.`);
  }
  if (urls.length === 0) throw new UsageError(`--input-file ${path} lists no URLs (one per line; # starts a comment).`);
  return { urls, lines };
}

/** Why a line is not an image URL (http(s) or a storage object, as the API's `input` list takes), or undefined. */
function urlProblem(line: string): string | undefined {
  const shown = describeValue(line);
  if (/\s/.test(line)) return `${shown} contains whitespace (one URL per line; encode spaces as %20)`;
  if (line.length > 4096) return `${shown} is longer than 4096 characters`;
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    return `${shown} is not a URL`;
  }
  if (!["http:", "https:", "storage:"].includes(url.protocol)) return `${shown} is not an http(s):// or storage:// URL`;
  if (url.protocol === "storage:" && line.endsWith("/"))
    return `${shown} is a storage folder; use --input for a folder, --input-file for image URLs`;
  return undefined;
}

function split(urls: string[], lines: number[], size: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < urls.length; start += size) {
    const end = Math.min(start + size, urls.length);
    chunks.push({
      chunk: chunks.length + 1,
      urls: urls.slice(start, end),
      lines: [lines[start] as number, lines[end - 1] as number],
    });
  }
  return chunks;
}

/**
 * JSON lines, each fsynced as it is appended. Records carry the key of the command that wrote them
 * (URLs, batch size, options), so a different command sharing the file never reuses them.
 */
class Journal {
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
    writeSync(this.fd, `${jsonSafe(JSON.stringify(record))}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
    this.unlock();
  }
}

/**
 * One run per journal at a time: two runs of the same command would both submit the chunks that
 * neither had recorded yet. The lock file holds the owner's pid; one whose process is gone
 * (a crash, kill -9) is taken over.
 */
function lockJournal(path: string): () => void {
  const lock = `${path}.lock`;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new UsageError(`--journal: cannot create ${lock}: ${(error as Error).message}`);
    }
    const owner = Number(readFileSync(lock, "utf8"));
    if (isRunning(owner))
      throw new UsageError(
        `Another claid run (pid ${owner}) is using the journal ${path}: wait for it to finish (or delete ${lock} if that process is not claid).`,
      );
    rmSync(lock, { force: true });
  }
}

/** Whether a process with this pid exists; an unreadable pid (a lock being written) counts as running. */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
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
