/**
 * Runs processInBatches over a URL file in its own process (so that its peak RSS is its own) and prints
 * what the memory test asserts on: peak RSS, the heap still in use after a full GC (sampled every 25th
 * chunk: what the run holds, without the garbage a GC has not collected yet), the most input lines held at
 * once, chunks and requests. Run with --expose-gc. argv = base URL, key, URL file, journal, batch size.
 */
import { processInBatches } from "../src/index.ts";

const [baseUrl = "", apiKey = "", path = "", journal = "", batchSize = "1000"] = process.argv.slice(2);
let inputsHeld = 0;
let retainedHeapBytes = 0;
const sampleRetainedHeap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  retainedHeapBytes = Math.max(retainedHeapBytes, process.memoryUsage().heapUsed);
};
const summary = await processInBatches(
  { path },
  {
    client: { apiKey, baseUrl, rateLimit: false },
    request: { operations: { resizing: { width: 100 } } },
    journal,
    batchSize: Number(batchSize),
    wait: false,
    onProgress: (p) => {
      inputsHeld = Math.max(inputsHeld, p.totals.inputsHeld);
      if (p.event === "submitted" && (p.chunk?.number ?? 0) % 25 === 1) sampleRetainedHeap();
    },
  },
);
process.stdout.write(
  JSON.stringify({
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    retainedHeapBytes,
    inputsHeld,
    chunks: summary.chunks.length,
    submitted: summary.totals.batches.submitted,
    urls: summary.totals.urlCount,
  }),
);
