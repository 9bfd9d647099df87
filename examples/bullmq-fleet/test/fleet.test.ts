import { join } from "node:path";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { CLAID_RATE_LIMIT } from "@claid/node";
import type { Job } from "bullmq";
import { afterEach, beforeEach, expect, it } from "vitest";
import { API_KEY } from "../../../tests/support/mock-server.ts";
import { waitFor } from "../../../tests/support/wait-for.ts";
import type { ChunkJobData, ChunkJobResult } from "../src/chunks.ts";
import { enqueueChunks } from "../src/producer.ts";
import { type Fleet, filesIn, startFleet } from "./fleet-harness.ts";

const CHUNK = {
  chunkSize: 50,
  operations: { resizing: { width: 16, height: 16 } },
  output: { format: "png" as const },
};

let fleet: Fleet;
let mock: ClaidMockServer | undefined;
beforeEach(async () => {
  fleet = await startFleet();
});
afterEach(async () => {
  await fleet.close();
  await mock?.close();
});

it("3 workers turn 2,000 URLs in chunks of 50 into files; a SIGKILLed worker's jobs resume elsewhere, nothing created twice, no 429", async () => {
  const server = await createClaidMockServer({ apiKey: API_KEY, rateLimit: CLAID_RATE_LIMIT, taskDurationMs: 1500 });
  mock = server;
  const { queue, outDir } = fleet;
  const urls = Array.from({ length: 2000 }, (_, i) => `https://img.example/p${String(i).padStart(4, "0")}.png`);
  await enqueueChunks(queue, urls, CHUNK);
  // The same list again: the ids derive from the chunks, so nothing is added.
  await enqueueChunks(queue, urls, CHUNK);
  expect(await queue.getJobCountByTypes("waiting", "delayed", "active", "completed")).toBe(40);

  const [victim] = fleet.startWorkers(3, { baseUrl: server.url, apiKey: API_KEY, lockMs: 3000 });
  if (!victim) throw new Error("no worker started");
  // Kill once every chunk is created (a kill during a POST is the next test's case) and the victim is
  // inside a download made slow on purpose, so that its job is surely unfinished.
  await waitFor(async () => {
    await fleet.noneFailed();
    const creates = server.store.requestsOf("create");
    return creates.length === 40 && creates.every((r) => r.status === 200) ? true : undefined;
  }, 120_000);
  server.store.injectFault({ type: "latency", ms: 3000 }, { operation: "download", times: 40 });
  const downloading = await victim.lineMatching(/downloading batch/);
  await victim.kill("SIGKILL");
  const killedJobId = /^job (\S+):/.exec(downloading)?.[1] as string;
  expect(victim.lines.filter((line) => line.startsWith(`job ${killedJobId}: done`))).toEqual([]);

  const completed = await fleet.allCompleted(40, 150_000);

  const files = filesIn(outDir);
  expect(files).toHaveLength(2000);
  expect(new Set(files)).toEqual(new Set(urls.map((url) => url.replace(/^.*\/(p\d+\.png)$/, "$1"))));
  // One create per chunk, each batch a different one; nothing refused for the rate limit.
  expect(server.store.requestsOf("create")).toHaveLength(40);
  expect(new Set(completed.map((job) => job.returnvalue.taskId)).size).toBe(40);
  const apiRequests = [...server.store.requestsOf("create"), ...server.store.requestsOf("retrieve")];
  expect(apiRequests.filter((r) => r.status === 429)).toEqual([]);
  // The job the victim was downloading was finished by another worker, in the same folder.
  const resumed = completed.find((job) => job.id === killedJobId) as Job<ChunkJobData, ChunkJobResult>;
  expect(resumed.returnvalue.workerPid).not.toBe(victim.pid);
  expect(resumed.returnvalue.dir).toBe(join(outDir, killedJobId));
});

it("a worker killed while its create is in flight leaves the job failed as 'outcome unknown', never created again", async () => {
  const server = await createClaidMockServer({ apiKey: API_KEY, rateLimit: CLAID_RATE_LIMIT, taskDurationMs: 500 });
  mock = server;
  // The create's answer is held back: the worker dies with the POST sent and no id.
  server.store.injectFault({ type: "latency", ms: 60_000 }, { operation: "create", times: 1 });
  const [job] = await enqueueChunks(fleet.queue, ["https://img.example/a.png", "https://img.example/b.png"], CHUNK);
  const [first] = fleet.startWorkers(1, { baseUrl: server.url, apiKey: API_KEY, lockMs: 1000 });
  await waitFor(async () => (server.store.requestsOf("create").length === 1 ? true : undefined));
  await first?.kill("SIGKILL");
  fleet.startWorkers(1, { baseUrl: server.url, apiKey: API_KEY, lockMs: 1000 });

  const failed = await waitFor(async () => (await fleet.queue.getFailed(0, 0))[0], 30_000);
  expect(failed.id).toBe(job?.id);
  expect(failed.failedReason).toMatch(
    /its create was sent at .* no task id came back, so the batch may exist and was not sent again/,
  );
  expect(failed.data.createStartedAt).toEqual(expect.any(String));
  expect(failed.data.taskId).toBeUndefined();
  expect(server.store.requestsOf("create")).toHaveLength(1);
});
