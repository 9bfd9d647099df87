/**
 * The CLI as a user meets it: `claid --version` start-up time beside Node's own, and what
 * installing `@claid/cli` (or `@claid/node`) from the packed tarballs puts on disk.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PUBLISHED_PACKAGES } from "../../scripts/packages.ts";
import { type Stats, stats } from "./stats.ts";

const ROOT = join(import.meta.dirname, "../..");
export const VERSION_RUNS = 15;

/** The commands timed, by the name the report shows. */
const COMMANDS: Record<string, string[]> = {
  "node -e 0": ["-e", "0"],
  "claid --version": [join(ROOT, "packages/cli/bin/claid.js"), "--version"],
};

/**
 * Wall time of a whole process, ms: `claid --version` (the built CLI) and `node -e 0` (the
 * floor). The commands take turns, so a slow moment of the machine hits both alike.
 */
export function measureVersionTime(): Record<string, Stats> {
  const runs = new Map<string, number[]>();
  for (let i = 0; i < VERSION_RUNS; i++) {
    for (const [name, args] of Object.entries(COMMANDS)) {
      const started = performance.now();
      execFileSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
      runs.set(name, [...(runs.get(name) ?? []), performance.now() - started]);
    }
  }
  return Object.fromEntries([...runs].map(([name, values]) => [name, stats(values)]));
}

export interface Footprint {
  /** Bytes on disk under node_modules (file sizes, not blocks). */
  bytes: number;
  packages: number;
}

function diskBytes(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((sum, name) => sum + diskBytes(join(path, name)), 0);
}

function countPackages(nodeModules: string): number {
  let count = 0;
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith(".")) continue;
    const dir = join(nodeModules, name);
    const dirs = name.startsWith("@") ? readdirSync(dir).map((inner) => join(dir, inner)) : [dir];
    for (const pkg of dirs) {
      count++;
      const nested = join(pkg, "node_modules");
      if (readdirSync(pkg).includes("node_modules")) count += countPackages(nested);
    }
  }
  return count;
}

/**
 * `npm pack` of every published package, then `npm install <tarball>` of each of `names` into its
 * own empty project: the @claid/* dependencies come from the tarballs (overrides), the
 * rest from npm's cache where it has them (--prefer-offline), else from the registry.
 */
export function measureInstallFootprint(names: string[]): Record<string, Footprint> {
  const work = mkdtempSync(join(tmpdir(), "claid-footprint-"));
  try {
    const tarballs: Record<string, string> = {};
    for (const p of PUBLISHED_PACKAGES) {
      const [info] = JSON.parse(
        execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: p.dir, encoding: "utf8" }),
      ) as { filename: string }[];
      if (!info) throw new Error(`npm pack printed nothing for ${p.name}`);
      tarballs[p.name] = join(work, info.filename);
    }
    const result: Record<string, Footprint> = {};
    for (const name of names) {
      const tarball = tarballs[name];
      if (!tarball) throw new Error(`${name} is not a published package`);
      const project = mkdtempSync(join(work, "project-"));
      const overrides = Object.fromEntries(
        Object.entries(tarballs)
          .filter(([n]) => n !== name)
          .map(([n, file]) => [n, `file:${file}`]),
      );
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "footprint", private: true, overrides }));
      const install = spawnSync(
        "npm",
        ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball],
        { cwd: project, encoding: "utf8" },
      );
      if (install.status !== 0) throw new Error(`npm install of ${name}'s tarball failed:\n${install.stderr}`);
      const nodeModules = join(project, "node_modules");
      result[name] = { bytes: diskBytes(nodeModules), packages: countPackages(nodeModules) };
    }
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
