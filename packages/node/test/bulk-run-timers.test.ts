/**
 * `processInBatches()`'s own pauses are never given a negative delay: Node 23+ prints a TimeoutNegativeWarning
 * on the user's screen for one (Node 20, which runs these tests, says nothing: the delays are recorded instead).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClaidMockServer } from "@claid/msw/node";
import { afterAll, expect, it, vi } from "vitest";

const delays = vi.hoisted(() => [] as number[]);
vi.mock("node:timers/promises", async (original) => {
  const timers = await original<typeof import("node:timers/promises")>();
  const setTimeout = ((delay: number, ...rest: unknown[]) => {
    delays.push(delay);
    return (timers.setTimeout as (...args: unknown[]) => Promise<unknown>)(delay, ...rest);
  }) as typeof timers.setTimeout;
  return { ...timers, default: { ...timers, setTimeout }, setTimeout };
});

const { processInBatches } = await import("../src/bulk/run.ts");

const KEY = "bulk-timers-test-key-0123456789";
const folder = mkdtempSync(join(tmpdir(), "claid-bulk-timers-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("batches released when the first one is seen finished, older than the estimate, are checked at once without a negative delay", async () => {
  // Batch 1 is checked at once and after 1 s; batches 2 and 3, created meanwhile, are older than the 300 ms estimate.
  const server = await createClaidMockServer({ apiKey: KEY, taskDurationMs: 300 });
  const file = join(folder, "urls.txt");
  writeFileSync(file, Array.from({ length: 6 }, (_, i) => `https://img.example/${i + 1}.png`).join("\n"));
  try {
    const summary = await processInBatches(
      { path: file },
      {
        client: { apiKey: KEY, baseUrl: server.url, poll: { pollIntervalMs: 1000 } },
        request: { operations: {} },
        journal: join(folder, "urls.journal"),
        batchSize: 2,
      },
    );
    expect(summary.totals.batches.byStatus).toMatchObject({ DONE: 3 });
  } finally {
    await server.close();
  }
  expect(delays.length).toBeGreaterThan(0);
  expect(delays.filter((delay) => delay < 0)).toEqual([]);
});
