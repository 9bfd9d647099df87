import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { README_END, README_START, type Results, readGoals, renderReadmePerformance } from "../../bench/report.ts";
import { ROOT } from "../packages.ts";

const results = JSON.parse(readFileSync(join(ROOT, "bench/results.json"), "utf8")) as Results;

function readmes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return readmes(path);
    return entry.name === "README.md" ? [path] : [];
  });
}

/**
 * A quoted size as the bench measures them: "7.09 kB", "10.73 KiB", "32 MB", "12,796 B gzip".
 * (Limits and defaults are written in MiB, "default 1 MiB": they are options, not measurements.)
 */
const SIZE = /\d[\d.,]*\s?(?:kB|KB|KiB|MB)\b|\d[\d.,]*\s?B gzip/g;

describe("sizes in READMEs come from the bench's latest run (bench/results.json)", () => {
  it("README.md's Performance block is the one the bench renders from bench/results.json", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    expect(block).toBe(renderReadmePerformance(results, readGoals()));
  });

  it.each(
    ["README.md", "packages", "examples"].flatMap((path) =>
      path === "README.md" ? [path] : readmes(join(ROOT, path)).map((file) => relative(ROOT, file)),
    ),
  )("%s quotes no size outside the generated block", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const start = text.indexOf(README_START);
    const outside = start < 0 ? text : text.slice(0, start) + text.slice(text.indexOf(README_END));
    expect(outside.match(SIZE) ?? []).toEqual([]);
  });
});
