/**
 * One `processInBatches()` run in its own process, for the bulk-run bench: its peak RSS is its own and it can
 * be killed. argv = base URL, key, URL file, journal, download folder ("-": submit only), batch size, policy.
 * Prints { elapsedMs, peakRssBytes, totals } as JSON.
 */
import { processInBatches } from "@claid/node";

const [baseUrl = "", apiKey = "", path = "", journal = "", out = "-", batchSize = "100", policy = ""] =
  process.argv.slice(2);
const started = Date.now();
const summary = await processInBatches(
  { path },
  {
    client: { apiKey, baseUrl, rateLimit: policy || false },
    request: { operations: { resizing: { width: 100 } } },
    journal,
    batchSize: Number(batchSize),
    ...(out === "-" ? { wait: false } : { downloadDir: out }),
  },
);
const failureReasons: Record<string, number> = {};
for (const failure of summary.chunks.flatMap((c) => c.fileFailures ?? []))
  failureReasons[failure.reason] = (failureReasons[failure.reason] ?? 0) + 1;
process.stdout.write(
  JSON.stringify({
    elapsedMs: Date.now() - started,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    totals: summary.totals,
    toRetry: summary.toRetry.length,
    // Why files failed, by reason (the first 20 per batch are listed).
    failureReasons,
    sampleFailure: summary.chunks.flatMap((c) => c.fileFailures ?? [])[0]?.message,
  }),
);
