import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { CLAID_RATE_LIMIT } from "@claid/node";
import { type Job, Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterEach, beforeEach, expect, it } from "vitest";
import { API_KEY } from "../../../tests/support/mock-server.ts";
import { waitFor } from "../../../tests/support/wait-for.ts";
import type { ChunkJobData, ChunkJobResult } from "../src/chunks.ts";
import { enqueueChunks } from "../src/producer.ts";
import { QUEUE_NAME } from "../src/settings.ts";
import { type FleetWorker, filesIn, startWorker } from "./fleet-harness.ts";
import { type RedisServer, startRedisServer } from "./redis-server.ts";

const CHUNK = {
  chunkSize: 50,
  operations: { resizing: { width: 16, height: 16 } },
  output: { format: "png" as const },
};

let redis: RedisServer;
let connection: Redis;
let queue: Queue<ChunkJobData, ChunkJobResult>;
let mock: ClaidMockServer;
let outDir: string;
const workers: FleetWorker[] = [];

beforeEach(async () => {
  redis = await startRedisServer();
  connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  queue = new Queue(QUEUE_NAME, { connection });
  outDir = mkdtempSync(join(tmpdir(), "claid-fleet-"));
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill("SIGKILL")));
  await queue.close();
  connection.disconnect();
  await mock?.close();
  await redis.stop();
  rmSync(outDir, { recursive: true, force: true });
});

const fleetEnv = (workerCount: number, lockMs: number) => ({
  REDIS_URL: redis.url,
  CLAID_API_KEY: API_KEY,
  CLAID_BASE_URL: mock.url,
  FLEET_OUT_DIR: outDir,
  FLEET_LOCK_MS: String(lockMs),
  FLEET_POLL_INTERVAL_MS: "2000",
  FLEET_WORKERS: String(workerCount),
});

/** Every request the API part of the mock answered (file downloads are not rate-limited). */
const apiRequests = () => [...mock.store.requestsOf("create"), ...mock.store.requestsOf("retrieve")];

async function noneFailed() {
  const [failed] = await queue.getFailed(0, 0);
  if (failed) throw new Error(`job ${failed.id} failed: ${failed.failedReason}`);
}

/** Resolves once every job completed; throws as soon as one fails, with its reason. */
async function allCompleted(count: number, timeoutMs: number): Promise<Job<ChunkJobData, ChunkJobResult>[]> {
  return waitFor(async () => {
    await noneFailed();
    const completed = await queue.getCompleted(0, count);
    return completed.length === count ? completed : undefined;
  }, timeoutMs);
}

it("3 workers turn 2,000 URLs in chunks of 50 into files; a SIGKILLed worker's jobs resume elsewhere, nothing created twice, no 429", async () => {
  mock = await createClaidMockServer({ apiKey: API_KEY, rateLimit: CLAID_RATE_LIMIT, taskDurationMs: 1500 });
  const urls = Array.from({ length: 2000 }, (_, i) => `https://img.example/p${String(i).padStart(4, "0")}.png`);
  await enqueueChunks(queue, urls, CHUNK);
  // The same list again: the ids derive from the chunks, so nothing is added.
  await enqueueChunks(queue, urls, CHUNK);
  expect(await queue.getJobCountByTypes("waiting", "delayed", "active", "completed")).toBe(40);

  workers.push(...Array.from({ length: 3 }, () => startWorker(fleetEnv(3, 3000))));
  const [victim] = workers as [FleetWorker];

  // Kill once every chunk is created (a kill during a POST is the next test's case) and the victim is
  // inside a download made slow on purpose, so that its job is surely unfinished.
  await waitFor(async () => {
    await noneFailed();
    const creates = mock.store.requestsOf("create");
    return creates.length === 40 && creates.every((r) => r.status === 200) ? true : undefined;
  }, 120_000);
  mock.store.injectFault({ type: "latency", ms: 3000 }, { operation: "download", times: 40 });
  const downloading = await victim.lineMatching(/downloading batch/);
  await victim.kill("SIGKILL");
  const killedJobId = /^job (\S+):/.exec(downloading)?.[1] as string;
  expect(victim.lines.filter((line) => line.startsWith(`job ${killedJobId}: done`))).toEqual([]);

  const completed = await allCompleted(40, 150_000);

  const files = filesIn(outDir);
  expect(files).toHaveLength(2000);
  expect(new Set(files)).toEqual(new Set(urls.map((url) => url.replace(/^.*\/(p\d+)\.png$/, "$1.png"))));
  // One create per chunk, each batch a different one; nothing refused for the rate limit.
  expect(mock.store.requestsOf("create")).toHaveLength(40);
  expect(new Set(completed.map((job) => job.returnvalue.taskId)).size).toBe(40);
  expect(apiRequests().filter((r) => r.status === 429)).toEqual([]);
  // The job the victim was downloading was finished by another worker, in the same folder.
  const resumed = completed.find((job) => job.id === killedJobId) as Job<ChunkJobData, ChunkJobResult>;
  expect(resumed.returnvalue.workerPid).not.toBe(victim.pid);
  expect(resumed.returnvalue.dir).toBe(join(outDir, killedJobId));
});

it("a worker killed while its create is in flight leaves the job failed as 'outcome unknown', never created again", async () => {
  mock = await createClaidMockServer({ apiKey: API_KEY, rateLimit: CLAID_RATE_LIMIT, taskDurationMs: 500 });
  // The create's answer is held back: the worker dies with the POST sent and no id.
  mock.store.injectFault({ type: "latency", ms: 60_000 }, { operation: "create", times: 1 });
  const [job] = await enqueueChunks(queue, ["https://img.example/a.png", "https://img.example/b.png"], CHUNK);
  const first = startWorker(fleetEnv(1, 1000));
  workers.push(first);
  await waitFor(async () => (mock.store.requestsOf("create").length === 1 ? true : undefined));
  await first.kill("SIGKILL");
  workers.push(startWorker(fleetEnv(1, 1000)));

  const failed = await waitFor(async () => (await queue.getFailed(0, 0))[0], 30_000);
  expect(failed.id).toBe(job?.id);
  expect(failed.failedReason).toMatch(
    /its create was sent at .* no task id came back, so the batch may exist and was not sent again/,
  );
  expect(failed.data.createStartedAt).toEqual(expect.any(String));
  expect(failed.data.taskId).toBeUndefined();
  expect(mock.store.requestsOf("create")).toHaveLength(1);
});
