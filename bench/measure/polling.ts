/**
 * Polling efficiency with default options, against the @claid/msw handlers on
 * a fake clock (@sinonjs/fake-timers): minutes of polling run in milliseconds
 * and every time is exact. The handlers answer through msw's getResponse(),
 * wrapped in a fetch that counts in-flight requests and what the client had
 * been told about the rate-limit window when it sent each one.
 */
import { setImmediate as realImmediate } from "node:timers";
import { type BatchResult, createClaid } from "@claid/core";
import { type ClaidHandlersOptions, ClaidMockStore, createClaidHandlers } from "@claid/msw";
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

export interface TrafficRun {
  jobs: number;
  /** `wait()`s that resolved DONE. */
  done: number;
  requests: number;
  gets: number;
  peakInFlight: number;
  /** Requests sent after a response said `RateLimit-Remaining: 0`, before that window's reset. */
  sentWhileKnownLimited: number;
  /** 429 answers (a burst sent before any answer can still meet some). */
  rateLimited: number;
  elapsedMs: number;
}

export interface Polling {
  jobs: JobPolling[];
  rateLimited: TrafficRun;
  thousandWaits: TrafficRun;
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

function world(options: Omit<ClaidHandlersOptions, "store">) {
  const store = new ClaidMockStore();
  const handlers = createClaidHandlers({ apiKey: KEY, ...options, store });
  const traffic = { inFlight: 0, peakInFlight: 0, sentWhileKnownLimited: 0 };
  let knownLimitedUntil = 0;
  const fetch = async (request: Request): Promise<Response> => {
    if (Date.now() < knownLimitedUntil) traffic.sentWhileKnownLimited++;
    traffic.peakInFlight = Math.max(traffic.peakInFlight, ++traffic.inFlight);
    try {
      const response = (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
      if (response.headers.get("ratelimit-remaining") === "0") {
        const reset = Date.now() + Number(response.headers.get("ratelimit-reset")) * 1000;
        knownLimitedUntil = Math.max(knownLimitedUntil, reset);
      }
      return response;
    } finally {
      traffic.inFlight--;
    }
  };
  return { store, traffic, claid: createClaid({ apiKey: KEY, fetch }) };
}

async function trafficRun(
  clock: Clock,
  jobs: number,
  durationMs: number,
  rateLimit: { limit: number; windowSeconds: number },
): Promise<TrafficRun> {
  const { store, traffic, claid } = world({ rateLimit, now: () => Date.now() });
  for (let i = 0; i < jobs; i++) store.planTask(["DONE"], { afterMs: durationMs });
  const started = Date.now();
  const outcomes = await settle(
    clock,
    Promise.allSettled(Array.from({ length: jobs }, () => claid.batches.createAndWait(JOB))),
  );
  return {
    jobs,
    done: outcomes.filter((o) => o.status === "fulfilled").length,
    requests: store.requests.length,
    gets: store.requestsOf("retrieve").length,
    peakInFlight: traffic.peakInFlight,
    sentWhileKnownLimited: traffic.sentWhileKnownLimited,
    rateLimited: store.requests.filter((r) => r.status === 429).length,
    elapsedMs: Date.now() - started,
  };
}

export async function measurePolling(): Promise<Polling> {
  const clock = FakeTimers.install({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.UTC(2026, 10, 27, 9) });
  try {
    const jobs: JobPolling[] = [];
    for (const durationMs of [5_000, 60_000, 600_000]) {
      const { store, claid } = world({ now: () => Date.now() });
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
    return {
      jobs,
      rateLimited: await trafficRun(clock, 10, 60_000, { limit: 5, windowSeconds: 10 }),
      thousandWaits: await trafficRun(clock, 1000, 60_000, { limit: 1_000_000, windowSeconds: 60 }),
    };
  } finally {
    clock.uninstall();
  }
}
