/**
 * A fleet on this machine, for the test and the bench: a throwaway Redis holding the queue, an
 * output folder, and worker processes (`src/worker-main.ts`) whose output is read line by line.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type Job, Queue } from "bullmq";
import { Redis } from "ioredis";
import { startRedisServer } from "../../../tests/support/redis-server.ts";
import { waitFor } from "../../../tests/support/wait-for.ts";
import type { ChunkJobData, ChunkJobResult } from "../src/chunks.ts";
import { QUEUE_NAME } from "../src/settings.ts";

const EXAMPLE = join(import.meta.dirname, "..");

export interface FleetWorker {
  pid: number;
  /** Every line the worker printed so far (stdout and stderr). */
  lines: string[];
  /** Resolves with the first line (already printed or still to come) that matches. */
  lineMatching(pattern: RegExp): Promise<string>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startWorker(env: Record<string, string>): FleetWorker {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/worker-main.ts"], {
    cwd: EXAMPLE,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream as NodeJS.ReadableStream }).on("line", (line) => {
      lines.push(line);
      for (const w of waiting.filter((w) => w.pattern.test(line))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    pid: child.pid as number,
    lines,
    lineMatching: (pattern) => {
      const seen = lines.find((line) => pattern.test(line));
      return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ pattern, resolve }));
    },
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** The files under every job folder of `outDir` (dot files, i.e. the manifests, left out). */
export function filesIn(outDir: string): string[] {
  return readdirSync(outDir).flatMap((job) => readdirSync(join(outDir, job)).filter((name) => !name.startsWith(".")));
}

/** A Redis with the fleet's queue, an output folder, and the workers started on them. */
export interface Fleet {
  redisUrl: string;
  queue: Queue<ChunkJobData, ChunkJobResult>;
  outDir: string;
  workers: FleetWorker[];
  /** Starts `count` workers against the API at `baseUrl`. */
  startWorkers(count: number, settings: { baseUrl: string; apiKey: string; lockMs: number }): FleetWorker[];
  /** Throws the first failed job's reason, if any. */
  noneFailed(): Promise<void>;
  /** Resolves once `count` jobs completed; throws as soon as one fails. */
  allCompleted(count: number, timeoutMs: number): Promise<Job<ChunkJobData, ChunkJobResult>[]>;
  /** Kills the workers and Redis, removes the folder. */
  close(): Promise<void>;
}

export async function startFleet(): Promise<Fleet> {
  const redis = await startRedisServer();
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue<ChunkJobData, ChunkJobResult>(QUEUE_NAME, { connection });
  const outDir = mkdtempSync(join(tmpdir(), "claid-fleet-"));
  const workers: FleetWorker[] = [];
  const noneFailed = async () => {
    const [failed] = await queue.getFailed(0, 0);
    if (failed) throw new Error(`job ${failed.id} failed: ${failed.failedReason}`);
  };
  return {
    redisUrl: redis.url,
    queue,
    outDir,
    workers,
    startWorkers(count, { baseUrl, apiKey, lockMs }) {
      const started = Array.from({ length: count }, () =>
        startWorker({
          REDIS_URL: redis.url,
          CLAID_API_KEY: apiKey,
          CLAID_BASE_URL: baseUrl,
          FLEET_OUT_DIR: outDir,
          FLEET_LOCK_MS: String(lockMs),
        }),
      );
      workers.push(...started);
      return started;
    },
    noneFailed,
    allCompleted: (count, timeoutMs) =>
      waitFor(async () => {
        await noneFailed();
        const completed = await queue.getCompleted(0, count);
        return completed.length === count ? completed : undefined;
      }, timeoutMs),
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.kill("SIGKILL")));
      await queue.close();
      connection.disconnect();
      await redis.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
