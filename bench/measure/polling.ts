/**
 * Polling efficiency with default options, against the @claid/msw handlers on
 * a fake clock (@sinonjs/fake-timers): minutes of polling run in milliseconds
 * and every time is exact. The rate-limited runs use Claid's policy (120 per
 * minute and 4 per second per key, sliding windows) and compare each run with
 * its floor: the earliest finish an ideal client could reach under those windows.
 */
import { setImmediate as realImmediate } from "node:timers";
import { type BatchResult, createClaid, parseRateLimitPolicy, type RateLimitWindow } from "@claid/core";
import { CLAID_RATE_LIMIT, type ClaidHandlersOptions, ClaidMockStore, createClaidHandlers } from "@claid/msw";
import FakeTimers from "@sinonjs/fake-timers";
import { getResponse } from "msw";

const KEY = "bench-key";
const JOB = { input: "storage://storage_1/input_folder/", operations: { resizing: { width: 1000 } } } as const;

export interface JobPolling {
  durationMs: number;
  gets: number;
  /** Time between the job turning DONE and wait() resolving. */
  detectionLatencyMs: number;
}

/** How a client is set up for a rate-limited run. */
export type ClientSetup = "@claid/core" | "@claid/core, rateLimit: false";

/** One run under Claid's rate limits. */
export interface LimitedRun {
  run: string;
  client: ClientSetup;
  /** Operations started together (waits, creates or create → wait). */
  operations: number;
  /** Operations that succeeded: DONE detected, or the batch created. */
  succeeded: number;
  /** 429 answers. */
  rateLimited: number;
  requests: number;
  /** Requests an ideal client needs: one POST per job, and one GET per job once it is DONE. */
  minimumRequests: number;
  /** From the start until every operation settled. */
  elapsedMs: number;
  /** The earliest an ideal client could finish under the policy's windows. */
  floorMs: number;
  /** Per operation, ms: DONE → wait() resolved for waits, start → resolved otherwise (failures excluded). */
  latencyP50Ms: number;
  latencyP95Ms: number;
}

export interface Polling {
  jobs: JobPolling[];
  limited: LimitedRun[];
}

type Clock = ReturnType<typeof FakeTimers.install>;

/** Runs `promise` to completion, firing fake timers one by one; real turns let non-timer work finish. */
async function settle<T>(clock: Clock, promise: Promise<T>): Promise<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  promise.then(
    (value) => {
      outcome = { value };
    },
    (error: unknown) => {
      outcome = { error };
    },
  );
  for (;;) {
    for (let i = 0; i < 3 && !outcome; i++) await new Promise((resolve) => realImmediate(resolve));
    if (outcome) break;
    if (clock.countTimers() === 0) throw new Error("pending with no timer left");
    await clock.nextAsync();
  }
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}

type Fetch = (request: Request) => Promise<Response>;

/** A fetch answered by a set of handlers of their own (they hold the rate-limit state). */
function through(options: ClaidHandlersOptions): Fetch {
  const handlers = createClaidHandlers(options);
  return async (request) => (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
}

/**
 * The mock with Claid's limits, a client of it set up as `client`, and an unlimited client
 * of the same store for preparing jobs without spending the measured key's budget.
 */
function world(client: ClientSetup, options: Omit<ClaidHandlersOptions, "store" | "rateLimit"> = {}) {
  const store = new ClaidMockStore();
  const base = { apiKey: KEY, now: () => Date.now(), ...options, store };
  const limited = through({ ...base, rateLimit: CLAID_RATE_LIMIT });
  // Unpaced as well as unlimited: preparing jobs must take no time on the clock.
  const setup = createClaid({ apiKey: KEY, fetch: through({ ...base, rateLimit: false }), rateLimit: false });
  const claid = createClaid({
    apiKey: KEY,
    fetch: limited,
    ...(client === "@claid/core, rateLimit: false" ? { rateLimit: false as const } : {}),
  });
  return { store, claid, setup };
}

/** The earliest time each request could go, in release order, under sliding windows; the last one. */
export function floorMs(releases: number[], windows: RateLimitWindow[]): number {
  const sent: number[] = [];
  for (const release of [...releases].sort((a, b) => a - b)) {
    let at = release;
    for (const { quota, windowSeconds } of windows) {
      const oldest = sent[sent.length - quota];
      if (oldest !== undefined) at = Math.max(at, oldest + windowSeconds * 1000);
    }
    sent.push(at);
  }
  return Math.max(0, ...sent);
}

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

/** Starts `operations` together; each returns the ms to count as its latency, or throws. */
async function measureRun(
  clock: Clock,
  store: ClaidMockStore,
  operations: (() => Promise<number>)[],
): Promise<Pick<LimitedRun, "succeeded" | "rateLimited" | "requests" | "elapsedMs" | "latencyP50Ms" | "latencyP95Ms">> {
  const before = store.requests.length;
  const started = Date.now();
  const outcomes = await settle(clock, Promise.allSettled(operations.map((operation) => operation())));
  const latencies = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  const requests = store.requests.slice(before);
  return {
    succeeded: latencies.length,
    rateLimited: requests.filter((r) => r.status === 429).length,
    requests: requests.length,
    elapsedMs: Date.now() - started,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
  };
}

/** 1,000 concurrent wait()s on jobs (created beforehand, on another budget) that finish after 60 s. */
async function thousandWaits(clock: Clock, client: ClientSetup): Promise<LimitedRun> {
  const jobs = 1000;
  const durationMs = 60_000;
  const { store, claid, setup } = world(client);
  for (let i = 0; i < jobs; i++) store.planTask(["DONE"], { afterMs: durationMs });
  const tasks = await settle(clock, Promise.all(Array.from({ length: jobs }, () => setup.batches.create(JOB))));
  const doneAt = Date.now() + durationMs;
  const run = await measureRun(
    clock,
    store,
    tasks.map((task) => async () => {
      await claid.batches.wait(task);
      return Date.now() - doneAt;
    }),
  );
  return {
    run: "1,000 concurrent waits, jobs of 60 s",
    client,
    operations: jobs,
    minimumRequests: jobs,
    floorMs: floorMs(Array(jobs).fill(durationMs), parseRateLimitPolicy(CLAID_RATE_LIMIT)),
    ...run,
  };
}

/** 200 create()s at once. */
async function twoHundredCreates(clock: Clock, client: ClientSetup): Promise<LimitedRun> {
  const creates = 200;
  const { store, claid } = world(client);
  const started = Date.now();
  const run = await measureRun(
    clock,
    store,
    Array.from({ length: creates }, () => async () => {
      await claid.batches.create(JOB);
      return Date.now() - started;
    }),
  );
  return {
    run: "200 creates at once",
    client,
    operations: creates,
    minimumRequests: creates,
    floorMs: floorMs(Array(creates).fill(0), parseRateLimitPolicy(CLAID_RATE_LIMIT)),
    ...run,
  };
}

/** 12 jobs × create → wait, each DONE at its second poll. */
async function twelveJobs(clock: Clock, client: ClientSetup): Promise<LimitedRun> {
  const jobs = 12;
  const { store, claid } = world(client, { pollsToComplete: 2 });
  const started = Date.now();
  const run = await measureRun(
    clock,
    store,
    Array.from({ length: jobs }, () => async () => {
      await claid.batches.createAndWait(JOB);
      return Date.now() - started;
    }),
  );
  // Each job: its POST, then the two GETs that make it DONE.
  const minimumRequests = jobs * 3;
  return {
    run: "12 jobs × create → wait, DONE at the 2nd poll",
    client,
    operations: jobs,
    minimumRequests,
    floorMs: floorMs(Array(minimumRequests).fill(0), parseRateLimitPolicy(CLAID_RATE_LIMIT)),
    ...run,
  };
}

export async function measurePolling(): Promise<Polling> {
  const clock = FakeTimers.install({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.UTC(2026, 10, 27, 9) });
  try {
    const jobs: JobPolling[] = [];
    for (const durationMs of [5_000, 60_000, 600_000]) {
      const { store, claid } = world("@claid/core");
      store.planTask(["DONE"], { afterMs: durationMs });
      const result: BatchResult = await settle(clock, claid.batches.createAndWait(JOB));
      if (result.status !== "DONE") throw new Error(`job ended ${result.status}`);
      const createdAt = store.requestsOf("create")[0]?.at ?? 0;
      jobs.push({
        durationMs,
        gets: store.requestsOf("retrieve").length,
        detectionLatencyMs: Date.now() - (createdAt + durationMs),
      });
    }
    const limited: LimitedRun[] = [];
    for (const run of [thousandWaits, twoHundredCreates, twelveJobs]) {
      for (const client of ["@claid/core", "@claid/core, rateLimit: false"] as const) {
        limited.push(await run(clock, client));
      }
    }
    return { jobs, limited };
  } finally {
    clock.uninstall();
  }
}
