import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleSize } from "../../bench/sizes.ts";

const ROOT = join(import.meta.dirname, "../..");
const budgets = JSON.parse(readFileSync(join(ROOT, "bench/budgets.json"), "utf8")) as Record<
  string,
  { entry: string; maxGzip: number }
>;

describe("bundle-size budgets (bytes are deterministic; timings live in npm run bench)", () => {
  it.each(Object.entries(budgets).filter(([name]) => !name.startsWith("$")))(
    "%s stays within its maxGzip",
    async (_, budget) => {
      expect(budget.maxGzip).toBeGreaterThan(0);
      const { gzip } = await bundleSize(join(ROOT, budget.entry));
      expect(gzip).toBeLessThanOrEqual(budget.maxGzip);
    },
  );
});
