/**
 * `claid batch create --input-file urls.txt`: thousands of URLs split into batches and submitted one by one,
 * with a journal written before each POST so that a rerun of the same command never submits a chunk twice.
 */
import { createHash } from "node:crypto";
import { type BatchEditRequest, type BatchResult, type Claid, ClaidError } from "@claid/node";
import { describeFailure, EXIT, UsageError } from "../exit.ts";
import { handleInterrupts } from "../interrupt.ts";
import { buildRequest, type CreateFlags } from "../request.ts";
import { printJson, terminalSafe } from "../terminal-safe.ts";
import { describeResult, type OutputFlags, waitFor } from "../watch.ts";
import {
  type ApiIdentity,
  type ChunkOutcome,
  Journal,
  outcomeOfFailedCreate,
  type RecordedOutcome,
  type Submission,
} from "./journal.ts";
import { type Chunk, DEFAULT_BATCH_SIZE, readUrlList, split } from "./url-list.ts";

export interface BulkFlags extends Omit<CreateFlags, "input">, OutputFlags {
  inputFile: string;
  batchSize?: number;
  journal?: string;
  retryUnknown?: boolean;
  wait?: boolean;
  timeout?: number;
}

/**
 * Submits every chunk that the journal does not account for at this API (`api`: the base URL and key the
 * client uses), then reports (and with `--wait`, waits on) all of them.
 */
export async function createBulk(claid: Claid, api: ApiIdentity, flags: BulkFlags): Promise<void> {
  if (flags.recursive) throw new UsageError("--recursive applies to a storage folder --input, not to --input-file.");
  const { urls, lines } = readUrlList(flags.inputFile);
  const batchSize = flags.batchSize ?? DEFAULT_BATCH_SIZE;
  const chunks = split(urls, lines, batchSize);
  const { input: _checkedWithFirstUrl, ...options } = buildRequest({ ...flags, input: [urls[0] as string] });
  const command = createHash("sha256").update(JSON.stringify({ urls, batchSize, options })).digest("hex");
  const journal = Journal.open(flags.journal ?? `${flags.inputFile}.claid-journal`, command, api);
  const say = (line: string) => {
    if (!flags.json) process.stderr.write(`${line}\n`);
  };

  const outcomes = new Map(chunks.map((c) => [c.number, journal.outcomeOf(c.number)]));
  const done = chunks.filter((c) => outcomes.get(c.number)?.submission === "submitted").length;
  if (journal.otherCommandsSubmitted > 0)
    say(
      `note: ${journal.path} also records ${journal.otherCommandsSubmitted} batch(es) submitted by a different command (other URLs, batch size or options); they are not reused.`,
    );
  if (journal.otherApisSubmitted > 0)
    say(
      `note: ${journal.path} also records ${journal.otherApisSubmitted} batch(es) of this command submitted to another API or with another key; they are not reused here.`,
    );
  if (journal.unattributedRecords > 0)
    say(
      `note: ${journal.path} has ${journal.unattributedRecords} record(s) written by claid 0.1.0, which did not record the API; they are taken as ${api.baseUrl}'s, so their chunks are not submitted again.`,
    );
  if (done > 0) say(`${done} of ${chunks.length} chunks already submitted (journal ${journal.path})`);

  let current = 0;
  const interrupt = handleInterrupts({
    reason: () => new Error("interrupted by a second Ctrl-C"),
    onFirst: () =>
      say(
        `Ctrl-C: stopping once chunk ${current}'s POST is answered (Ctrl-C again to stop now; its outcome would then be unknown).`,
      ),
  });
  try {
    for (const chunk of chunks) {
      const previous = outcomes.get(chunk.number)?.submission;
      if (previous === "submitted" || (previous === "unknown" && !flags.retryUnknown)) continue;
      if (interrupt.requested) break;
      current = chunk.number;
      const outcome = await submit(claid, journal, chunk, { ...options, input: chunk.urls }, interrupt.signal);
      outcomes.set(chunk.number, outcome);
      if (outcome.submission !== "submitted") {
        // Whatever failed this chunk (key, credit, network) would most likely fail the next ones too.
        process.stderr.write(`claid: chunk ${chunk.number}/${chunks.length}: ${terminalSafe(outcome.error ?? "")}\n`);
        break;
      }
      say(`chunk ${chunk.number}/${chunks.length}: submitted batch ${outcome.taskId} (${chunk.urls.length} URLs)`);
    }
  } finally {
    interrupt.remove();
    journal.close();
  }

  const report = chunks.map((c) => ({
    number: c.number,
    urlCount: c.urls.length,
    lines: c.lines,
    ...(outcomes.get(c.number) as ChunkOutcome),
  }));
  const count = (submission: Submission) => report.filter((c) => c.submission === submission).length;
  for (const c of report.filter((c) => c.submission === "unknown"))
    process.stderr.write(
      `claid: chunk ${c.number} (lines ${c.lines[0]}–${c.lines[1]}): outcome unknown — the POST was sent but no usable answer came back, so the batch may exist. Check your Claid dashboard, then rerun with --retry-unknown to submit it again.\n`,
    );
  const notSent = count("pending") + count("not-sent");
  if (interrupt.requested) {
    process.stderr.write(
      `Interrupted: ${count("submitted")} of ${report.length} chunks submitted; rerun the same command to submit the rest.\n`,
    );
    process.exitCode = EXIT.interrupted;
  } else {
    if (notSent > 0) say(`${notSent} chunk(s) not submitted: rerun the same command to submit them.`);
    if (notSent > 0 || count("unknown") > 0) process.exitCode = EXIT.api;
  }

  const taskIds = report.flatMap((c) => (c.taskId === undefined ? [] : [c.taskId]));
  const results = new Map<number | undefined, BatchResult>();
  if (flags.wait && !interrupt.requested && taskIds.length > 0) {
    for (const result of await waitFor(claid, taskIds, flags)) results.set(result.id, result);
  }

  if (flags.json) {
    const withResults = report.map((c) => (results.has(c.taskId) ? { ...c, result: results.get(c.taskId) } : c));
    printJson({ journal: journal.path, batchSize, chunks: withResults });
    return;
  }
  for (const c of report) {
    const result = results.get(c.taskId);
    const outcome = result
      ? describeResult(result)
      : c.submission === "submitted"
        ? `batch ${c.taskId}`
        : c.submission === "not-sent"
          ? `not sent: ${terminalSafe(c.error ?? "")}`
          : c.submission === "unknown"
            ? "outcome unknown"
            : "not submitted";
    process.stdout.write(`chunk ${c.number}/${report.length}  ${c.urlCount} URLs  ${outcome}\n`);
  }
}

/** One chunk: the journal's `submitting` record is on disk before the POST goes out. */
async function submit(
  claid: Claid,
  journal: Journal,
  chunk: Chunk,
  body: BatchEditRequest,
  signal: AbortSignal,
): Promise<RecordedOutcome> {
  journal.append(chunk.number, { submission: "submitting" });
  let taskId: number;
  try {
    taskId = (await claid.batches.create(body, { signal })).id;
  } catch (error) {
    const outcome = outcomeOfFailedCreate(error, describeFailure(error).line);
    journal.append(chunk.number, outcome);
    return outcome;
  }
  try {
    journal.append(chunk.number, { submission: "submitted", taskId });
  } catch (error) {
    // The chunk stays "submitting" in the journal, so a rerun reports it unknown: say which batch it is.
    throw new ClaidError(`Batch ${taskId} was created for chunk ${chunk.number}, but ${(error as Error).message}`, {
      taskId,
      cause: error,
    });
  }
  return { submission: "submitted", taskId };
}
