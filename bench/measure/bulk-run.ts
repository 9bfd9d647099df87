/**
 * 10,000 URLs → files: `processInBatches()` in batches of 100 against the mock on 127.0.0.1, at Claid's policy
 * scaled 10× in time ("120;w=6, 4;w=0.1": the same quotas per tenth of the windows; the pacer's jitter margin
 * 20 ms for 200) with batches that take
 * 1 s. Compared with the floor measured in the same run: the rate limit's for 100 creates and one poll per
 * batch once DONE, combined with the plain fetch + pipeline download of the same 10,000 result files (the
 * download bench's floor loop, at its concurrency) — see `floorMs`; requests against that minimum; peak RSS of 10,000 and 1,000,000 input lines (submit only, each in its own
 * process); and a resume after SIGKILL at a random point: what the rerun costs. Runs alone with
 * `npx tsx bench/measure/bulk-run.ts` (after a build).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRateLimitPolicy } from "@claid/core";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { writeUrlFile } from "../../tests/support/url-file.ts";
import { REQUEST } from "./bulk-run-request.ts";
import { DEFAULT_CONCURRENCY, fetchPipelineFloor } from "./download.ts";
import { floorMs } from "./polling.ts";

const KEY = "bench-bulk-run-key-0123456789";
/**
 * Claid's time divided by this: its policy's windows, the pacer's jitter margin, and the time a batch takes
 * (10 s). 1 runs at Claid's own policy in real time (two runs of about 85 s); a scaled run is quicker, but a
 * `RateLimit-Reset` still counts whole seconds, so there the pacer cannot heed it (see bulk-run-child.ts).
 */
const TIME_SCALE = Number(process.env.BENCH_BULK_TIME_SCALE ?? 1);
const POLICY = `120;w=${60 / TIME_SCALE}, 4;w=${1 / TIME_SCALE}`;
const MARGIN_MS = 200 / TIME_SCALE;
const URLS = 10_000;
const BATCH_SIZE = 100;
const TASK_MS = 10_000 / TIME_SCALE;
/**
 * The run fetches up to this many files at once: `processInBatches`' default batches in flight (20), each
 * downloading with `downloadResults`' default concurrency. The floor loop keeps as many in flight.
 */
const FLOOR_CONCURRENCY = 20 * DEFAULT_CONCURRENCY;

export interface BulkRunBench {
  policy: string;
  /** Claid's time divided by this (1: its own policy, in real time). */
  timeScale: number;
  /** How long each batch takes to be DONE. */
  taskMs: number;
  urls: number;
  batchSize: number;
  elapsedMs: number;
  /** The honest floor: max(TASK_MS + downloadFloorMs, rateLimitFloorMs + downloadFloorMs / batches). */
  floorMs: number;
  /** 100 creates at once and one poll per batch the moment it is DONE, at the policy. */
  rateLimitFloorMs: number;
  /** The same 10,000 result files from the same mock, plain fetch + pipeline, as many at once as the run may fetch. */
  downloadFloorMs: number;
  ratio: number;
  requests: number;
  minimumRequests: number;
  creates: number;
  rateLimited: number;
  filesWritten: number;
  /** Files that failed, by reason, and one message. */
  fileFailures: { reasons: Record<string, number>; sample: string | undefined };
  peakRssBytes: { lines10k: number; lines1M: number };
  resume: {
    killedAfterMs: number;
    /** Batches created and files written before the kill. */
    createdBeforeKill: number;
    filesBeforeKill: number;
    /** Batches created for inputs that already had one (the first URL of each batch tells them apart). */
    duplicateCreates: number;
    /** Chunks the rerun reports outcome-unknown (killed during their POST): resent only with retryUnknown. */
    unknownAfterRerun: number;
    rerunRequests: number;
    /** From the rerun's start to its first request: reading and checking the file, opening the journal. */
    backOnPaceMs: number;
    rerunElapsedMs: number;
    filesAfter: number;
  };
}

interface ChildOutput {
  elapsedMs: number;
  peakRssBytes: number;
  totals: {
    files: { written: number; skipped: number; failed: number; expired: number };
    batches: { unknown: number };
  };
  failureReasons: Record<string, number>;
  sampleFailure: string | undefined;
}

function child(
  server: ClaidMockServer,
  args: string[],
): { process: ChildProcess; done: Promise<ChildOutput | undefined> } {
  const started = spawn(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), join(import.meta.dirname, "bulk-run-child.ts"), server.url, KEY, ...args],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  started.stdout?.on("data", (data) => {
    out += String(data);
  });
  return {
    process: started,
    done: new Promise((resolve) =>
      started.on("close", (code) => resolve(code === 0 ? (JSON.parse(out) as ChildOutput) : undefined)),
    ),
  };
}

const countFiles = (dir: string) =>
  readdirSync(dir).reduce((n, chunk) => n + readdirSync(join(dir, chunk)).filter((f) => !f.startsWith(".")).length, 0);

/**
 * The fetch + pipeline floor for the run's result files: the same chunks submitted to a fresh mock of the same
 * options (no rate limit, DONE at once), their `tmp_url`s then fetched by the download bench's floor loop.
 */
async function downloadFloorMs(mockOptions: Parameters<typeof createClaidMockServer>[0], file: string) {
  const server = await createClaidMockServer({ ...mockOptions, rateLimit: false, taskDurationMs: 0 });
  try {
    const api = (path: string, init?: RequestInit) =>
      fetch(`${server.url}/v1/image/edit/batch${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      }).then(
        (r) => r.json() as Promise<{ data: { id: number; results?: { output_object: { tmp_url?: string } }[] } }>,
      );
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    const urls: string[] = [];
    for (let start = 0; start < lines.length; start += BATCH_SIZE) {
      const input = lines.slice(start, start + BATCH_SIZE);
      const { id } = (await api("", { method: "POST", body: JSON.stringify({ input, ...REQUEST }) })).data;
      for (const r of (await api(`/${id}`)).data.results ?? [])
        if (r.output_object.tmp_url) urls.push(r.output_object.tmp_url);
    }
    return (await fetchPipelineFloor(urls, FLOOR_CONCURRENCY)).ms;
  } finally {
    await server.close();
  }
}

export async function measureBulkRun(): Promise<BulkRunBench> {
  const folder = mkdtempSync(join(tmpdir(), "claid-bench-bulk-"));
  try {
    const file = await writeUrlFile(folder, URLS);
    const mockOptions = { apiKey: KEY, rateLimit: POLICY, taskDurationMs: TASK_MS, maxBodyBytes: 8 * 1024 * 1024 };

    // The full run.
    const server = await createClaidMockServer(mockOptions);
    const run = await child(server, [
      file,
      join(folder, "run.journal"),
      join(folder, "run-out"),
      String(BATCH_SIZE),
      POLICY,
      String(MARGIN_MS),
    ]).done;
    const log = server.store.requests;
    const creates = log.filter((r) => r.operation === "create").length;
    const requests = log.filter((r) => r.operation !== "download").length;
    const filesWritten = run?.totals.files.written ?? 0;
    const rateLimited = log.filter((r) => r.status === 429).length;
    await server.close();
    const batches = URLS / BATCH_SIZE;
    // Ideal API traffic: every create at once, each batch's one poll the moment it is DONE.
    const rateLimitFloor = floorMs(
      [...Array(batches).fill(0), ...Array(batches).fill(TASK_MS)],
      parseRateLimitPolicy(POLICY),
    );
    const downloadFloor = await downloadFloorMs(mockOptions, file);
    // Downloads start once the first batch is DONE and go no faster than the floor loop; the last batch's
    // files can start only after the last poll the rate limit allows.
    const floor = Math.max(TASK_MS + downloadFloor, rateLimitFloor + downloadFloor / batches);

    // Resume after SIGKILL at a random point of a second, identical run.
    const again = await createClaidMockServer(mockOptions);
    const journal = join(folder, "resume.journal");
    const out = join(folder, "resume-out");
    const killedAfterMs = Math.round((0.2 + Math.random() * 0.6) * (run?.elapsedMs ?? 10_000));
    const first = child(again, [file, journal, out, String(BATCH_SIZE), POLICY, String(MARGIN_MS)]);
    await new Promise((resolve) => setTimeout(resolve, killedAfterMs));
    first.process.kill("SIGKILL");
    await first.done;
    const createdBeforeKill = again.store.requestsOf("create").length;
    const filesBeforeKill = countFiles(out);
    const before = again.store.requests.length;
    const rerunStarted = Date.now();
    const rerun = await child(again, [file, journal, out, String(BATCH_SIZE), POLICY, String(MARGIN_MS)]).done;
    const rerunLog = again.store.requests.slice(before);
    const backOnPaceMs = rerunLog[0] ? rerunLog[0].at - rerunStarted : Number.NaN;
    const resume = {
      killedAfterMs,
      createdBeforeKill,
      filesBeforeKill,
      duplicateCreates:
        again.store.tasks.size -
        new Set([...again.store.tasks.values()].map((t) => (t.result.request?.input as string[] | undefined)?.[0]))
          .size,
      unknownAfterRerun: rerun?.totals.batches.unknown ?? Number.NaN,
      rerunRequests: rerunLog.filter((r) => r.operation !== "download").length,
      backOnPaceMs,
      rerunElapsedMs: rerun?.elapsedMs ?? Number.NaN,
      filesAfter: countFiles(out),
    };
    await again.close();

    // Peak RSS by input size, submit only (no waits), without a rate limit.
    const rss = async (count: number) => {
      const quick = await createClaidMockServer({ apiKey: KEY, rateLimit: false, maxBodyBytes: 8 * 1024 * 1024 });
      const input = count === URLS ? file : await writeUrlFile(folder, count);
      const result = await child(quick, [input, join(folder, `rss-${count}.journal`), "-", "1000", ""]).done;
      await quick.close();
      return result?.peakRssBytes ?? Number.NaN;
    };
    const peakRssBytes = { lines10k: await rss(URLS), lines1M: await rss(1_000_000) };

    return {
      policy: POLICY,
      timeScale: TIME_SCALE,
      taskMs: TASK_MS,
      urls: URLS,
      batchSize: BATCH_SIZE,
      elapsedMs: run?.elapsedMs ?? Number.NaN,
      floorMs: floor,
      rateLimitFloorMs: rateLimitFloor,
      downloadFloorMs: downloadFloor,
      ratio: (run?.elapsedMs ?? Number.NaN) / floor,
      requests,
      minimumRequests: 2 * batches,
      creates,
      rateLimited,
      filesWritten,
      fileFailures: { reasons: run?.failureReasons ?? {}, sample: run?.sampleFailure },
      peakRssBytes,
      resume,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The section's lines for bench/results.md. */
export function bulkRunSection(b: BulkRunBench, number = 10): string[] {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  return [
    `## ${number}. 10,000 URLs → files (\`processInBatches\`, batches of ${b.batchSize}, policy "${b.policy}"${b.timeScale === 1 ? ", Claid's" : `: Claid's scaled ${b.timeScale}× in time`}, batches DONE after ${b.taskMs} ms)`,
    "",
    "| measure | value |",
    "| --- | --- |",
    `| total time vs the floor (goal ≤ 1.15×): max(${b.taskMs / 1000} s + D, R + D / ${b.urls / b.batchSize}), R = rate-limit floor of ${b.urls / b.batchSize} creates + one poll per batch once DONE, D = the same ${b.urls.toLocaleString("en")} files by fetch + pipeline, ${FLOOR_CONCURRENCY} at once, measured in this run | ${(b.elapsedMs / 1000).toFixed(1)} s vs ${(b.floorMs / 1000).toFixed(1)} s (R ${(b.rateLimitFloorMs / 1000).toFixed(1)} s, D ${(b.downloadFloorMs / 1000).toFixed(1)} s) = ${b.ratio.toFixed(2)}× |`,
    `| API requests vs minimum (creates + polls) | ${b.requests} vs ${b.minimumRequests} (${b.creates} creates, ${b.rateLimited} × 429) |`,
    `| files written (failed, by reason) | ${b.filesWritten} (${JSON.stringify(b.fileFailures.reasons)}) |`,
    `| peak RSS, 10,000 vs 1,000,000 input lines (submit only, batches of 1,000) | ${mb(b.peakRssBytes.lines10k)} vs ${mb(b.peakRssBytes.lines1M)} |`,
    `| resume after SIGKILL at ${(b.resume.killedAfterMs / 1000).toFixed(1)} s (${b.resume.createdBeforeKill} batches created, ${b.resume.filesBeforeKill} files) | ${b.resume.duplicateCreates} duplicate creates, ${b.resume.unknownAfterRerun} chunk(s) outcome-unknown (killed in its POST; not resent without retryUnknown); rerun: ${b.resume.rerunRequests} API requests, first request after ${b.resume.backOnPaceMs} ms, done in ${(b.resume.rerunElapsedMs / 1000).toFixed(1)} s, ${b.resume.filesAfter} files |`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureBulkRun();
  console.log(JSON.stringify(result, null, 2));
  console.log(bulkRunSection(result).join("\n"));
}
