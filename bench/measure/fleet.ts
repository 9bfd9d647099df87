/**
 * A fleet on one key (issue #21): 1,000 concurrent waits split over 8 real Node processes, against
 * the mock enforcing Claid's policy scaled 10× ("1200;w=60, 40;w=1") as sliding windows, every job
 * DONE a fixed time after its create. With one createRedisPacer() shared on a real redis-server:
 * 429s, total time against the floor (the earliest the minimum number of requests fits the
 * windows) and requests against that minimum (a create and one poll per job). For contrast, each
 * process with its own in-memory pacer. Then the faults: one process SIGKILLed mid-run, Redis
 * restarted mid-run. And the Redis pacer's own cost per request: µs and Redis round trips.
 *
 * Processes are packages/redis/test/fixtures/fleet-worker.mjs (built packages, no loader).
 * Run this section alone: `npx tsx bench/measure/fleet.ts` (after a build; needs redis-server);
 * one scenario: `BENCH_FLEET_SCENARIOS=restart` (shared, memory, kill, restart).
 */
import { createClaidMockServer } from "@claid/msw/node";
import { createRedisPacer } from "@claid/redis";
import { Redis } from "ioredis";
import { spawnWorker, type WorkerSummary } from "../../packages/redis/test/fleet.ts";
import { startRedisServer } from "../../tests/support/redis-server.ts";
import { row } from "./stats.ts";

const API_KEY = "bench-fleet-key-0123456789";
export const FLEET = { processes: 8, waits: 1000, policy: "1200;w=60, 40;w=1", taskMs: 5_000 };
const WINDOWS = [
  { quota: 1200, windowSeconds: 60 },
  { quota: 40, windowSeconds: 1 },
];

export interface FleetRun {
  scenario: string;
  seconds: number;
  requests: number;
  tooMany: number;
  done: number;
  failed: number;
}

export interface FleetBench {
  minimumRequests: number;
  floorSeconds: number;
  runs: FleetRun[];
  perRequest: { microseconds: number; roundTrips: number };
}

/** When the n-th request can go at the earliest under the windows (all sent as early as allowed), seconds. */
function floorSeconds(requests: number): number {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    let at = 0;
    for (const { quota, windowSeconds } of WINDOWS) {
      const nth = times[times.length - quota];
      if (nth !== undefined) at = Math.max(at, nth + windowSeconds);
    }
    times.push(at);
  }
  return times.at(-1) ?? 0;
}

async function run(scenario: string, pacer: "redis" | "memory", fault?: "kill" | "restart"): Promise<FleetRun> {
  const redis = await startRedisServer();
  const mock = await createClaidMockServer({ apiKey: API_KEY, rateLimit: FLEET.policy, taskDurationMs: FLEET.taskMs });
  try {
    const started = Date.now();
    const fleet = Array.from({ length: FLEET.processes }, () =>
      spawnWorker({
        MODE: "jobs",
        PACER: pacer,
        API_KEY,
        BASE_URL: mock.url,
        REDIS_URL: redis.url,
        NAMESPACE: "bench",
        POLICY: FLEET.policy,
        JOBS: FLEET.waits / FLEET.processes,
        // The first check comes when the job is done: the minimum is one create and one poll per job.
        POLL_INTERVAL_MS: FLEET.taskMs,
      }),
    );
    if (fault) {
      await Promise.all(fleet.map((p) => p.started));
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      if (fault === "kill") fleet[0]?.child.kill("SIGKILL");
      else await redis.restart();
    }
    const summaries = await Promise.all(
      fleet.map((p) => p.summary.catch((): WorkerSummary => ({ done: 0, rateLimited: 0, failed: 0, errors: [] }))),
    );
    return {
      scenario,
      seconds: (Date.now() - started) / 1000,
      requests: mock.store.requests.length,
      tooMany: mock.store.requests.filter((r) => r.status === 429).length,
      done: summaries.reduce((n, s) => n + s.done, 0),
      failed: summaries.reduce((n, s) => n + s.failed + s.rateLimited, 0),
    };
  } finally {
    await mock.close();
    await redis.stop();
  }
}

/** The Redis pacer's own cost: acquire + release against a local Redis with room to spare, and Redis commands per request. */
export async function measurePacerCost(): Promise<FleetBench["perRequest"]> {
  const redis = await startRedisServer();
  const client = new Redis(redis.url);
  const pacer = createRedisPacer({ redis: client, namespace: "cost", policy: "1000000;w=60" });
  try {
    (await pacer.acquire({ kind: "poll" }))(new Headers());
    // Round trips are the scripts the pacer runs (EVALSHA, or EVAL after NOSCRIPT); INFO counts them.
    const scripts = async () =>
      [...(await client.info("commandstats")).matchAll(/cmdstat_eval(?:sha)?:calls=(\d+)/g)].reduce(
        (n, [, calls]) => n + Number(calls),
        0,
      );
    const before = await scripts();
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) (await pacer.acquire({ kind: "poll" }))(new Headers());
    const microseconds = ((performance.now() - t0) * 1000) / n;
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { microseconds, roundTrips: ((await scripts()) - before) / n };
  } finally {
    await pacer.close();
    client.disconnect();
    await redis.stop();
  }
}

const SCENARIOS: { name: string; scenario: string; pacer: "redis" | "memory"; fault?: "kill" | "restart" }[] = [
  { name: "shared", scenario: "shared createRedisPacer", pacer: "redis" },
  { name: "memory", scenario: "each process its own in-memory pacer", pacer: "memory" },
  { name: "kill", scenario: "shared, one process SIGKILLed at 10 s", pacer: "redis", fault: "kill" },
  { name: "restart", scenario: "shared, Redis restarted at 10 s", pacer: "redis", fault: "restart" },
];

export async function measureFleet(): Promise<FleetBench> {
  const minimumRequests = 2 * FLEET.waits;
  // BENCH_FLEET_SCENARIOS=restart (names comma-separated) runs only those: to repeat one.
  const chosen = process.env.BENCH_FLEET_SCENARIOS?.split(",").map((name) => name.trim());
  const runs: FleetRun[] = [];
  for (const { name, scenario, pacer, fault } of SCENARIOS) {
    if (!chosen || chosen.includes(name)) runs.push(await run(scenario, pacer, fault));
  }
  return { minimumRequests, floorSeconds: floorSeconds(minimumRequests), runs, perRequest: await measurePacerCost() };
}

export function fleetSection(bench: FleetBench, number = 8): string[] {
  return [
    `## ${number}. A fleet on one key: ${FLEET.waits} waits over ${FLEET.processes} processes, server enforcing "${FLEET.policy}" (Claid's ×10), jobs DONE ${FLEET.taskMs / 1000} s after create`,
    "",
    `Floor: ${bench.minimumRequests} requests (a create and one poll per job) fit the windows in ${bench.floorSeconds.toFixed(1)} s at the earliest.`,
    "",
    "| pacing | jobs DONE | failed | 429s | requests (× minimum) | time s (× floor) |",
    "|---|---:|---:|---:|---:|---:|",
    ...bench.runs.map((r) =>
      row([
        r.scenario,
        r.done,
        r.failed,
        r.tooMany,
        `${r.requests} (${(r.requests / bench.minimumRequests).toFixed(2)})`,
        `${r.seconds.toFixed(1)} (${(r.seconds / bench.floorSeconds).toFixed(2)})`,
      ]),
    ),
    "",
    `Redis pacer's own cost per request (acquire + release, local redis-server, room to spare): ${bench.perRequest.microseconds.toFixed(0)} µs, ${bench.perRequest.roundTrips.toFixed(1)} Redis round trips (scripts: register, decide, release).`,
    "",
  ];
}

if (process.argv[1] === import.meta.filename) {
  console.log(fleetSection(await measureFleet()).join("\n"));
}
