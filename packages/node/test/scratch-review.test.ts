import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClaidMockServer } from "@claid/msw/node";
import { afterAll, describe, expect, it } from "vitest";
import { type BatchRunOptions, type BatchRunProgress, processInBatches } from "../src/index.ts";

const KEY = "bulk-run-test-key-0123456789";
const folder = mkdtempSync(join(tmpdir(), "claid-scratch-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let n = 0;
const unhandled: unknown[] = [];
process.on("unhandledRejection", (r) => unhandled.push(r));

function check(p: BatchRunProgress, batchSize: number) {
  const t = p.totals;
  const bad: string[] = [];
  if (t.inputsHeld < 0 || t.inputsHeld > 4 * batchSize) bad.push(`inputsHeld ${t.inputsHeld}`);
  for (const [k, v] of Object.entries(t.batches.byStatus)) if (v < 0) bad.push(`byStatus ${k} ${v}`);
  const b = t.batches;
  if (b.submitted + b.unknown + b.notSent > t.chunksRead) bad.push(`sum ${JSON.stringify(b)} > read ${t.chunksRead}`);
  if (b.finished > b.submitted) bad.push(`finished>submitted`);
  const byStatusSum = Object.values(b.byStatus).reduce((a, c) => a + c, 0);
  if (byStatusSum > b.submitted) bad.push(`byStatus sum ${byStatusSum} > submitted ${b.submitted}`);
  for (const [k, v] of Object.entries(t.files)) if (v < 0) bad.push(`files ${k}`);
  return bad;
}

async function run(count: number, setup: (s: Awaited<ReturnType<typeof createClaidMockServer>>) => void, extra: Partial<BatchRunOptions> = {}, mock = {}) {
  const server = await createClaidMockServer({ apiKey: KEY, pollsToComplete: 1, ...mock });
  setup(server);
  const base = join(folder, `r${++n}`);
  const urls = Array.from({ length: count }, (_, i) => `https://img.example/${i + 1}.png`);
  writeFileSync(`${base}.txt`, urls.join("\n"));
  const bad: string[] = [];
  const batchSize = extra.batchSize ?? 2;
  const options: BatchRunOptions = {
    client: { apiKey: KEY, baseUrl: server.url, rateLimit: "100;w=1", poll: { pollIntervalMs: 20, maxPollIntervalMs: 50 } },
    request: { operations: {} },
    journal: `${base}.journal`,
    batchSize,
    downloadDir: `${base}-out`,
    onProgress: (p) => bad.push(...check(p, batchSize).map((b) => `${p.event}: ${b}`)),
    ...extra,
  };
  const summary = await processInBatches(count === 0 ? [] : { path: `${base}.txt` }, options).catch((e: unknown) => e);
  const creates = server.store.requestsOf("create").length;
  await server.close();
  return { summary, bad, creates, options, server };
}

describe("scratch", { timeout: 60_000 }, () => {
  it("402 among 4 in flight", async () => {
    const r = await run(16, (s) => {
      for (let i = 0; i < 4; i++) s.store.injectFault({ type: "latency", ms: 200 }, { operation: "create" });
      s.store.injectFault({ type: "status", status: 402 }, { operation: "create" });
    });
    const sm = r.summary as any;
    console.log(JSON.stringify(sm.totals), sm.chunks.map((c: any) => c.submission), sm.toRetry.map((x: any) => x.reason), r.creates, r.bad);
    expect(r.bad).toEqual([]);
  });
  it("maxWaitMs smaller", async () => {
    const r = await run(8, () => {}, { maxWaitMs: 100 }, { pollsToComplete: undefined, taskDurationMs: 600 });
    const sm = r.summary as any;
    console.log(JSON.stringify(sm.totals), sm.chunks.map((c: any) => [c.submission, c.error]), sm.toRetry.map((x: any) => x.reason), r.bad);
    expect(r.bad).toEqual([]);
  });
  it("aborted before start", async () => {
    const r = await run(4, () => {}, { signal: AbortSignal.abort() });
    const sm = r.summary as any;
    console.log(sm.stopped, JSON.stringify(sm.totals), sm.toRetry, r.creates);
  });
  it("all downloads fail, max 1", async () => {
    const r = await run(6, (s) => s.store.injectFault({ type: "status", status: 500 }, { operation: "download", times: 1000 }), { maxBatchesInFlight: 1 });
    const sm = r.summary as any;
    console.log(JSON.stringify(sm.totals), sm.toRetry.map((x: any) => x.reason), r.bad);
    expect(r.bad).toEqual([]);
  });
  it("0 and 1 lines", async () => {
    const r0 = await run(0, () => {});
    console.log("zero", r0.summary instanceof Error ? r0.summary.message : JSON.stringify((r0.summary as any).totals), (r0.summary as any).toRetry);
    const r1 = await run(1, () => {});
    console.log("one", JSON.stringify((r1.summary as any).totals), (r1.summary as any).toRetry);
  });
  it("no unhandled", () => {
    expect(unhandled).toEqual([]);
  });
});
