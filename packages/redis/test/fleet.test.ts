/**
 * A fleet of real Node processes on one key, each with its own createRedisPacer() on one real
 * redis-server, against the mock enforcing sliding windows: no 429, fair shares, and the faults —
 * a process SIGKILLed mid-run, Redis restarted mid-run (every key lost).
 */
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { busiestWindow } from "@claid/pacer-conformance";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_KEY } from "../../../tests/support/mock-server.ts";
import { type RedisServer, startRedisServer } from "../../../tests/support/redis-server.ts";
import { type FleetProcess, spawnWorker } from "./fleet.ts";

let redis: RedisServer;
let mock: ClaidMockServer;
let fleet: FleetProcess[] = [];
beforeEach(async () => {
  redis = await startRedisServer();
});
afterEach(async () => {
  for (const { child } of fleet) if (child.exitCode === null) child.kill("SIGKILL");
  fleet = [];
  await mock?.close();
  await redis.stop();
});

/** Claid's two-window shape, time-scaled so that a minute of full load takes seconds. */
const POLICY = [
  { quota: 50, windowSeconds: 5 },
  { quota: 12, windowSeconds: 1 },
];
const POLICY_TEXT = POLICY.map((w) => `${w.quota};w=${w.windowSeconds}`).join(", ");

function busiest() {
  const times = mock.store.requests.map((r) => r.at).sort((a, b) => a - b);
  return POLICY.map((w) => busiestWindow(times, w.windowSeconds));
}
const tooMany = () => mock.store.requests.filter((r) => r.status === 429).length;

describe("a fleet of processes sharing one Redis pacer", () => {
  it("8 busy processes (two with clocks 45 s off): no 429, no window over its quota, each gets its share ±20 %", async () => {
    mock = await createClaidMockServer({ apiKey: API_KEY, rateLimit: POLICY, pollsToComplete: 1_000_000 });
    const { id } = await fetch(`${mock.url}/v1/image/edit/batch`, {
      method: "POST",
      headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ input: "https://img.example/a.png", operations: {} }),
    }).then(async (r) => ((await r.json()) as { data: { id: number } }).data);
    fleet = Array.from({ length: 8 }, (_, i) =>
      spawnWorker({
        MODE: "polls",
        PACER: "redis",
        API_KEY,
        BASE_URL: mock.url,
        REDIS_URL: redis.url,
        NAMESPACE: "fairness",
        POLICY: POLICY_TEXT,
        TASK_ID: id,
        CONCURRENCY: 8,
        CLOCK_SKEW_MS: i === 0 ? 45_000 : i === 1 ? -45_000 : 0,
      }),
    );
    await Promise.all(fleet.map((p) => p.started));
    const endAt = Date.now() + 15_000;
    for (const p of fleet) p.go(endAt);
    const summaries = await Promise.all(fleet.map((p) => p.summary));
    console.log(JSON.stringify(summaries));
    const shares = summaries.map((s) => s.done);
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    console.log(
      `fairness: shares ${shares.join(", ")} (mean ${mean.toFixed(1)}); busiest windows ${busiest().join(", ")}`,
    );
    expect(tooMany()).toBe(0);
    expect(summaries.map((s) => s.failed + s.rateLimited)).toEqual(Array(8).fill(0));
    expect(busiest()).toEqual(POLICY.map((w, i) => Math.min(busiest()[i] ?? Infinity, w.quota)));
    expect(mean).toBeGreaterThan(10);
    for (const share of shares) {
      expect(share).toBeGreaterThanOrEqual(mean * 0.8);
      expect(share).toBeLessThanOrEqual(mean * 1.2);
    }
  }, 180_000);

  it.each([
    ["one process SIGKILLed mid-run", "kill"],
    ["Redis restarted mid-run (every key lost)", "restart"],
  ] as const)(
    "%s: the others finish every job, no 429",
    async (_, fault) => {
      mock = await createClaidMockServer({ apiKey: API_KEY, rateLimit: POLICY, pollsToComplete: 2 });
      fleet = Array.from({ length: 3 }, () =>
        spawnWorker({
          MODE: "jobs",
          PACER: "redis",
          API_KEY,
          BASE_URL: mock.url,
          REDIS_URL: redis.url,
          NAMESPACE: "faults",
          POLICY: POLICY_TEXT,
          JOBS: 12,
          POLL_INTERVAL_MS: 200,
        }),
      );
      await Promise.all(fleet.map((p) => p.started));
      // Mid-run: the fleet has requests queued and in flight.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(mock.store.requests.length).toBeGreaterThan(0);
      if (fault === "kill") fleet[0]?.child.kill("SIGKILL");
      else await redis.restart();
      const survivors = fault === "kill" ? fleet.slice(1) : fleet;
      const summaries = await Promise.all(survivors.map((p) => p.summary));
      console.log(`${fault}: ${mock.store.requests.length} requests; busiest windows ${busiest().join(", ")}`);
      expect(summaries.map((s) => s.done)).toEqual(survivors.map(() => 12));
      expect(tooMany()).toBe(0);
      if (fault === "kill") await expect(fleet[0]?.summary).rejects.toThrow(/SIGKILL/);
    },
    60_000,
  );
});
