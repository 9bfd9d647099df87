/**
 * Cold start: importing a package in a fresh Node process, and a Worker
 * bundle's startup in workerd (miniflare: from `new Miniflare()` to ready).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { bundle } from "../sizes.ts";
import { type Stats, stats } from "./stats.ts";

const ROOT = join(import.meta.dirname, "../..");
export const IMPORT_RUNS = 15;
export const WORKERD_RUNS = 7;

export async function measureImports(packages: string[]): Promise<Record<string, Stats>> {
  const result: Record<string, Stats> = {};
  for (const name of packages) {
    const runs: number[] = [];
    for (let i = 0; i < IMPORT_RUNS; i++) {
      const script = `const t=performance.now(); await import(${JSON.stringify(name)}); console.log(performance.now()-t)`;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: ROOT,
        encoding: "utf8",
      });
      runs.push(Number(out.trim()));
    }
    result[name] = stats(runs);
  }
  return result;
}

/** Median ms from `new Miniflare()` to ready, per program (a workerd process start included). */
export async function measureWorkerdStartup(programs: Record<string, string>): Promise<Record<string, Stats>> {
  const scripts = Object.entries(programs).map(
    async ([name, file]) => [name, new TextDecoder().decode(await bundle(file))] as const,
  );
  const runs = new Map<string, number[]>();
  const bundled = await Promise.all(scripts);
  // Programs take turns, so a slow moment of the machine hits all alike.
  for (let i = 0; i < WORKERD_RUNS; i++) {
    for (const [name, script] of bundled) {
      const started = performance.now();
      const mf = new Miniflare({ modules: true, script, compatibilityDate: "2026-04-01" });
      await mf.ready;
      runs.set(name, [...(runs.get(name) ?? []), performance.now() - started]);
      await mf.dispose();
    }
  }
  return Object.fromEntries([...runs].map(([name, values]) => [name, stats(values)]));
}
