import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { type ClaidOptions, createRequestPacer, type RequestPacer } from "@claid/node";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterEach, beforeEach, expect, it } from "vitest";
import { API_KEY } from "../../../tests/support/mock-server.ts";
import { type RedisServer, startRedisServer } from "../../../tests/support/redis-server.ts";
import { waitFor } from "../../../tests/support/wait-for.ts";
import type { ChunkJobData, ChunkJobResult } from "../src/chunks.ts";
import { createChunkProcessor } from "../src/processor.ts";
import { enqueueChunks } from "../src/producer.ts";

// One worker in this process: the steps of a job, against the mock, with fast schedules.
let redis: RedisServer;
let connection: Redis;
let queue: Queue<ChunkJobData, ChunkJobResult>;
let worker: Worker<ChunkJobData, ChunkJobResult>;
let workerConnection: Redis;
let mock: ClaidMockServer;
let outDir: string;
const lines: string[] = [];

beforeEach(async () => {
  redis = await startRedisServer();
  connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  queue = new Queue("processor-test", { connection });
  mock = await createClaidMockServer({ apiKey: API_KEY, taskDurationMs: 300 });
  outDir = mkdtempSync(join(tmpdir(), "claid-fleet-processor-"));
  lines.length = 0;
  startWorker({ maxRetries: 0 });
});
afterEach(async () => {
  await worker.close();
  workerConnection.disconnect();
  await queue.close();
  connection.disconnect();
  await mock.close();
  await redis.stop();
  rmSync(outDir, { recursive: true, force: true });
});

/** The worker of this test, its client made with `claid` options. */
function startWorker(claid: ClaidOptions, pacer: RequestPacer = createRequestPacer()) {
  const processor = createChunkProcessor({
    claid: { apiKey: API_KEY, baseUrl: mock.url, ...claid },
    pacer,
    outDir,
    poll: { pollIntervalMs: 100, maxPollIntervalMs: 200 },
    log: (line) => lines.push(line),
  });
  workerConnection = connection.duplicate();
  worker = new Worker("processor-test", processor, { connection: workerConnection });
}

const chunk = (urls: string[]) =>
  enqueueChunks(queue, urls, { chunkSize: 50, operations: { resizing: { width: 8, height: 8 } } });

it.each([
  ["a 503", { type: "status", status: 503 }],
  ["a lost connection", { type: "network-error" }],
] as const)("checks that fail with %s are waited out without spending the job's attempts", async (_, fault) => {
  mock.store.injectFault(fault, { operation: "retrieve", times: 2 });
  const [job] = await chunk(["https://img.example/a.png"]);
  const done = await waitFor(async () => ((await job?.isCompleted()) ? queue.getJob(job?.id as string) : undefined));
  // BullMQ counts the completing run as an attempt: 1 means none failed.
  expect(done?.attemptsMade).toBe(1);
  expect(done?.stacktrace).toEqual([]);
  expect(done?.returnvalue.written).toBe(1);
  expect(lines.filter((line) => line.includes("check of batch"))).toHaveLength(2);
  expect(mock.store.requestsOf("create")).toHaveLength(1);
});

it.each([
  ["a 422 (the body refused)", { type: "status", status: 422 }],
  ["a 401", { type: "status", status: 401 }],
] as const)("a create answered with %s clears the marker, so the job's retry creates it", async (_, fault) => {
  mock.store.injectFault(fault, { operation: "create", times: 1 });
  const [job] = await chunk(["https://img.example/a.png"]);
  const done = await waitFor(
    async () => ((await job?.isCompleted()) ? queue.getJob(job?.id as string) : undefined),
    15_000,
  );
  // One failed attempt, then the one that completed.
  expect(done?.attemptsMade).toBe(2);
  expect(mock.store.requestsOf("create").map((r) => r.status)).toEqual([fault.status, 200]);
  expect(readdirSync(join(outDir, job?.id as string)).filter((name) => !name.startsWith("."))).toEqual(["a.jpeg"]);
});

it("a create that times out is an unknown outcome: the job fails at once, the batch is not sent again", async () => {
  mock.store.injectFault({ type: "latency", ms: 5000 }, { operation: "create", times: 1 });
  await worker.close();
  workerConnection.disconnect();
  startWorker({ timeoutMs: 300 });
  const [job] = await chunk(["https://img.example/a.png"]);
  const failed = await waitFor(async () => ((await job?.isFailed()) ? queue.getJob(job?.id as string) : undefined));
  expect(failed?.failedReason).toMatch(/no task id came back/);
  expect(failed?.attemptsMade).toBe(1);
  expect(failed?.data.createStartedAt).toEqual(expect.any(String));
  expect(mock.store.requestsOf("create")).toHaveLength(1);
});

it.each([
  ["its pacer failed", "fail"],
  ["the job was cancelled while it waited for a slot", "cancel"],
] as const)("a create that never left (%s) is retried, not taken for an unknown outcome", async (_, how) => {
  const inner = createRequestPacer();
  let first = true;
  const pacer: RequestPacer = {
    acquire(request) {
      if (!first) return inner.acquire(request);
      first = false;
      if (how === "fail") return Promise.reject(new Error("pacer backend unreachable"));
      // No slot until the job is cancelled: the wait rejects with the signal's reason.
      return new Promise((_, reject) =>
        request.signal?.addEventListener("abort", () => reject(request.signal?.reason)),
      );
    },
    delayMs: () => inner.delayMs(),
  };
  await worker.close();
  workerConnection.disconnect();
  startWorker({ maxRetries: 0 }, pacer);
  const [job] = await chunk(["https://img.example/a.png"]);
  const id = job?.id as string;
  if (how === "cancel") await waitFor(async () => (first ? undefined : worker.cancelJob(id, "shutting down")));
  const done = await waitFor(async () => {
    if (await job?.isFailed()) throw new Error(`failed: ${(await queue.getJob(id))?.failedReason}`);
    return (await job?.isCompleted()) ? queue.getJob(id) : undefined;
  }, 15_000);
  expect(done?.attemptsMade).toBe(2);
  expect(mock.store.requestsOf("create")).toHaveLength(1);
});
