/**
 * A worker process: `REDIS_URL=redis://… CLAID_API_KEY=… npm run worker`. Start as many as you
 * like, on as many machines: they share the queue and one rate-limit budget in Redis.
 */
import { createRedisPacer } from "@claid/redis";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import type { ChunkJobData, ChunkJobResult } from "./chunks.ts";
import { createChunkProcessor } from "./processor.ts";
import { QUEUE_NAME, readSettings } from "./settings.ts";

const settings = readSettings(process.env);
// BullMQ's blocking commands need a connection that never gives up on a request.
const connection = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
// One budget for the whole fleet, on the same Redis: every worker's requests count against it.
const pacer = createRedisPacer({
  redis: settings.redisUrl,
  policy: settings.rateLimit,
  baseUrl: process.env.CLAID_BASE_URL,
});

const worker = new Worker<ChunkJobData, ChunkJobResult>(
  QUEUE_NAME,
  createChunkProcessor({
    pacer,
    outDir: settings.outDir,
    poll: settings.pollIntervalMs === undefined ? undefined : { pollIntervalMs: settings.pollIntervalMs },
    log: (line) => console.log(line),
  }),
  {
    connection,
    concurrency: settings.concurrency,
    // A killed worker's job goes back to the queue once its lock expires.
    lockDuration: settings.lockMs,
    stalledInterval: settings.lockMs,
    // Every step may run again safely (the create is guarded by the job's data).
    maxStalledCount: 5,
  },
);
worker.on("failed", (job, error) => console.error(`job ${job?.id}: failed: ${error.message}`));
worker.on("error", (error) => console.error(`worker error: ${error.message}`));
console.log(`worker ${process.pid} ready`);

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, async () => {
    await worker.close();
    await pacer.close();
    connection.disconnect();
    process.exit(0);
  });
