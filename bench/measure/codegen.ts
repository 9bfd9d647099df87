/** Codegen: renderAll() (what `npm run generate` runs) on a spec changed each run. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderAll } from "../../scripts/generate/index.ts";
import { type Stats, stats } from "./stats.ts";

export const CODEGEN_RUNS = 5;

export async function measureCodegen(): Promise<Stats> {
  const spec = readFileSync(join(import.meta.dirname, "../../spec/claid.openapi.json"), "utf8");
  const runs: number[] = [];
  for (let i = 0; i < CODEGEN_RUNS; i++) {
    const changed = spec.replace('"Process Batch Image Edit"', `"Process Batch Image Edit ${i}"`);
    const started = performance.now();
    await renderAll(changed);
    runs.push(performance.now() - started);
  }
  return stats(runs);
}
