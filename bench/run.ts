/**
 * npm run bench prints the report; `npm run bench -- --write` (or `npm run
 * bench:update`) also writes the committed bench/results.md + bench/results.json
 * and the README's Performance figures, so a run to look at the numbers leaves
 * the work tree clean. `--only sizes,cli` runs those sections and keeps the
 * others' stored results (each section is dated). Every figure of a section is
 * measured side by side in one run; timings are reported, never asserted (only
 * bundle bytes are budgets, enforced by npm test from bench/budgets.json).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { generateHeyApi } from "./hey-api.ts";
import { measureBulkRun } from "./measure/bulk-run.ts";
import { measureBullmqFleet } from "./measure/bullmq-fleet.ts";
import { measureInstallFootprint, measureVersionTime, VERSION_RUNS } from "./measure/cli.ts";
import { measureCodegen } from "./measure/codegen.ts";
import { measureImports, measureWorkerdStartup } from "./measure/cold-start.ts";
import { measureDownload } from "./measure/download.ts";
import { measureFleet } from "./measure/fleet.ts";
import { measureOverhead } from "./measure/overhead.ts";
import { measurePolling } from "./measure/polling.ts";
import { measureTelemetry } from "./measure/telemetry.ts";
import { measureTypecheck } from "./measure/typecheck.ts";
import { measureWranglerBuild } from "./measure/wrangler.ts";
import { type Results, readGoals, renderReport, SECTIONS, type Section, withReadmePerformance } from "./report.ts";
import { type BundleSize, bundleSize, type Platform } from "./sizes.ts";

const HERE = import.meta.dirname;
const RESULTS = join(HERE, "results.json");
const README = join(HERE, "../README.md");
const program = (file: string) => join(HERE, "programs", file);
const WRITE = process.argv.includes("--write");
const onlyArg = process.argv.find((arg) => arg.startsWith("--only"));
const onlyValue = onlyArg === "--only" ? process.argv[process.argv.indexOf(onlyArg) + 1] : onlyArg?.split("=")[1];
const only = onlyValue?.split(",").map((name) => name.trim());
for (const name of only ?? []) {
  if (!(SECTIONS as readonly string[]).includes(name)) {
    throw new Error(`--only: unknown section ${JSON.stringify(name)} (sections: ${SECTIONS.join(", ")})`);
  }
}
const runs = (section: Section) => !only || only.includes(section);

const stored: Partial<Results> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
const machine = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, Node ${process.version}`;
const results: Results = { ...stored, machine };
const sectionDates: Partial<Record<Section, string>> = { ...stored.sectionDates };
for (const section of SECTIONS)
  if (stored[section] && !sectionDates[section] && stored.date) sectionDates[section] = stored.date;
const done = (section: Section) => {
  sectionDates[section] = new Date().toISOString();
};

if (runs("sizes") || runs("overhead") || runs("typecheck") || runs("coldStart")) await generateHeyApi();

// 1. Bundle size of the same Worker-style create → wait job, and the README's Worker built by wrangler.
if (runs("sizes")) {
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
  results.sizes = sizes;
  results.wrangler = await measureWranglerBuild();
  done("sizes");
}

// 2. Per-call overhead and heap.
if (runs("overhead")) {
  results.overhead = await measureOverhead();
  done("overhead");
}

// 3. Polling efficiency on a fake clock.
if (runs("polling")) {
  results.polling = await measurePolling();
  done("polling");
}

// 4. Cold start.
if (runs("coldStart")) {
  const imports = await measureImports(["@claid/node", "@claid/edge", "openapi-fetch"]);
  const workerd = await measureWorkerdStartup({
    "raw fetch (floor)": program("raw-fetch.ts"),
    "bare openapi-fetch": program("openapi-fetch.ts"),
    "hey-api + hand-written polling": program("hey-api.ts"),
    "@claid/edge": program("claid-edge.ts"),
  });
  results.coldStart = { imports, workerd };
  done("coldStart");
}

// 5. Type-check cost. 6. Codegen.
if (runs("typecheck")) {
  results.typecheck = measureTypecheck();
  done("typecheck");
}
if (runs("codegen")) {
  results.codegen = await measureCodegen();
  done("codegen");
}

// 7. Downloading results.
if (runs("download")) {
  results.download = await measureDownload();
  done("download");
}

// The CLI: start-up time of `claid --version`, and what installing it (and @claid/node) brings.
if (runs("cli")) {
  results.cli = { versionMs: measureVersionTime(), runs: VERSION_RUNS };
  done("cli");
}
if (runs("footprint")) {
  results.footprint = measureInstallFootprint(["@claid/cli", "@claid/node"]);
  done("footprint");
}

// 9. Telemetry: per-call cost off / on, edge bytes with and without @claid/otel.
if (runs("telemetry")) {
  results.telemetry = await measureTelemetry();
  done("telemetry");
}

// 10. 10,000 URLs → files in one resumable run (alone: npx tsx bench/measure/bulk-run.ts).
if (runs("bulkRun")) {
  results.bulkRun = await measureBulkRun();
  done("bulkRun");
}

// 11. A fleet of processes on one key, through the Redis pacer.
if (runs("fleet")) {
  results.fleet = await measureFleet();
  done("fleet");
}

// 12. The BullMQ fleet example: 2,000 URLs over 3 workers, undisturbed and with one SIGKILLed.
if (runs("bullmqFleet")) {
  results.bullmqFleet = await measureBullmqFleet();
  done("bullmqFleet");
}

results.sectionDates = sectionDates;
delete results.date; // every section carries its own date now
const goals = readGoals();
const md = `${renderReport(results, goals)}\n`;
console.log(md);
if (WRITE) {
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(HERE, "results.md"), md);
  writeFileSync(README, withReadmePerformance(readFileSync(README, "utf8"), results, goals));
  console.log("Wrote bench/results.md, bench/results.json and README.md's Performance figures.");
} else {
  console.log(
    "Not written: `npm run bench -- --write` (or `npm run bench:update`) updates bench/results.md, bench/results.json and README.md's Performance figures.",
  );
}
