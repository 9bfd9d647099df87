/**
 * One `processInBatches()` run in its own process, for the bulk-run bench: its peak RSS is its own and it can
 * be killed. argv = base URL, key, URL file, journal, download folder ("-": submit only), batch size, policy.
 * Prints { elapsedMs, peakRssBytes, totals } as JSON.
 */
import { createRequestPacer, processInBatches, type RequestPacer } from "@claid/node";
import { REQUEST } from "./bulk-run-request.ts";

const [
  baseUrl = "",
  apiKey = "",
  path = "",
  journal = "",
  out = "-",
  batchSize = "100",
  policy = "",
  marginMs = "200",
] = process.argv.slice(2);
/**
 * A scaled policy's pacer, its jitter margin scaled alike, and deaf to the mock's `RateLimit-Reset`: that
 * header counts whole seconds (as Claid's does), so at a tenth of Claid's windows it would hold the 0.1 s
 * window's slots for a full second.
 */
const scaledPacer = (): RequestPacer => {
  const inner = createRequestPacer({ policy, marginMs: Number(marginMs) });
  return {
    acquire: async (request) => {
      const release = await inner.acquire(request);
      return () => release(undefined);
    },
    delayMs: () => inner.delayMs(),
  };
};
const started = Date.now();
const summary = await processInBatches(
  { path },
  {
    // Claid's own policy: the client's pacer as users get it (margin 200 ms, heeding every RateLimit-* header).
    client: {
      apiKey,
      baseUrl,
      ...(!policy ? { rateLimit: false } : marginMs === "200" ? { rateLimit: policy } : { pacer: scaledPacer() }),
    },
    request: REQUEST,
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
