/**
 * The BullMQ fleet (examples/bullmq-fleet): 3 worker processes, 2,000 URLs in 40 chunks of 50,
 * against the mock at Claid's policy ("120;w=60, 4;w=1", enforced) with tasks DONE 1.5 s after
 * creation, a real redis-server; run twice: undisturbed, then with one worker SIGKILLed once every
 * chunk is created. Reported per run:
 * wall time from the enqueue to the last job completed against the floor the policy allows for
 * the fewest requests (one create and one GET per chunk), requests against that minimum, 429s,
 * creates per chunk, and how long the killed worker's job took to be finished elsewhere.
 *
 * Run this section alone: `npx tsx bench/measure/bullmq-fleet.ts` (after a build).
 */

import { createClaidMockServer } from "@claid/msw/node";
import { CLAID_RATE_LIMIT, parseRateLimitPolicy } from "@claid/node";
import { enqueueChunks } from "../../examples/bullmq-fleet/src/producer.ts";
import { filesIn, startFleet } from "../../examples/bullmq-fleet/test/fleet-harness.ts";
import { waitFor } from "../../tests/support/wait-for.ts";
import { row } from "./stats.ts";

const URLS = 2000;
const CHUNK_SIZE = 50;
const WORKERS = 3;
const TASK_MS = 1500;
const LOCK_MS = 3000;
const API_KEY = "bench-fleet-key-0123456789";

/** One run of the fleet over the same input, with or without a worker SIGKILLed. */
export interface BullmqFleetRun {
  killed: boolean;
  urls: number;
  chunks: number;
  workers: number;
  /** From the enqueue to the last job completed, ms. */
  wallMs: number;
  /** The earliest the fewest requests fit the policy's windows, ms. */
  floorMs: number;
  requests: number;
  minimumRequests: number;
  rateLimited: number;
  creates: number;
  files: number;
  /** From the SIGKILL until the last download the killed worker left unfinished was completed by another, ms (NaN: it left none). */
  resumeMs: number;
}

/** When the n-th of n requests sent back to back can go under the windows: each full window waits its length. */
function floorMs(requests: number, policy: string): number {
  return Math.max(
    ...parseRateLimitPolicy(policy).map((w) => Math.floor((requests - 1) / w.quota) * w.windowSeconds * 1000),
  );
}

export interface BullmqFleetBench {
  runs: BullmqFleetRun[];
}

/** The same fleet twice: undisturbed, then with one worker SIGKILLed. */
export async function measureBullmqFleet(): Promise<BullmqFleetBench> {
  return { runs: [await runBullmqFleet(false), await runBullmqFleet(true)] };
}

async function runBullmqFleet(kill: boolean): Promise<BullmqFleetRun> {
  const mock = await createClaidMockServer({ apiKey: API_KEY, rateLimit: CLAID_RATE_LIMIT, taskDurationMs: TASK_MS });
  const fleet = await startFleet();
  try {
    const urls = Array.from({ length: URLS }, (_, i) => `https://img.example/p${i}.png`);
    const workers = fleet.startWorkers(WORKERS, { baseUrl: mock.url, apiKey: API_KEY, lockMs: LOCK_MS });
    await Promise.all(workers.map((w) => w.lineMatching(/ready/)));
    const started = Date.now();
    const jobs = await enqueueChunks(fleet.queue, urls, {
      chunkSize: CHUNK_SIZE,
      operations: { resizing: { width: 16, height: 16 } },
      output: { format: "png" },
    });
    let killedAt = Number.NaN;
    let held = new Set<string | undefined>();
    if (kill) {
      // Every chunk created (answered 200) before the kill: a kill during a POST is an unknown outcome, not a resume.
      const created = () => mock.store.requestsOf("create").filter((r) => r.status === 200).length;
      await waitFor(async () => {
        await fleet.noneFailed();
        return created() >= jobs.length ? true : undefined;
      }, 300_000);
      const victim = workers[0] as (typeof workers)[number];
      await victim.lineMatching(/downloading batch/);
      killedAt = Date.now();
      await victim.kill("SIGKILL");
      // The jobs it was downloading when it died: BullMQ hands them to the others once their lock expires.
      const jobOf = (pattern: RegExp) => victim.lines.map((line) => pattern.exec(line)?.[1]).filter(Boolean);
      const finished = new Set(jobOf(/^job (\S+): done/));
      held = new Set(jobOf(/^job (\S+): downloading/).filter((id) => !finished.has(id)));
    }
    const completed = await fleet.allCompleted(jobs.length, 300_000);
    const wallMs = Date.now() - started;
    const resumed = completed.filter((job) => held.has(job.id));
    const api = [...mock.store.requestsOf("create"), ...mock.store.requestsOf("retrieve")];
    const minimumRequests = 2 * jobs.length;
    return {
      killed: kill,
      urls: URLS,
      chunks: jobs.length,
      workers: WORKERS,
      wallMs,
      floorMs: floorMs(minimumRequests, CLAID_RATE_LIMIT),
      requests: api.length,
      minimumRequests,
      rateLimited: api.filter((r) => r.status === 429).length,
      creates: mock.store.requestsOf("create").length,
      files: filesIn(fleet.outDir).length,
      resumeMs: resumed.length
        ? Math.max(...resumed.map((job) => (job.finishedOn ?? Number.NaN) - killedAt))
        : Number.NaN,
    };
  } finally {
    await fleet.close();
    await mock.close();
  }
}

export function bullmqFleetGoalRows(bench: BullmqFleetBench): string[] {
  const met = (ok: boolean) => (ok ? "met" : "**missed**");
  return bench.runs.map((run) =>
    row([
      `BullMQ fleet (${run.workers} workers${run.killed ? ", 1 SIGKILLed" : ""}): 0 × 429, one create per chunk, every file once`,
      `${run.rateLimited} × 429, ${run.creates} creates / ${run.chunks} chunks, ${run.files} / ${run.urls} files`,
      met(run.rateLimited === 0 && run.creates === run.chunks && run.files === run.urls),
    ]),
  );
}

export function bullmqFleetSection(bench: BullmqFleetBench, number: number): string[] {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const [first] = bench.runs;
  return [
    `## ${number}. A BullMQ fleet: ${first?.urls.toLocaleString("en")} URLs in ${first?.chunks} chunks, ${first?.workers} worker processes`,
    "",
    `Mock at Claid's policy (${CLAID_RATE_LIMIT}, enforced), tasks DONE ${TASK_MS / 1000} s after creation, a real redis-server, the workers pacing through \`createRedisPacer\`, lock ${LOCK_MS / 1000} s. The floor: the earliest the minimum requests (one create and one GET per chunk) fit the policy. The second run SIGKILLs a worker once every chunk is created, in a download; the last column is how long until what it was downloading was finished by another worker.`,
    "",
    "| run | wall time s | floor s | × floor | requests / minimum | 429s | creates / chunks | files | killed worker's downloads finished after |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...bench.runs.map((run) =>
      row([
        run.killed ? "one worker SIGKILLed" : "undisturbed",
        s(run.wallMs),
        s(run.floorMs),
        (run.wallMs / run.floorMs).toFixed(2),
        `${run.requests} / ${run.minimumRequests}`,
        run.rateLimited,
        `${run.creates} / ${run.chunks}`,
        run.files,
        !run.killed ? "" : Number.isNaN(run.resumeMs) ? "(none left)" : `${s(run.resumeMs)} s`,
      ]),
    ),
    "",
  ];
}

if (process.argv[1] === import.meta.filename) {
  const bench = await measureBullmqFleet();
  console.log(
    ["| goal | measured | |", "|---|---|---|", ...bullmqFleetGoalRows(bench), "", ...bullmqFleetSection(bench, 9)].join(
      "\n",
    ),
  );
}
