/**
 * The shared-budget recipe in workerd (miniflare): four Worker isolates, fifty jobs each,
 * all paced through one ClaidBudget Durable Object against a rate-limited mock.
 */
import { join } from "node:path";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { Miniflare } from "miniflare";
import { afterEach, describe, expect, it } from "vitest";
import { bundle } from "../../../tests/support/bundle.ts";
import { API_KEY } from "../../../tests/support/mock-server.ts";

/** What the mock enforces: Claid's two-window shape (a long window and a 1 s burst window), scaled so that 400 requests take seconds. */
const SERVER_POLICY = [
  { quota: 150, windowSeconds: 5 },
  { quota: 40, windowSeconds: 1 },
];
/**
 * What the budget paces to: each quota lowered by the in-flight cap. A request granted but not yet
 * arrived is in flight, so however late requests arrive, no window of arrivals can hold more than
 * its paced quota plus the cap.
 */
const MAX_IN_FLIGHT = 8;
const PACED_POLICY = SERVER_POLICY.map((w) => `${w.quota - MAX_IN_FLIGHT};w=${w.windowSeconds}`).join(", ");
const ISOLATES = 4;
const JOBS_PER_ISOLATE = 50;

let mock: ClaidMockServer | undefined;
let mf: Miniflare | undefined;
afterEach(async () => {
  await mf?.dispose();
  await mock?.close();
});

/** One Worker isolate hosting the budget, pacing to `policy`, against `server`. */
async function oneIsolate(server: ClaidMockServer, policy: string): Promise<Miniflare> {
  return new Miniflare({
    modules: true,
    script: await bundle(join(import.meta.dirname, "../src/worker.ts")),
    compatibilityDate: "2026-04-01",
    bindings: {
      CLAID_API_KEY: API_KEY,
      CLAID_BASE_URL: server.url,
      CLAID_RATE_LIMIT: policy,
      POLL_INTERVAL_MS: "100",
    },
    durableObjects: { BUDGET: { className: "ClaidBudget", useSQLite: true } },
  });
}

/** The most requests the mock received in any `windowSeconds`-long interval. */
function busiestWindow(times: number[], windowSeconds: number): number {
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= windowSeconds * 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe("Durable Object rate-limit budget", () => {
  it(`${ISOLATES} isolates × ${JOBS_PER_ISOLATE} jobs: every job DONE, no 429, no window over its quota`, async () => {
    mock = await createClaidMockServer({
      apiKey: API_KEY,
      pollsToComplete: 1,
      rateLimit: SERVER_POLICY,
    });
    const script = await bundle(join(import.meta.dirname, "../src/worker.ts"));
    const names = Array.from({ length: ISOLATES }, (_, i) => `isolate-${i + 1}`);
    mf = new Miniflare({
      workers: names.map((name, i) => ({
        name,
        modules: true,
        script,
        compatibilityDate: "2026-04-01",
        bindings: {
          CLAID_API_KEY: API_KEY,
          CLAID_BASE_URL: mock?.url ?? "",
          CLAID_RATE_LIMIT: PACED_POLICY,
          CLAID_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
          POLL_INTERVAL_MS: "200",
        },
        // The first isolate hosts the one ClaidBudget; the others reach the same object.
        durableObjects: {
          BUDGET:
            i === 0
              ? { className: "ClaidBudget", useSQLite: true }
              : { className: "ClaidBudget", scriptName: names[0] },
        },
      })),
    });
    const isolates = await Promise.all(names.map((name) => mf?.getWorker(name)));

    const started = Date.now();
    const jobs = isolates.flatMap((worker, w) =>
      Array.from({ length: JOBS_PER_ISOLATE }, async (_, j) => {
        const response = await worker?.fetch("http://worker.test/jobs", {
          method: "POST",
          body: JSON.stringify([`https://img.example/${w}-${j}.png`]),
        });
        return (await response?.json()) as { id: number; status: string };
      }),
    );
    const results = await Promise.all(jobs);
    const seconds = (Date.now() - started) / 1000;

    const requests = mock.store.requests;
    const times = requests.map((r) => r.at).sort((a, b) => a - b);
    const tooMany = requests.filter((r) => r.status === 429).length;
    const busiest = SERVER_POLICY.map((w) => busiestWindow(times, w.windowSeconds));
    console.log(
      `cloudflare-pacer: ${ISOLATES} isolates × ${JOBS_PER_ISOLATE} jobs, ${requests.length} requests in ${seconds.toFixed(1)} s, ${tooMany} × 429; busiest windows ${SERVER_POLICY.map((w, i) => `${busiest[i]}/${w.quota} per ${w.windowSeconds} s`).join(", ")}`,
    );
    expect(results.map((r) => r.status)).toEqual(Array(ISOLATES * JOBS_PER_ISOLATE).fill("DONE"));
    expect(new Set(results.map((r) => r.id)).size).toBe(ISOLATES * JOBS_PER_ISOLATE);
    expect(mock.store.requestsOf("create")).toHaveLength(ISOLATES * JOBS_PER_ISOLATE);
    expect(tooMany).toBe(0);
    expect(busiest).toEqual(SERVER_POLICY.map((w, i) => Math.min(busiest[i] ?? Infinity, w.quota)));
  }, 60_000);

  it("a job whose slots cannot come before its maxWaitMs is refused at once, nothing sent (503, Retry-After)", async () => {
    mock = await createClaidMockServer({ apiKey: API_KEY, pollsToComplete: 1 });
    mf = await oneIsolate(mock, "2;w=60");
    const job = (url: string) =>
      mf?.dispatchFetch("http://worker.test/jobs?maxWaitMs=5000", { method: "POST", body: JSON.stringify([url]) });
    const first = await job("https://img.example/a.png");
    expect(await first?.json()).toMatchObject({ status: "DONE" }); // one POST and one GET: the budget's 2 a minute

    const refused = await job("https://img.example/b.png");
    expect(refused?.status).toBe(503);
    expect(Number(refused?.headers.get("Retry-After"))).toBeGreaterThan(50);
    expect(await refused?.json()).toEqual({
      error: expect.stringMatching(/^A rate-limit slot was \d+ ms away, past the deadline: nothing was sent\.$/),
    });
    expect(mock.store.requests).toHaveLength(2);
  }, 60_000);

  it("concurrent jobs past their maxWaitMs: each created batch's id comes back (202), a 503 only when nothing was created", async () => {
    mock = await createClaidMockServer({ apiKey: API_KEY, pollsToComplete: 1, rateLimit: false });
    // Room for 3 requests a minute: 3 creates go first, and no poll can follow within maxWaitMs.
    mf = await oneIsolate(mock, "3;w=60");
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const response = await mf?.dispatchFetch("http://worker.test/jobs?maxWaitMs=3000", {
          method: "POST",
          body: JSON.stringify([`https://img.example/${i}.png`]),
        });
        return { status: response?.status, body: (await response?.json()) as { id?: number; error: string } };
      }),
    );
    const created = answers.filter((a) => a.status === 202);
    const refused = answers.filter((a) => a.status === 503);
    expect(created.length + refused.length).toBe(8);
    expect(created).toHaveLength(3);
    // Every batch the mock created was answered with its id, and every 503 created nothing.
    expect(created.map((a) => a.body.id).sort()).toEqual([...mock.store.tasks.keys()].sort());
    expect(mock.store.requestsOf("create")).toHaveLength(created.length);
    for (const { body } of created) expect(body.error).toMatch(new RegExp(`batch ${body.id}\\b`));
    for (const { body } of refused) expect(body.error).toMatch(/nothing was sent/);
  }, 60_000);
});
