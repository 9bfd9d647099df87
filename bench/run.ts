/**
 * npm run bench → bench/results.md + bench/results.json. Timings are reported,
 * never asserted (only bundle bytes are budgets, in npm test).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { createClaid } from "@claid/core";
import createClient from "openapi-fetch";
import type { paths } from "../packages/core/src/generated/schema.ts";
import { renderAll } from "../scripts/generate/index.ts";
import { bundleSize } from "./sizes.ts";

const HERE = import.meta.dirname;
const ROOT = join(HERE, "..");
const ROUNDS = 5;
const ITERATIONS = 20_000;

type Stats = { min: number; median: number; max: number };
const stats = (values: number[]): Stats => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
};
const round1 = (n: number) => Math.round(n * 10) / 10;

// 1. Bundle size of the same create → wait job.
const programs = {
  "raw fetch (floor)": ["raw-fetch.ts", "neutral"],
  "bare openapi-fetch": ["openapi-fetch.ts", "neutral"],
  "@claid/edge": ["claid-edge.ts", "neutral"],
  "@claid/browser": ["claid-browser.ts", "browser"],
  "@claid/node": ["claid-node.ts", "node"],
} as const;
const sizes: Record<string, { min: number; gzip: number }> = {};
for (const [name, [file, platform]] of Object.entries(programs))
  sizes[name] = await bundleSize(join(HERE, "programs", file), platform);

// 2. Per-call overhead: create + retrieve against an in-process fetch stub.
const accepted = JSON.stringify({
  data: { id: 1, status: "ACCEPTED", created_at: "2026-11-27T09:00:00Z", request: {} },
});
const done = JSON.stringify({
  data: { id: 1, status: "DONE", created_at: "2026-11-27T09:00:00Z", request: {}, errors: [], results: [] },
});
const stub = async (input: Request | string, init?: RequestInit) => {
  const method = input instanceof Request ? input.method : (init?.method ?? "GET");
  return new Response(method === "POST" ? accepted : done, {
    status: 200,
    headers: { "content-type": "application/json" },
  });
};
const body = { input: ["https://img.example/a.png"], operations: { resizing: { width: 1000 } } };
const headers = { Authorization: "Bearer k", "Content-Type": "application/json" };
const clients: Record<string, () => Promise<unknown>> = {
  "raw fetch": async () => {
    await (
      await stub("https://api.claid.ai/v1/image/edit/batch", { method: "POST", headers, body: JSON.stringify(body) })
    ).json();
    await (await stub("https://api.claid.ai/v1/image/edit/batch/1", { headers })).json();
  },
  "bare openapi-fetch": (() => {
    const client = createClient<paths>({
      baseUrl: "https://api.claid.ai",
      headers,
      fetch: stub as (r: Request) => Promise<Response>,
    });
    return async () => {
      await client.POST("/v1/image/edit/batch", { body });
      await client.GET("/v1/image/edit/batch/{task_id}", { params: { path: { task_id: 1 } } });
    };
  })(),
  "@claid/core": (() => {
    const claid = createClaid({ apiKey: "k", fetch: stub as (r: Request) => Promise<Response> });
    return async () => {
      await claid.batches.create(body);
      await claid.batches.retrieve(1);
    };
  })(),
};
const overhead: Record<string, Stats> = {};
for (const [name, pair] of Object.entries(clients)) {
  for (let i = 0; i < 2000; i++) await pair(); // warm-up
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i++) await pair();
    rounds.push(((performance.now() - started) * 1000) / ITERATIONS);
  }
  overhead[name] = stats(rounds);
}

// 3. Cold start: importing the package in a fresh Node process.
const coldStart: Record<string, Stats> = {};
for (const name of ["@claid/node", "@claid/edge", "openapi-fetch"]) {
  const runs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const out = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const t=performance.now(); await import(${JSON.stringify(name)}); console.log(performance.now()-t)`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    runs.push(Number(out.trim()));
  }
  coldStart[name] = stats(runs);
}

// 4. Codegen from a changed spec.
const spec = readFileSync(join(ROOT, "spec/claid.openapi.json"), "utf8");
const codegen: number[] = [];
for (let i = 0; i < 5; i++) {
  const changed = spec.replace('"Process Batch Image Edit"', `"Process Batch Image Edit ${i}"`);
  const started = performance.now();
  await renderAll(changed);
  codegen.push(performance.now() - started);
}

const machine = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, Node ${process.version}`;
const results = {
  date: new Date().toISOString(),
  machine,
  sizes,
  overheadMicrosecondsPerPair: overhead,
  coldStartMs: coldStart,
  codegenMs: stats(codegen),
};
writeFileSync(join(HERE, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

const floor = sizes["raw fetch (floor)"]?.gzip ?? 1;
const bare = overhead["bare openapi-fetch"]?.median ?? 1;
const raw = overhead["raw fetch"]?.median ?? 1;
const md = [
  `# Benchmarks`,
  "",
  `${machine}; \`npm run bench\`, ${results.date}.`,
  "",
  "## Bundle size: a Worker doing create → wait (esbuild, minified ESM, gzip -9)",
  "",
  "| program | min bytes | gzip bytes | × raw fetch |",
  "|---|---:|---:|---:|",
  ...Object.entries(sizes).map(([name, s]) => `| ${name} | ${s.min} | ${s.gzip} | ${round1(s.gzip / floor)} |`),
  "",
  `## Per-call overhead: create + retrieve, in-process fetch stub (${ITERATIONS} pairs × ${ROUNDS} rounds after warm-up), µs per pair`,
  "",
  "| client | min | median | max | × bare openapi-fetch | × raw fetch |",
  "|---|---:|---:|---:|---:|---:|",
  ...Object.entries(overhead).map(
    ([name, s]) =>
      `| ${name} | ${round1(s.min)} | ${round1(s.median)} | ${round1(s.max)} | ${round1(s.median / bare)} | ${round1(s.median / raw)} |`,
  ),
  "",
  "## Cold start: `await import()` in a fresh Node process (15 runs), ms",
  "",
  "| package | min | median | max |",
  "|---|---:|---:|---:|",
  ...Object.entries(coldStart).map(
    ([name, s]) => `| ${name} | ${round1(s.min)} | ${round1(s.median)} | ${round1(s.max)} |`,
  ),
  "",
  `## Codegen: renderAll of a changed spec (5 runs): min ${round1(results.codegenMs.min)} / median ${round1(results.codegenMs.median)} / max ${round1(results.codegenMs.max)} ms`,
  "",
].join("\n");
writeFileSync(join(HERE, "results.md"), md);
console.log(md);
