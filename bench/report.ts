/**
 * bench/results.json → bench/results.md and the README's Performance figures. The report is
 * rendered from the stored results, so a run of some sections (`--only`) rewrites the whole
 * report with the other sections as their last run left them, each dated.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type BulkRunBench, bulkRunSection } from "./measure/bulk-run.ts";
import { type BullmqFleetBench, bullmqFleetGoalRows, bullmqFleetSection } from "./measure/bullmq-fleet.ts";
import type { Footprint } from "./measure/cli.ts";
import { type DownloadBench, downloadGoalRows, downloadSection } from "./measure/download.ts";
import { type FleetBench, fleetSection } from "./measure/fleet.ts";
import type { Overhead } from "./measure/overhead.ts";
import type { Polling } from "./measure/polling.ts";
import { row, type Stats } from "./measure/stats.ts";
import { type TelemetryBench, telemetryGoalRows, telemetrySection } from "./measure/telemetry.ts";
import type { TypecheckCost } from "./measure/typecheck.ts";
import type { WranglerBuild, WranglerSize } from "./measure/wrangler.ts";
import type { BundleSize } from "./sizes.ts";

export const SECTIONS = [
  "sizes",
  "overhead",
  "polling",
  "coldStart",
  "typecheck",
  "codegen",
  "download",
  "cli",
  "footprint",
  "telemetry",
  "bulkRun",
  "fleet",
  "bullmqFleet",
] as const;
export type Section = (typeof SECTIONS)[number];

export interface Results {
  machine: string;
  /** When each section was last measured (ISO). */
  sectionDates?: Partial<Record<Section, string>>;
  /** Date of the last run, kept for results written before sections were dated. */
  date?: string;
  sizes?: Record<string, BundleSize>;
  /** The README's Worker snippet built by `wrangler deploy --dry-run --minify` (part of "sizes"). */
  wrangler?: WranglerSize;
  overhead?: Overhead;
  polling?: Polling;
  coldStart?: { imports: Record<string, Stats>; workerd: Record<string, Stats> };
  typecheck?: Record<string, TypecheckCost>;
  codegen?: Stats;
  download?: DownloadBench;
  cli?: { versionMs: Record<string, Stats>; runs: number };
  footprint?: Record<string, Footprint>;
  telemetry?: TelemetryBench;
  bulkRun?: BulkRunBench;
  fleet?: FleetBench;
  bullmqFleet?: BullmqFleetBench;
}

export interface Goals {
  edgeGzip: number;
  ratio: number;
  typecheck: number;
}

/** The goals the report judges: the edge budget from bench/budgets.json, the others set by issues. */
export function readGoals(): Goals {
  const budgets = JSON.parse(readFileSync(join(import.meta.dirname, "budgets.json"), "utf8")) as Record<
    string,
    { goalGzip?: number }
  >;
  return { edgeGzip: budgets["@claid/edge create → wait"]?.goalGzip ?? 0, ratio: 1.15, typecheck: 1.2 };
}

export const EDGE_PROGRAM = "@claid/edge";
export const kB = (bytes: number) => (bytes / 1000).toFixed(2);
export const MB = (bytes: number) => (bytes / 1e6).toFixed(1);
const spread = (s: Stats, digits = 1) => [s.min, s.median, s.max].map((n) => n.toFixed(digits)).join(" / ");
const met = (ok: boolean) => (ok ? "met" : "**missed**");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const when = (r: Results, section: Section) => r.sectionDates?.[section] ?? r.date ?? "never";

/** A section's lines, or a note that its stored results are missing or from an older bench. */
function section(name: Section, render: () => string[], heading?: string): string[] {
  try {
    return render();
  } catch {
    // Not run yet, or stored by an older bench in a shape today's report does not read.
    const note = `(No results in this bench's format: \`npm run bench -- --only ${name} --write\`.)`;
    return heading ? [heading, "", note, ""] : [note, ""];
  }
}

const wranglerRow = (label: string, build: WranglerBuild) =>
  row([
    build.reportedGzipKiB === undefined ? label : `${label} (wrangler prints ${build.reportedGzipKiB} KiB gzip)`,
    build.min,
    build.gzip,
  ]);

/** A section's goal rows; none when it has not run or was stored by an older bench (its section says so). */
function goalRows<T>(stored: T | undefined, rows: (stored: T) => string[]): string[] {
  try {
    return stored ? rows(stored) : [];
  } catch {
    return [];
  }
}

export function renderReport(r: Results, goals: Goals): string {
  const sizes = r.sizes ?? {};
  const edge = sizes[EDGE_PROGRAM]?.gzip ?? 0;
  const bareSize = sizes["bare openapi-fetch"]?.gzip ?? 1;
  const floor = sizes["raw fetch (floor)"]?.gzip ?? 1;
  const o = r.overhead;
  const coreRatio = o?.vsOpenapiFetch["@claid/core"]?.median ?? 0;
  const heyRatio = o?.vsOpenapiFetch["hey-api"]?.median ?? 0;
  const unpacedRatio = o?.vsOpenapiFetch["@claid/core, rateLimit: false"]?.median ?? 1;
  const pacerCost = coreRatio / unpacedRatio - 1;
  const tcRatio =
    (r.typecheck?.["@claid/core"]?.checkTimeMs.median ?? 0) /
    (r.typecheck?.["bare openapi-fetch"]?.checkTimeMs.median ?? 1);
  const coreLimited = r.polling?.limited.filter((l) => l.client === "@claid/core") ?? [];
  const core429s = coreLimited.reduce((sum, l) => sum + l.rateLimited, 0);
  const dates = SECTIONS.map((s) => `${s} ${when(r, s)}`).join("; ");

  return [
    "# Benchmarks",
    "",
    `${r.machine}; \`npm run bench\` (\`--only <sections>\` reruns some and keeps the others). Figures are min / median / max where repeated.`,
    "",
    `Last measured: ${dates}.`,
    "",
    "## Goals",
    "",
    "| goal | measured | |",
    "|---|---|---|",
    r.sizes &&
      row([`@claid/edge create → wait ≤ ${kB(goals.edgeGzip)} kB gzip`, `${kB(edge)} kB`, met(edge <= goals.edgeGzip)]),
    o &&
      row([`per call ≤ ${goals.ratio}× bare openapi-fetch`, `${coreRatio.toFixed(2)}×`, met(coreRatio <= goals.ratio)]),
    o &&
      row([
        "per call faster than hey-api",
        `${coreRatio.toFixed(2)}× vs ${heyRatio.toFixed(2)}×`,
        met(coreRatio < heyRatio),
      ]),
    o &&
      row([
        "the pacer adds ≤ 5 % per call (§ 2, vs the same client with rateLimit: false)",
        `${(pacerCost * 100).toFixed(1)} %`,
        met(pacerCost <= 0.05),
      ]),
    r.polling && row(["no 429 under Claid's rate limits (@claid/core, § 3)", `${core429s} 429s`, met(core429s === 0)]),
    r.typecheck &&
      row([
        `type-check ≤ ${goals.typecheck}× bare openapi-fetch`,
        `${tcRatio.toFixed(2)}× check time`,
        met(tcRatio <= goals.typecheck),
      ]),
    ...goalRows(r.download, downloadGoalRows),
    ...goalRows(r.telemetry, telemetryGoalRows),
    ...goalRows(r.bullmqFleet, bullmqFleetGoalRows),
    "",
    "## 1. Bundle size: a Worker doing create → wait (esbuild, minified ESM, gzip -9)",
    "",
    ...section("sizes", () => {
      if (!r.sizes) throw new Error("not run");
      return [
        "| program | min bytes | gzip bytes | × raw fetch | × bare openapi-fetch |",
        "|---|---:|---:|---:|---:|",
        ...Object.entries(sizes).map(([name, s]) =>
          row([name, s.min, s.gzip, (s.gzip / floor).toFixed(1), (s.gzip / bareSize).toFixed(2)]),
        ),
        "",
        ...(r.wrangler
          ? [
              "The README's Cloudflare Worker snippet (it calls `createAndWait`), built as a user deploys it, beside the esbuild bundle of the same file:",
              "",
              "| build of the README's Worker snippet | min bytes | gzip bytes |",
              "|---|---:|---:|",
              wranglerRow("`wrangler deploy --dry-run --minify --outdir`", r.wrangler),
              wranglerRow("the same with `keep_names = false` in wrangler.toml", r.wrangler.withoutKeepNames),
              row(["esbuild as above", r.wrangler.esbuild.min, r.wrangler.esbuild.gzip]),
              "",
            ]
          : []),
      ];
    }),
    `## 2. Per-call overhead: create + retrieve against an in-process fetch stub (rounds × pairs after warm-up, clients interleaved)`,
    "",
    ...section("overhead", () => {
      if (!o) throw new Error("not run");
      const rawPair = o.perPair["raw fetch"]?.median ?? 1;
      return [
        "| client | µs per pair | × bare openapi-fetch (per round) | × raw fetch | heap bytes per pair |",
        "|---|---:|---:|---:|---:|",
        ...Object.entries(o.perPair).map(([name, s]) =>
          row([
            name,
            spread(s),
            spread(o.vsOpenapiFetch[name] ?? s, 2),
            (s.median / rawPair).toFixed(2),
            o.heapBytesPerPair[name] ?? "",
          ]),
        ),
        "",
      ];
    }),
    "## 3. Polling efficiency (default options; @claid/msw on a fake clock)",
    "",
    ...section("polling", () => {
      const p = r.polling;
      if (!p) throw new Error("not run");
      return [
        "| job takes | GETs until DONE is seen | detection latency |",
        "|---:|---:|---:|",
        ...p.jobs.map((j) => row([`${j.durationMs / 1000} s`, j.gets, `${j.detectionLatencyMs / 1000} s`])),
        "",
        "Under Claid's rate limits (the mock enforces 120 per minute and 4 per second per key as sliding windows).",
        "The floor is the earliest finish an ideal client could reach under those windows with one POST per job and",
        'one GET per job once it is DONE; "@claid/core" is the client as shipped (its pacer on), "rateLimit: false" the same',
        "client without pacing, for comparison. Latency: DONE → `wait()` resolved for the waits, start → resolved",
        "for the others (successes only).",
        "",
        "| run | client | 429s | succeeded | total time / floor | requests / minimum | p50 / p95 latency |",
        "|---|---|---:|---:|---:|---:|---:|",
        ...p.limited.map((l) =>
          row([
            l.run,
            l.client,
            l.rateLimited,
            `${l.succeeded} / ${l.operations}`,
            `${seconds(l.elapsedMs)} / ${seconds(l.floorMs)}`,
            `${l.requests} / ${l.minimumRequests}`,
            `${seconds(l.latencyP50Ms)} / ${seconds(l.latencyP95Ms)}`,
          ]),
        ),
        "",
      ];
    }),
    "## 4. Cold start",
    "",
    ...section("coldStart", () => {
      const c = r.coldStart;
      if (!c) throw new Error("not run");
      return [
        "`await import()` in a fresh Node process, ms:",
        "",
        "| package | min / median / max |",
        "|---|---:|",
        ...Object.entries(c.imports).map(([name, s]) => row([name, spread(s)])),
        "",
        "The Worker bundle in workerd: `new Miniflare()` until ready (workerd process start included), ms:",
        "",
        "| program | min / median / max |",
        "|---|---:|",
        ...Object.entries(c.workerd).map(([name, s]) => row([name, spread(s)])),
        "",
      ];
    }),
    ...section("cli", () => {
      const c = r.cli;
      if (!c) throw new Error("not run");
      return [
        `The CLI: a whole process, started ${c.runs} times each, taking turns (\`packages/cli/bin/claid.js\` as built; \`node -e 0\` is the floor), ms:`,
        "",
        "| command | min / median / max |",
        "|---|---:|",
        ...Object.entries(c.versionMs).map(([name, s]) => row([`\`${name}\``, spread(s)])),
        "",
      ];
    }),
    "## 5. Type-check cost: a consumer calling both operations with a fully populated `operations` object (`tsc --extendedDiagnostics`)",
    "",
    ...section("typecheck", () => {
      if (!r.typecheck) throw new Error("not run");
      return [
        "| client | instantiations | types | check time ms | memory |",
        "|---|---:|---:|---:|---:|",
        ...Object.entries(r.typecheck).map(([name, t]) =>
          row([name, t.instantiations, t.types, spread(t.checkTimeMs, 0), `${Math.round(t.memoryKB / 1024)} MB`]),
        ),
        "",
      ];
    }),
    ...section("codegen", () => {
      if (!r.codegen) throw new Error("not run");
      return [`## 6. Codegen: renderAll() of a changed spec: ${spread(r.codegen)} ms`, ""];
    }),
    ...section(
      "download",
      () => {
        if (!r.download) throw new Error("not run");
        return [...downloadSection(r.download, 7), ""];
      },
      "## 7. Downloading results",
    ),
    "## 8. Install footprint: `npm pack` of every package, then `npm install <tarball>` into an empty project (@claid/* from the tarballs)",
    "",
    ...section("footprint", () => {
      if (!r.footprint) throw new Error("not run");
      return [
        "| package installed | node_modules MB | packages (itself included) |",
        "|---|---:|---:|",
        ...Object.entries(r.footprint).map(([name, f]) => row([name, MB(f.bytes), f.packages])),
        "",
      ];
    }),
    ...section(
      "telemetry",
      () => {
        if (!r.telemetry) throw new Error("not run");
        return [...telemetrySection(r.telemetry, 9), ""];
      },
      "## 9. Telemetry",
    ),
    ...section(
      "bulkRun",
      () => {
        if (!r.bulkRun) throw new Error("not run");
        return [...bulkRunSection(r.bulkRun, 10), ""];
      },
      "## 10. 10,000 URLs → files",
    ),
    ...section(
      "fleet",
      () => {
        if (!r.fleet) throw new Error("not run");
        return [...fleetSection(r.fleet, 11), ""];
      },
      "## 11. A fleet on one key (Redis pacer)",
    ),
    ...section(
      "bullmqFleet",
      () => {
        if (!r.bullmqFleet) throw new Error("not run");
        return [...bullmqFleetSection(r.bullmqFleet, 12), ""];
      },
      "## 12. The BullMQ fleet example",
    ),
  ]
    .filter((line): line is string => typeof line === "string")
    .join("\n");
}

export const README_START = "<!-- bench:performance -->";
export const README_END = "<!-- /bench:performance -->";

const median = (s: Stats | undefined, digits = 0) => (s ? s.median.toFixed(digits) : "—");

/** The README's Performance figures: every one read from the results. */
export function renderReadmePerformance(r: Results, goals: Goals): string {
  const size = (name: string) => (r.sizes?.[name] ? `${kB(r.sizes[name].gzip)} kB` : "—");
  const pair = (name: string) => median(r.overhead?.perPair[name]);
  const heap = (name: string) => {
    const bytes = r.overhead?.heapBytesPerPair[name];
    return bytes === undefined ? "—" : `${kB(bytes)} kB`;
  };
  const workerd = (name: string) => `${median(r.coldStart?.workerd[name])} ms`;
  const tc = (name: string) => {
    const t = r.typecheck?.[name];
    return t ? `${t.checkTimeMs.median.toFixed(0)} ms / ${t.instantiations.toLocaleString("en")}` : "—";
  };
  const coreRatio = r.overhead?.vsOpenapiFetch["@claid/core"]?.median;
  const edge = r.sizes?.[EDGE_PROGRAM]?.gzip ?? 0;
  const version = r.cli?.versionMs;
  const footprint = (name: string) => {
    const f = r.footprint?.[name];
    return f ? `${MB(f.bytes)} MB / ${f.packages} packages` : "—";
  };
  return [
    README_START,
    `From the bench's latest results (${r.machine}; each section's date is in [bench/results.md](bench/results.md)):`,
    "",
    "| | raw fetch | bare openapi-fetch | hey-api | Claid SDK |",
    "|---|---:|---:|---:|---:|",
    row([
      "create → wait Worker bundle, gzip (esbuild)",
      size("raw fetch (floor)"),
      size("bare openapi-fetch"),
      size("hey-api + hand-written polling"),
      `${size(EDGE_PROGRAM)} (\`@claid/edge\`)`,
    ]),
    row([
      "create + retrieve, µs per pair (median)",
      pair("raw fetch"),
      pair("bare openapi-fetch"),
      pair("hey-api"),
      `${pair("@claid/core")} (\`@claid/core\`${coreRatio === undefined ? "" : `, ${coreRatio.toFixed(2)}×`})`,
    ]),
    row([
      "heap allocated per pair",
      heap("raw fetch"),
      heap("bare openapi-fetch"),
      heap("hey-api"),
      heap("@claid/core"),
    ]),
    row([
      "workerd startup, median",
      workerd("raw fetch (floor)"),
      workerd("bare openapi-fetch"),
      workerd("hey-api + hand-written polling"),
      workerd(EDGE_PROGRAM),
    ]),
    row([
      "type-check of a full consumer (check time / instantiations)",
      "—",
      tc("bare openapi-fetch"),
      "—",
      tc("@claid/core"),
    ]),
    "",
    r.wrangler
      ? `The Cloudflare Worker snippet above (it calls \`createAndWait\`), built as it is deployed (\`wrangler deploy --dry-run --minify\`), is ${kB(r.wrangler.gzip)} kB gzip${r.wrangler.reportedGzipKiB === undefined ? "" : ` (wrangler prints ${r.wrangler.reportedGzipKiB} KiB)`}; esbuild bundles the same file to ${kB(r.wrangler.esbuild.gzip)} kB. Most of the difference is wrangler's \`keep_names\` (on by default), which the SDK does not need: with \`keep_names = false\` in wrangler.toml the build is ${kB(r.wrangler.withoutKeepNames.gzip)} kB.`
      : "",
    `The create → wait Worker's budget is ${kB(goals.edgeGzip)} kB gzip (${edge <= goals.edgeGzip ? "met" : `**not met**: ${kB(edge)} kB`}; [bench/budgets.json](bench/budgets.json) says what it holds).`,
    version
      ? `\`claid --version\` takes ${median(version["claid --version"])} ms (median of whole process starts; \`node -e 0\`: ${median(version["node -e 0"])} ms).`
      : "",
    r.footprint
      ? `Installing from the packed tarballs: \`@claid/cli\` ${footprint("@claid/cli")}, \`@claid/node\` ${footprint("@claid/node")} (node_modules, packages counted with the one installed).`
      : "",
    README_END,
  ]
    .filter((line, i, all) => line !== "" || all[i - 1] !== "")
    .join("\n");
}

/** `readme` with its Performance block replaced by the one rendered from `r`. */
export function withReadmePerformance(readme: string, r: Results, goals: Goals): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error("README.md has no bench:performance block");
  return readme.slice(0, start) + renderReadmePerformance(r, goals) + readme.slice(end + README_END.length);
}
