/**
 * The producer: `REDIS_URL=redis://… npm run producer -- urls.txt [chunk size]` enqueues one job per
 * chunk of the file's URLs (one a line). Running it again adds nothing: job ids come from the chunks.
 */
import { readFile } from "node:fs/promises";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { ChunkJobData } from "./chunks.ts";
import { enqueueChunks } from "./producer.ts";
import { QUEUE_NAME, readSettings } from "./settings.ts";

const [file, size = "50"] = process.argv.slice(2);
if (!file) throw new Error("usage: npm run producer -- <file of URLs> [chunk size]");
const { redisUrl } = readSettings(process.env);
const urls = (await readFile(file, "utf8"))
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter(Boolean);

const connection = new Redis(redisUrl);
const queue = new Queue<ChunkJobData>(QUEUE_NAME, { connection });
const total = () => queue.getJobCountByTypes("waiting", "delayed", "active", "completed", "failed", "prioritized");
const before = await total();
const jobs = await enqueueChunks(queue, urls, {
  chunkSize: Number(size),
  operations: { resizing: { width: 1000 } },
  output: { format: "webp" },
});
const added = (await total()) - before;
console.log(
  `${urls.length} URLs in ${jobs.length} chunks: ${added} jobs added, ${jobs.length - added} already queued or done.`,
);
await queue.close();
connection.disconnect();
