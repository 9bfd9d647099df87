/**
 * What telemetry costs. Per call: create + retrieve pairs against the in-process stub (as § 2), the
 * client before the telemetry option existed ("today", core's sources at the commit before it, bundled
 * the same way as the current ones) against the current one without telemetry, with `@claid/otel`
 * on SDK providers that drop what they record, and `@claid/node` (which publishes on
 * diagnostics_channel, here with no subscriber). Bytes: the § 1 Worker with and without `@claid/otel`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createClaid as createCoreDistClaid } from "@claid/core";
import { createClaid as createNodeClaid } from "@claid/node";
import { claidTelemetry } from "@claid/otel";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { build } from "esbuild";
import { type BundleSize, bundleSize } from "../sizes.ts";
import { body, stub } from "./clients.ts";
import { row, type Stats, stats } from "./stats.ts";

const ROOT = join(import.meta.dirname, "../..");
const CACHE = join(ROOT, "node_modules/.cache/claid-bench-telemetry");
export const TELEMETRY_ROUNDS = 15;
export const TELEMETRY_PAIRS = 10_000;
const SLICES = 10;
const TODAY = "today (core before the telemetry option)";
/** The same code bundled and loaded a second time: how far two identical clients differ here (the noise). */
const TODAY_AGAIN = "today again (same code, own bundle: the noise)";
const OFF = "telemetry off";
const CORE_DIST = "built @claid/core, telemetry off";
const NODE = "@claid/node, telemetry off (diagnostics_channel, no subscriber)";

export interface TelemetryBench {
  /** The commit whose core is "today". */
  before: string;
  /** µs per pair, over rounds. */
  perPair: Record<string, Stats>;
  /** Per-round ratio of each client to "today". */
  vsToday: Record<string, Stats>;
  edge: { without: BundleSize; withOtel: BundleSize };
}

type CreateClaid = (options: object) => {
  batches: { create(b: unknown): Promise<unknown>; retrieve(id: number): Promise<unknown> };
};

/** `createClaid` of core's sources at `rev` (or the working tree), bundled by esbuild for Node. */
async function coreAt(rev: string | undefined, name: string): Promise<CreateClaid> {
  const dir = join(CACHE, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let entry = join(ROOT, "packages/core/src/index.ts");
  if (rev) {
    execFileSync("sh", ["-c", `git -C "${ROOT}" archive ${rev} packages/core/src | tar -x -C "${dir}"`]);
    entry = join(dir, "packages/core/src/index.ts");
  }
  const outfile = join(dir, "core.mjs");
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", outfile, logLevel: "silent" });
  return ((await import(pathToFileURL(outfile).href)) as { createClaid: CreateClaid }).createClaid;
}

export async function measureTelemetry(): Promise<TelemetryBench> {
  // The merge that brought telemetry into main, and main just before it: between that and now core's call path
  // changed only by telemetry (the option's own branch started from an older main, which would count every
  // core change merged meanwhile as telemetry's).
  const merged = execFileSync(
    "git",
    ["-C", ROOT, "log", "--first-parent", "--diff-filter=A", "--format=%H", "--", "packages/core/src/telemetry.ts"],
    { encoding: "utf8" },
  )
    .trim()
    .split("\n")
    .at(-1);
  const before = execFileSync("git", ["-C", ROOT, "rev-parse", "--short", `${merged}^1`], { encoding: "utf8" }).trim();
  const today = await coreAt(before, "today");
  const todayAgain = await coreAt(before, "today-again");
  const now = await coreAt(undefined, "now");
  const options = { apiKey: "test-key-0123", fetch: stub, rateLimit: "1000000000;w=1" };
  const otel = claidTelemetry({ tracerProvider: new BasicTracerProvider(), meterProvider: new MeterProvider() });
  const clients: [string, ReturnType<CreateClaid>][] = [
    [TODAY, today(options)],
    [TODAY_AGAIN, todayAgain(options)],
    [OFF, now(options)],
    ["@claid/otel on (SDK providers, nothing exported)", now({ ...options, telemetry: otel })],
    // @claid/node runs the built @claid/core: its reference is that build, without the node layer.
    [CORE_DIST, createCoreDistClaid(options as never)],
    [NODE, createNodeClaid(options)],
  ];
  const pair = async (claid: ReturnType<CreateClaid>) => {
    await claid.batches.create(body);
    await claid.batches.retrieve(1);
  };
  for (const [, claid] of clients) for (let i = 0; i < 3000; i++) await pair(claid);
  const perPair = new Map<string, number[]>(clients.map(([name]) => [name, []]));
  const ratios = new Map<string, number[]>(clients.map(([name]) => [name, []]));
  for (let r = 0; r < TELEMETRY_ROUNDS; r++) {
    const elapsed = new Map<string, number>();
    for (let s = 0; s < SLICES; s++) {
      for (const [name, claid] of clients) {
        const started = performance.now();
        for (let i = 0; i < TELEMETRY_PAIRS / SLICES; i++) await pair(claid);
        elapsed.set(name, (elapsed.get(name) ?? 0) + performance.now() - started);
      }
    }
    const base = elapsed.get(TODAY) ?? 1;
    for (const [name, ms] of elapsed) {
      perPair.get(name)?.push((ms * 1000) / TELEMETRY_PAIRS);
      ratios.get(name)?.push(ms / base);
    }
  }
  const program = (file: string) => join(import.meta.dirname, "../programs", file);
  return {
    before,
    perPair: Object.fromEntries([...perPair].map(([name, values]) => [name, stats(values)])),
    vsToday: Object.fromEntries([...ratios].map(([name, values]) => [name, stats(values)])),
    edge: {
      without: await bundleSize(program("claid-edge.ts")),
      withOtel: await bundleSize(program("claid-edge-otel.ts")),
    },
  };
}

/** The goal: without telemetry, a call costs what it did before the option existed (median per-round ratio). */
export function telemetryGoalRows(bench: TelemetryBench): string[] {
  const percent = (ratio: number) => `${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)} %`;
  const off = bench.vsToday[OFF]?.median ?? 0;
  const noise = bench.vsToday[TODAY_AGAIN]?.median ?? 0;
  const node = (bench.vsToday[NODE]?.median ?? 0) / (bench.vsToday[CORE_DIST]?.median ?? 1);
  return [
    row([
      "telemetry off costs ≤ 1 % per call (Telemetry section: @claid/core vs main before the option; @claid/node's diagnostics_channel vs the core it runs)",
      `${percent(off)}, ${percent(node)} (the same code twice: ${percent(noise)})`,
      off <= 1.01 && node <= 1.01 ? "met" : "**missed**",
    ]),
  ];
}

export function telemetrySection(bench: TelemetryBench, number = 8): string[] {
  const spread = (s: Stats, digits: number) => [s.min, s.median, s.max].map((n) => n.toFixed(digits)).join(" / ");
  const { without, withOtel } = bench.edge;
  return [
    `## ${number}. Telemetry: per call (create + retrieve, ${TELEMETRY_ROUNDS} rounds × ${TELEMETRY_PAIRS} pairs, interleaved; "today" is core at ${bench.before}) and bytes`,
    "",
    "| client | µs per pair | × today (per round) |",
    "|---|---:|---:|",
    ...Object.entries(bench.perPair).map(([name, s]) => row([name, spread(s, 1), spread(bench.vsToday[name] ?? s, 3)])),
    "",
    "| the § 1 Worker (@claid/edge create → wait) | min bytes | gzip bytes |",
    "|---|---:|---:|",
    row(["without telemetry", without.min, without.gzip]),
    row(["with @claid/otel (its code and @opentelemetry/api)", withOtel.min, withOtel.gzip]),
  ];
}

if (process.argv[1] === import.meta.filename) {
  const bench = await measureTelemetry();
  console.log([...telemetryGoalRows(bench), "", ...telemetrySection(bench)].join("\n"));
}
