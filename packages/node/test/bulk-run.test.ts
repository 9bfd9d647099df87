/** `processInBatches()` against the mock on 127.0.0.1: submit, wait, download per batch, and reruns that resume. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  type BatchRunOptions,
  type BatchRunProgress,
  type BulkInputs,
  InvalidArgumentError,
  processInBatches,
} from "../src/index.ts";

const KEY = "bulk-run-test-key-0123456789";
const folder = mkdtempSync(join(tmpdir(), "claid-bulk-run-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const servers: ClaidMockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

let runs = 0;
async function setup(count: number, mockOptions: Parameters<typeof createClaidMockServer>[0] = {}) {
  const server = await createClaidMockServer({ apiKey: KEY, pollsToComplete: 1, ...mockOptions });
  servers.push(server);
  const base = join(folder, `run-${++runs}`);
  const urls = Array.from({ length: count }, (_, i) => `https://img.example/${i + 1}.png`);
  writeFileSync(`${base}.txt`, `# photos\n\n${urls.join("\n")}\n`);
  const events: BatchRunProgress[] = [];
  const options = (extra: Partial<BatchRunOptions> = {}): BatchRunOptions => ({
    client: { apiKey: KEY, baseUrl: server.url },
    request: { operations: { resizing: { width: 100 } } },
    journal: `${base}.journal`,
    batchSize: 2,
    downloadDir: `${base}-out`,
    onProgress: (p) => events.push(structuredClone(p)),
    ...extra,
  });
  return { server, urls, file: `${base}.txt`, out: `${base}-out`, events, options };
}

const counts = (server: ClaidMockServer) => ({
  creates: server.store.requestsOf("create").length,
  polls: server.store.requestsOf("retrieve").length,
  downloads: server.store.requestsOf("download").length,
});

describe("processInBatches", { timeout: 60_000 }, () => {
  it("with a caller's signal and 20 batches at once, Node warns of no listener leak (one listener on the caller's signal)", async () => {
    const { file, options } = await setup(40, { pollsToComplete: 2 });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const caller = new AbortController();
    try {
      const summary = await processInBatches(
        { path: file },
        options({ signal: caller.signal, maxBatchesInFlight: 20 }),
      );
      expect(summary.totals.files.written).toBe(40);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });

  it("submits, waits and downloads each batch into its own folder; the rerun asks for nothing and fetches nothing", async () => {
    const { server, file, out, events, options } = await setup(5);
    const summary = await processInBatches({ path: file }, options({ maxBatchesInFlight: 1 }));
    expect(summary.stopped).toBe(false);
    expect(summary.toRetry).toEqual([]);
    expect(summary.totals).toMatchObject({
      urlCount: 5,
      batches: { submitted: 3, finished: 3, unknown: 0, notSent: 0, byStatus: { DONE: 3 } },
      images: { done: 5, failed: 0 },
      files: { written: 5, skipped: 0, expired: 0, failed: 0 },
    });
    expect(summary.chunks.map((c) => [c.number, c.lines, c.taskId, c.finished?.filesWritten])).toEqual([
      [1, [3, 4], 1, 2],
      [2, [5, 6], 2, 2],
      [3, [7, 7], 3, 1],
    ]);
    expect(readdirSync(out)).toEqual(["chunk-000001", "chunk-000002", "chunk-000003"]);
    for (const [dir, files] of [
      ["chunk-000001", 2],
      ["chunk-000003", 1],
    ] as const)
      expect(readdirSync(join(out, dir)).filter((f) => !f.startsWith("."))).toHaveLength(files);
    // Batch 1's files arrive before chunk 3 is even read (one batch in flight): downloads do not wait for the end.
    const order = events.map((e) => `${e.event}:${e.chunk?.number}`);
    expect(order.indexOf("file:1")).toBeGreaterThan(-1);
    expect(order.indexOf("file:1")).toBeLessThan(order.indexOf("read:3"));
    // The reader holds one chunk at most.
    expect(Math.max(...events.map((e) => e.totals.inputsHeld))).toBeLessThanOrEqual(2);
    expect(counts(server)).toEqual({ creates: 3, polls: 3, downloads: 5 });

    const rerun = await processInBatches({ path: file }, options());
    expect(counts(server)).toEqual({ creates: 3, polls: 3, downloads: 5 });
    expect(rerun.chunks.every((c) => c.fromJournal)).toBe(true);
    expect(rerun.totals.images).toEqual({ done: 5, failed: 0 });
  });

  it("a batch downloading holds back no create: the next chunks are submitted and finished meanwhile; 20 download, then one more waits its turn and no further chunk is read", async () => {
    const { file, events, options } = await setup(50);
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    const summary = processInBatches(
      { path: file },
      options({
        maxBatchesInFlight: 1,
        // No file arrives until the gate opens.
        download: {
          fetch: async (request) => {
            await gate;
            return fetch(request);
          },
        },
      }),
    );
    const seen = () => events.map((e) => `${e.event}:${e.chunk?.number}:${e.chunk?.status ?? ""}`);
    await vi.waitFor(() => expect(seen()).toContain("status:21:DONE"), { timeout: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Chunks 1–20 download, chunk 21 waits for a download slot: one more chunk would be one more batch held.
    expect(seen().filter((e) => e.startsWith("read:"))).toHaveLength(21);
    expect(seen().some((e) => e.startsWith("finished:"))).toBe(false);
    openGate();
    const done = await summary;
    expect(done.totals.files.written).toBe(50);
    expect(done.toRetry).toEqual([]);
  });

  it("POSTs slow to be answered hold back no other chunk, up to 4 at once; an abort then lets each be answered and journaled", async () => {
    const { server, file, options } = await setup(12);
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    let posts = 0;
    const controller = new AbortController();
    const summary = processInBatches(
      { path: file },
      options({
        signal: controller.signal,
        client: {
          apiKey: KEY,
          baseUrl: server.url,
          // A policy that never holds these POSTs back (against a host it does not know, the pacer sends one
          // request at a time until the server names its policy).
          rateLimit: "100;w=1",
          // No POST is answered until the gate opens.
          fetch: async (request: Request) => {
            if (request.method === "POST") {
              posts++;
              await gate;
            }
            return fetch(request);
          },
        },
      }),
    );
    await vi.waitFor(() => expect(posts).toBe(4), { timeout: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(posts).toBe(4);
    controller.abort();
    openGate();
    const stopped = await summary;
    expect(stopped.stopped).toBe(true);
    expect(stopped.chunks.map((c) => c.submission)).toEqual(["submitted", "submitted", "submitted", "submitted"]);
    const rerun = await processInBatches({ path: file }, options());
    expect(rerun.totals.files.written).toBe(12);
    expect(counts(server).creates).toBe(6);
  });

  it.each<[string, (urls: string[]) => BulkInputs]>([
    ["an array of lines", (urls) => ["# comment", ...urls, ""]],
    [
      "an async iterable",
      (urls) =>
        (async function* () {
          yield* urls;
        })(),
    ],
    ["a byte stream", (urls) => Readable.from([Buffer.from(`${urls.join("\r\n")}\r\n`)])],
  ])("reads %s; the rerun with the same inputs submits nothing", async (_, inputs) => {
    const { server, urls, options } = await setup(3);
    const summary = await processInBatches(inputs(urls), options());
    expect(summary.totals.files.written).toBe(3);
    expect(summary.totals.urlCount).toBeUndefined();
    await processInBatches(inputs(urls), options());
    expect(counts(server).creates).toBe(2);
  });

  // The first batch is checked at once (PROCESSING), then after the poll interval (DONE); each next one first after a
  // time between the longest it was seen running and the shortest it was seen finished, one at a time here.
  it.each([
    {
      // Batches 2 and 3 are first checked after ~800 and ~400 ms.
      name: "batches quicker than every first check: one poll each",
      taskMs: 250,
      pollMs: 1600,
      polls: ["1", "1", "2", "3"],
    },
    {
      // Batch 2 is checked after ~800 ms (still running, checked again after the interval), batch 3 after ~1200 ms.
      name: "a first check too early narrows the next one's from below",
      taskMs: 1000,
      pollMs: 1600,
      polls: ["1", "1", "2", "2", "3"],
    },
  ])("a batch's first check waits for what the earlier ones took: $name", async ({ taskMs, pollMs, polls }) => {
    const { server, file, options } = await setup(6, { pollsToComplete: undefined, taskDurationMs: taskMs });
    const summary = await processInBatches(
      { path: file },
      options({
        maxBatchesInFlight: 1,
        client: { apiKey: KEY, baseUrl: server.url, poll: { pollIntervalMs: pollMs } },
      }),
    );
    expect(summary.totals.batches.byStatus).toMatchObject({ DONE: 3 });
    expect(server.store.requestsOf("retrieve").map((r) => new URL(r.url).pathname.split("/").pop())).toEqual(polls);
  });

  it("until a first batch is seen finished, the others do not check: one poll each once it is", async () => {
    // Batch 1 is checked at once and after 1 s: batches 2 and 3 are done by then unless created 700 ms late.
    const { server, file, options } = await setup(6, { pollsToComplete: undefined, taskDurationMs: 300 });
    const summary = await processInBatches(
      { path: file },
      options({ client: { apiKey: KEY, baseUrl: server.url, poll: { pollIntervalMs: 1000 } } }),
    );
    // Only the statuses batches are in: none left at 0 (PROCESSING) in the totals and --json.
    expect(summary.totals.batches.byStatus).toEqual({ DONE: 3 });
    const polled = server.store.requestsOf("retrieve").map((r) => new URL(r.url).pathname.split("/").pop());
    const lastOfFirst = polled.lastIndexOf("1");
    // Batch 1 checks on its schedule until DONE; batches 2 and 3, created meanwhile, are checked after it, once.
    expect(polled.slice(0, lastOfFirst + 1).every((id) => id === "1")).toBe(true);
    expect(polled.slice(lastOfFirst + 1).sort()).toEqual(["2", "3"]);
  });

  it("a first batch that never finishes holds back no other: once it runs 4 poll ceilings, the next one checks in its stead", async () => {
    const { server, file, events, options } = await setup(6);
    // Batch 1 runs for an hour; batches 2 and 3 are done at their first check.
    server.store.planTask(["DONE"], { afterMs: 3_600_000 });
    const controller = new AbortController();
    const run = processInBatches(
      { path: file },
      options({
        signal: controller.signal,
        client: { apiKey: KEY, baseUrl: server.url, poll: { pollIntervalMs: 50, maxPollIntervalMs: 100 } },
      }),
    );
    const finished = () => events.filter((e) => e.event === "finished").map((e) => e.chunk?.number);
    try {
      await vi.waitFor(() => expect(finished().sort()).toEqual([2, 3]), { timeout: 10_000 });
    } finally {
      controller.abort();
    }
    const summary = await run;
    expect(summary.totals.files.written).toBe(4);
    expect(summary.chunks.map((c) => c.status)).toEqual(["PROCESSING", "DONE", "DONE"]);
    const polled = server.store.requestsOf("retrieve").map((r) => new URL(r.url).pathname.split("/").pop());
    expect([polled.filter((id) => id === "2").length, polled.filter((id) => id === "3").length]).toEqual([1, 1]);
  });

  it.each([["ERROR"], ["CANCELLED"]] as const)(
    "a first batch that ends %s is settled as failed (advice: submit again), the others go on, and the rerun asks about none",
    async (final) => {
      const { server, file, options } = await setup(6);
      server.store.planTask([final]);
      const summary = await processInBatches({ path: file }, options());
      expect(summary.chunks.map((c) => [c.status, c.finished?.status])).toEqual([
        [final, final],
        ["DONE", "DONE"],
        ["DONE", "DONE"],
      ]);
      expect(summary.totals).toMatchObject({
        batches: { finished: 3, byStatus: { [final]: 1, DONE: 2 } },
        images: { done: 4, failed: 2 },
        files: { written: 4 },
      });
      expect(summary.toRetry.map((r) => [r.reason, r.chunk])).toEqual([["batch-failed", 1]]);
      const polls = counts(server).polls;
      const rerun = await processInBatches({ path: file }, options());
      expect(rerun.toRetry.map((r) => [r.reason, r.chunk])).toEqual([["batch-failed", 1]]);
      expect(counts(server)).toMatchObject({ creates: 3, polls });
    },
  );

  it("once the estimate is within a quarter of the time known to be enough, first checks aim there: one poll per batch", async () => {
    const { server, file, options } = await setup(12, { pollsToComplete: undefined, taskDurationMs: 1000 });
    await processInBatches(
      { path: file },
      options({ maxBatchesInFlight: 1, client: { apiKey: KEY, baseUrl: server.url, poll: { pollIntervalMs: 1600 } } }),
    );
    const polled = server.store.requestsOf("retrieve").map((r) => new URL(r.url).pathname.split("/").pop());
    // Checked after 0 and 1.6 s, then 0.8 s (running) and 2.4 s, then 1.2 s and 1 s (DONE): 1 s is within a quarter
    // of what was seen running (0.8 s), so every later batch is checked once, after 1 s, never again below it.
    expect(polled).toEqual(["1", "1", "2", "2", "3", "4", "5", "6"]);
  });

  it("a create with an unknown outcome is reported and never resent without retryUnknown; with it, it is", async () => {
    const { server, file, options } = await setup(6);
    server.store.injectFault({ type: "latency", ms: 0 }, { operation: "create" });
    server.store.injectFault({ type: "network-error" }, { operation: "create" });
    // One batch at a time, so the second POST is chunk 2's.
    const first = await processInBatches({ path: file }, options({ maxBatchesInFlight: 1 }));
    expect(first.chunks.map((c) => c.submission)).toEqual(["submitted", "unknown"]);
    expect(first.toRetry.map((r) => [r.reason, r.chunk])).toEqual([
      ["outcome-unknown", 2],
      ["not-submitted", undefined],
    ]);
    const second = await processInBatches({ path: file }, options());
    expect(second.chunks.map((c) => c.submission)).toEqual(["submitted", "unknown", "submitted"]);
    expect(counts(server).creates).toBe(3);
    const third = await processInBatches({ path: file }, options({ retryUnknown: true }));
    expect(third.chunks.map((c) => c.submission)).toEqual(["submitted", "submitted", "submitted"]);
    expect(counts(server).creates).toBe(4);
    expect(third.toRetry).toEqual([]);
  });

  it("expired result URLs are reported with how to recover, not counted as downloaded, and tried again by the rerun", async () => {
    const { server, file, options } = await setup(2);
    server.store.injectFault({ type: "status", status: 410, body: "empty" }, { operation: "download", times: 2 });
    const summary = await processInBatches({ path: file }, options());
    expect(summary.totals.files).toMatchObject({ written: 0, expired: 2, failed: 0 });
    expect(summary.chunks[0]?.fileFailures?.map((f) => f.reason)).toEqual(["expired", "expired"]);
    expect(summary.toRetry).toEqual([
      {
        reason: "expired",
        chunk: 1,
        advice: expect.stringMatching(
          /^chunk 1 \(lines 3–4\): 2 file\(s\) of batch 1 expired .*submit those lines again/,
        ),
      },
    ]);
    // Not recorded as settled: a rerun asks again and fetches what it can.
    const rerun = await processInBatches({ path: file }, options());
    expect(rerun.totals.files).toMatchObject({ written: 2, expired: 0 });
  });

  it("a file in a chunk folder that its manifest does not record (a run killed between writing and recording it) is replaced, not failed", async () => {
    const { out, file, options } = await setup(2);
    await processInBatches({ path: file }, options());
    // The manifest lost: as if the run had been killed after placing the files, before recording them.
    rmSync(join(out, "chunk-000001", ".claid-downloads.jsonl"));
    const again = await processInBatches({ path: file }, options({ journal: `${file}.other-journal` }));
    expect(again.totals.files).toMatchObject({ written: 2, failed: 0 });
  });

  it("storage outputs are reported, not downloaded", async () => {
    const { server, file, options } = await setup(3);
    const summary = await processInBatches(
      { path: file },
      options({ request: { operations: {}, output: "storage://bucket/out/" } }),
    );
    expect(summary.totals.files).toMatchObject({ written: 0, stored: 3, failed: 0 });
    expect(counts(server).downloads).toBe(0);
  });

  it("an abort stops reading; the rerun continues without submitting anything twice", async () => {
    const { server, file, options } = await setup(6);
    const controller = new AbortController();
    const summary = await processInBatches(
      { path: file },
      options({
        signal: controller.signal,
        // One batch at a time: chunk 2 is not read while chunk 1 runs.
        maxBatchesInFlight: 1,
        onProgress: (p) => {
          if (p.event === "submitted") controller.abort();
        },
      }),
    );
    expect(summary.stopped).toBe(true);
    expect(summary.chunks.map((c) => c.submission)).toEqual(["submitted"]);
    const rerun = await processInBatches({ path: file }, options());
    expect(rerun.totals.files.written + rerun.totals.files.skipped).toBe(6);
    expect(counts(server).creates).toBe(3);
  });

  it("an abort while the input stream has no next line (a pipe gone quiet) resolves stopped; the batch read is kept", async () => {
    const { server, urls, options } = await setup(2);
    const controller = new AbortController();
    const quiet = (async function* () {
      yield* urls;
      await new Promise(() => {});
    })();
    const run = processInBatches(
      quiet,
      options({
        signal: controller.signal,
        onProgress: (p) => {
          if (p.event === "finished") controller.abort();
        },
      }),
    );
    const outcome = await Promise.race([
      run,
      new Promise((resolve) => setTimeout(() => resolve("still running 5 s after the abort"), 5000)),
    ]);
    expect(outcome).toMatchObject({ stopped: true, totals: { files: { written: 2 } } });
    expect(counts(server).creates).toBe(1);
  });

  it("an abort while a DONE batch waits for a download slot: neither it nor the one downloading is recorded settled; the rerun fetches both, creating only the rest", async () => {
    const { server, file, events, options } = await setup(6);
    const controller = new AbortController();
    const stalled = await processInBatches(
      { path: file },
      options({
        signal: controller.signal,
        maxBatchesInFlight: 1,
        download: { fetch: () => new Promise<Response>(() => {}) },
        onProgress: (p) => {
          if (p.event === "status" && p.chunk?.number === 2 && p.chunk.status === "DONE") controller.abort();
        },
      }),
    );
    expect(stalled.stopped).toBe(true);
    expect(stalled.chunks.map((c) => [c.number, c.finished])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    expect(events.some((e) => e.event === "finished")).toBe(false);
    const rerun = await processInBatches({ path: file }, options());
    expect(rerun.totals.files.written).toBe(6);
    expect(counts(server).creates).toBe(3);
  });

  it.each<[string, Partial<BatchRunOptions>]>([
    ["options.download.concurrency", { download: { concurrency: 0 } }],
    ["options.download.stallTimeoutMs", { download: { stallTimeoutMs: -1 } }],
    ["options.maxWaitMs", { maxWaitMs: 0 }],
    ["options.maxWaitMs", { maxWaitMs: "60000" as unknown as number }],
  ])(
    "a bad %s is refused before anything is sent (it used to fail each batch after its create)",
    async (argument, extra) => {
      const { server, file, options } = await setup(4);
      const error = await processInBatches({ path: file }, options(extra)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ argument });
      expect(counts(server).creates).toBe(0);
    },
  );

  it.each([
    ["a bad line of a file: nothing sent", "https://a.example/1.png\nftp://a.example/2.png\n", 0],
    [
      "a bad line of a stream: the chunks before it only",
      "https://a.example/1.png\nhttps://a.example/2.png\nnot a url\n",
      1,
    ],
  ])("%s", async (name, text, creates) => {
    const { server, options } = await setup(0);
    const path = join(folder, `bad-${creates}.txt`);
    writeFileSync(path, text);
    const inputs = name.includes("file") ? { path } : Readable.from([text]);
    const error = await processInBatches(inputs, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).problem).toMatch(/line \d: "/);
    expect(counts(server).creates).toBe(creates);
  });
});
