/**
 * A 1,000,000-line URL file runs with flat memory: the run holds only the chunks being POSTed, so the peak RSS of
 * the run (in its own process) stays where a 10,000-line run puts it. Asserted on structure (lines held,
 * chunks, journal size per batch) and on RSS with a wide margin, never on time.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClaidMockServer } from "@claid/msw/node";
import { afterAll, describe, expect, it } from "vitest";
import { writeUrlFile } from "../../../tests/support/url-file.ts";
import { MAX_CREATES_IN_FLIGHT } from "../src/bulk/run.ts";

const KEY = "bulk-memory-test-key-0123456789";
const BATCH_SIZE = 1000;
const folder = mkdtempSync(join(tmpdir(), "claid-bulk-memory-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface ChildReport {
  peakRssBytes: number;
  retainedHeapBytes: number;
  inputsHeld: number;
  chunks: number;
  submitted: number;
  urls: number;
}

async function run(count: number): Promise<ChildReport & { journalBytes: number }> {
  // The mock keeps no task (only its request log): what grows is the child's, not the server's.
  const server = await createClaidMockServer({ apiKey: KEY, rateLimit: false, maxBodyBytes: 8 * 1024 * 1024 });
  try {
    const path = await writeUrlFile(folder, count);
    const journal = `${path}.journal`;
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        import.meta.resolve("tsx"),
        join(import.meta.dirname, "bulk-memory-child.ts"),
        server.url,
        KEY,
        path,
        journal,
        String(BATCH_SIZE),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (data) => {
      out += String(data);
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    return { ...(JSON.parse(out) as ChildReport), journalBytes: statSync(journal).size };
  } finally {
    await server.close();
  }
}

describe("processInBatches over 1,000,000 lines", { timeout: 600_000 }, () => {
  it("holds at most the chunks being POSTed, journals per batch, and keeps what a 10,000-line run keeps", async () => {
    const small = await run(10_000);
    const large = await run(1_000_000);
    for (const [report, count] of [
      [small, 10_000],
      [large, 1_000_000],
    ] as const) {
      expect(report).toMatchObject({ urls: count, chunks: count / BATCH_SIZE, submitted: count / BATCH_SIZE });
      expect(report.inputsHeld).toBeGreaterThanOrEqual(BATCH_SIZE);
      expect(report.inputsHeld).toBeLessThanOrEqual(MAX_CREATES_IN_FLIGHT * BATCH_SIZE);
    }
    // The journal grows with batches (two records each), not with images.
    expect(large.journalBytes / large.chunks).toBeLessThan(1000);
    // 100× the lines (a 56 MB file): what the run holds after a full GC is the same within 8 MiB (measured: 10 and
    // 12 MiB); reading the file whole would hold 56 MB and more. The peak RSS also counts garbage not collected
    // yet, which depends on the GC's timing (a loaded machine): bounded loosely.
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    const figures = `after GC ${mib(small.retainedHeapBytes)} / ${mib(large.retainedHeapBytes)}, peak RSS ${mib(small.peakRssBytes)} / ${mib(large.peakRssBytes)} for 10,000 / 1,000,000 lines`;
    expect(large.retainedHeapBytes - small.retainedHeapBytes, figures).toBeLessThan(8 * 1024 * 1024);
    expect(large.peakRssBytes - small.peakRssBytes, figures).toBeLessThan(128 * 1024 * 1024);
  });
});
