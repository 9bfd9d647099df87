/**
 * `claid batch create --input-file urls.txt`: thousands of URLs split into batches and submitted one by one,
 * with a journal written before each POST so that a rerun of the same command never submits a chunk twice.
 */
import { createHash } from "node:crypto";
import { type BatchEditRequest, type BatchResult, type Claid, ClaidError } from "@claid/node";
import { describeFailure, EXIT, UsageError } from "../exit.ts";
import { buildRequest, type CreateFlags } from "../request.ts";
import { describeResult, type OutputFlags, waitFor } from "../watch.ts";
import { type ChunkState, Journal } from "./journal.ts";
import { type Chunk, DEFAULT_BATCH_SIZE, readUrlList, split } from "./url-list.ts";

export interface BulkFlags extends Omit<CreateFlags, "input">, OutputFlags {
  inputFile: string;
  batchSize?: number;
  journal?: string;
  retryUnknown?: boolean;
  wait?: boolean;
  timeout?: number;
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
        process.stderr.write(`claid: chunk ${chunk.chunk}/${chunks.length}: ${outcome.error}\n`);
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
    process.stdout.write(`${JSON.stringify({ journal: journal.path, batchSize, chunks: withResults }, null, 2)}\n`);
    return;
  }
  for (const c of report) {
    const result = results.get(c.batchId);
    const outcome = result
      ? describeResult(result)
      : c.state === "submitted"
        ? `batch ${c.batchId}`
        : c.state === "failed"
          ? `failed: ${c.error}`
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
