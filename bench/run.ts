/**
 * npm run bench prints the report; `npm run bench -- --write` (or `npm run
 * bench:update`) also writes the committed bench/results.md + bench/results.json,
 * so a run to look at the numbers leaves the work tree clean. Every figure is
 * measured side by side in this one run; timings are reported, never asserted
 * (only bundle bytes are budgets, enforced by npm test from bench/budgets.json).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { generateHeyApi } from "./hey-api.ts";
import { bullmqFleetGoalRows, bullmqFleetSection, measureBullmqFleet } from "./measure/bullmq-fleet.ts";
import { CODEGEN_RUNS, measureCodegen } from "./measure/codegen.ts";
import { IMPORT_RUNS, measureImports, measureWorkerdStartup, WORKERD_RUNS } from "./measure/cold-start.ts";
import { downloadGoalRows, downloadSection, measureDownload } from "./measure/download.ts";
import { fleetSection, measureFleet } from "./measure/fleet.ts";
import { measureOverhead, PAIRS_PER_ROUND, ROUNDS } from "./measure/overhead.ts";
import { measurePolling } from "./measure/polling.ts";
import { row, type Stats } from "./measure/stats.ts";
import { measureTypecheck } from "./measure/typecheck.ts";
import { type BundleSize, bundleSize, type Platform } from "./sizes.ts";

const HERE = import.meta.dirname;
const program = (file: string) => join(HERE, "programs", file);
const budgets = JSON.parse(readFileSync(join(HERE, "budgets.json"), "utf8")) as Record<string, { goalGzip?: number }>;
const EDGE_GOAL = budgets["@claid/edge create → wait"]?.goalGzip ?? 0;
const RATIO_GOAL = 1.15;
const TYPECHECK_GOAL = 1.2;
const WRITE = process.argv.includes("--write");

await generateHeyApi();

// 1. Bundle size of the same Worker-style create → wait job.
const programs: Record<string, [string, Platform]> = {
  "raw fetch (floor)": ["raw-fetch.ts", "neutral"],
  "bare openapi-fetch": ["openapi-fetch.ts", "neutral"],
  "hey-api + hand-written polling": ["hey-api.ts", "neutral"],
  "@claid/edge": ["claid-edge.ts", "neutral"],
  "@claid/browser": ["claid-browser.ts", "browser"],
  "@claid/node": ["claid-node.ts", "node"],
};
const sizes: Record<string, BundleSize> = {};
for (const [name, [file, platform]] of Object.entries(programs))
  sizes[name] = await bundleSize(program(file), platform);

// 2. Per-call overhead and heap.
const overhead = await measureOverhead();

// 3. Polling efficiency on a fake clock.
const polling = await measurePolling();

// 4. Cold start.
const imports = await measureImports(["@claid/node", "@claid/edge", "openapi-fetch"]);
const workerd = await measureWorkerdStartup({
  "raw fetch (floor)": program("raw-fetch.ts"),
  "bare openapi-fetch": program("openapi-fetch.ts"),
  "hey-api + hand-written polling": program("hey-api.ts"),
  "@claid/edge": program("claid-edge.ts"),
});

// 5. Type-check cost. 6. Codegen.
const typecheck = measureTypecheck();
const codegen = await measureCodegen();

// 7. Downloading results.
const download = await measureDownload();

// 8. A fleet of processes on one key, through the Redis pacer.
const fleet = await measureFleet();

// 9. A BullMQ fleet (examples/bullmq-fleet) with a killed worker.
const bullmqFleet = await measureBullmqFleet();

const machine = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, Node ${process.version}`;
const date = new Date().toISOString();
const resultsJson = `${JSON.stringify({ date, machine, sizes, overhead, polling, coldStart: { imports, workerd }, typecheck, codegen, download, fleet, bullmqFleet }, null, 2)}\n`;

const kB = (bytes: number) => (bytes / 1000).toFixed(2);
const spread = (s: Stats, digits = 1) => [s.min, s.median, s.max].map((n) => n.toFixed(digits)).join(" / ");
const edge = sizes["@claid/edge"]?.gzip ?? 0;
const bareSize = sizes["bare openapi-fetch"]?.gzip ?? 1;
const floor = sizes["raw fetch (floor)"]?.gzip ?? 1;
const rawPair = overhead.perPair["raw fetch"]?.median ?? 1;
const coreRatio = overhead.vsOpenapiFetch["@claid/core"]?.median ?? 0;
const heyRatio = overhead.vsOpenapiFetch["hey-api"]?.median ?? 0;
const unpacedRatio = overhead.vsOpenapiFetch["@claid/core, rateLimit: false"]?.median ?? 1;
const pacerCost = coreRatio / unpacedRatio - 1;
const tcCore = typecheck["@claid/core"];
const tcBare = typecheck["bare openapi-fetch"];
const tcRatio = (tcCore?.checkTimeMs.median ?? 0) / (tcBare?.checkTimeMs.median ?? 1);
const met = (ok: boolean) => (ok ? "met" : "**missed**");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const limitedRow = (r: (typeof polling.limited)[number]) =>
  row([
    r.run,
    r.client,
    r.rateLimited,
    `${r.succeeded} / ${r.operations}`,
    `${seconds(r.elapsedMs)} / ${seconds(r.floorMs)}`,
    `${r.requests} / ${r.minimumRequests}`,
    `${seconds(r.latencyP50Ms)} / ${seconds(r.latencyP95Ms)}`,
  ]);
const coreLimited = polling.limited.filter((r) => r.client === "@claid/core");
const core429s = coreLimited.reduce((sum, r) => sum + r.rateLimited, 0);

const md = [
  "# Benchmarks",
  "",
  `${machine}; \`npm run bench\`, ${date}. Figures are min / median / max where repeated.`,
  "",
  "## Goals",
  "",
  "| goal | measured | |",
  "|---|---|---|",
  row([`@claid/edge create → wait ≤ ${kB(EDGE_GOAL)} kB gzip`, `${kB(edge)} kB`, met(edge <= EDGE_GOAL)]),
  row([`per call ≤ ${RATIO_GOAL}× bare openapi-fetch`, `${coreRatio.toFixed(2)}×`, met(coreRatio <= RATIO_GOAL)]),
  row([
    "per call faster than hey-api",
    `${coreRatio.toFixed(2)}× vs ${heyRatio.toFixed(2)}×`,
    met(coreRatio < heyRatio),
  ]),
  row([
    "the pacer adds ≤ 5 % per call (§ 2, vs the same client with rateLimit: false)",
    `${(pacerCost * 100).toFixed(1)} %`,
    met(pacerCost <= 0.05),
  ]),
  row(["no 429 under Claid's rate limits (@claid/core, § 3)", `${core429s} 429s`, met(core429s === 0)]),
  row([
    `type-check ≤ ${TYPECHECK_GOAL}× bare openapi-fetch`,
    `${tcRatio.toFixed(2)}× check time`,
    met(tcRatio <= TYPECHECK_GOAL),
  ]),
  ...downloadGoalRows(download),
  ...bullmqFleetGoalRows(bullmqFleet),
  "",
  "## 1. Bundle size: a Worker doing create → wait (esbuild, minified ESM, gzip -9)",
  "",
  "| program | min bytes | gzip bytes | × raw fetch | × bare openapi-fetch |",
  "|---|---:|---:|---:|---:|",
  ...Object.entries(sizes).map(([name, s]) =>
    row([name, s.min, s.gzip, (s.gzip / floor).toFixed(1), (s.gzip / bareSize).toFixed(2)]),
  ),
  "",
  `## 2. Per-call overhead: create + retrieve against an in-process fetch stub (${ROUNDS} rounds × ${PAIRS_PER_ROUND} pairs after warm-up, clients interleaved)`,
  "",
  "| client | µs per pair | × bare openapi-fetch (per round) | × raw fetch | heap bytes per pair |",
  "|---|---:|---:|---:|---:|",
  ...Object.entries(overhead.perPair).map(([name, s]) =>
    row([
      name,
      spread(s),
      spread(overhead.vsOpenapiFetch[name] ?? s, 2),
      (s.median / rawPair).toFixed(2),
      overhead.heapBytesPerPair[name] ?? "",
    ]),
  ),
  "",
  "## 3. Polling efficiency (default options; @claid/msw on a fake clock)",
  "",
  "| job takes | GETs until DONE is seen | detection latency |",
  "|---:|---:|---:|",
  ...polling.jobs.map((j) => row([`${j.durationMs / 1000} s`, j.gets, `${j.detectionLatencyMs / 1000} s`])),
  "",
  "Under Claid's rate limits (the mock enforces 120 per minute and 4 per second per key as sliding windows).",
  "The floor is the earliest finish an ideal client could reach under those windows with one POST per job and",
  'one GET per job once it is DONE; "@claid/core" is the client as shipped (its pacer on), "rateLimit: false" the same',
  "client without pacing, for comparison. Latency: DONE → `wait()` resolved for the waits, start → resolved",
  "for the others (successes only).",
  "",
  "| run | client | 429s | succeeded | total time / floor | requests / minimum | p50 / p95 latency |",
  "|---|---|---:|---:|---:|---:|---:|",
  ...polling.limited.map(limitedRow),
  "",
  "## 4. Cold start",
  "",
  `\`await import()\` in a fresh Node process (${IMPORT_RUNS} runs), ms:`,
  "",
  "| package | min / median / max |",
  "|---|---:|",
  ...Object.entries(imports).map(([name, s]) => row([name, spread(s)])),
  "",
  `The Worker bundle in workerd: \`new Miniflare()\` until ready (${WORKERD_RUNS} runs, workerd process start included), ms:`,
  "",
  "| program | min / median / max |",
  "|---|---:|",
  ...Object.entries(workerd).map(([name, s]) => row([name, spread(s)])),
  "",
  "## 5. Type-check cost: a consumer calling both operations with a fully populated `operations` object (`tsc --extendedDiagnostics`)",
  "",
  "| client | instantiations | types | check time ms | memory |",
  "|---|---:|---:|---:|---:|",
  ...Object.entries(typecheck).map(([name, t]) =>
    row([name, t.instantiations, t.types, spread(t.checkTimeMs, 0), `${Math.round(t.memoryKB / 1024)} MB`]),
  ),
  "",
  `## 6. Codegen: renderAll() of a changed spec (${CODEGEN_RUNS} runs): ${spread(codegen)} ms`,
  "",
  ...downloadSection(download, 7),
  ...fleetSection(fleet, 8),
  ...bullmqFleetSection(bullmqFleet, 9),
].join("\n");
console.log(md);
if (WRITE) {
  writeFileSync(join(HERE, "results.json"), resultsJson);
  writeFileSync(join(HERE, "results.md"), md);
  console.log("Wrote bench/results.md and bench/results.json.");
} else {
  console.log(
    "Not written: `npm run bench -- --write` (or `npm run bench:update`) updates bench/results.md and bench/results.json.",
  );
}
