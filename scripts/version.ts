/**
 * npm run version — what the release workflow's version PR runs: `changeset
 * version` (bumps package.json files and changelogs from the pending
 * changesets), then every published package's jsr.json takes its
 * package.json's version, so npm and JSR always publish the same number.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { publishedPackages, ROOT } from "./packages.ts";

/** Sets each jsr.json's version to its package.json's; returns the jsr.json files changed (relative to root). */
export function syncJsrVersions(root = ROOT): string[] {
  const changed: string[] = [];
  for (const p of publishedPackages(root).filter((p) => p.jsr)) {
    const file = join(p.dir, "jsr.json");
    const text = readFileSync(file, "utf8");
    if (JSON.parse(text).version === p.manifest.version) continue;
    // Only the version's text changes, so the file keeps its formatting.
    const updated = text.replace(/("version"\s*:\s*)"[^"]*"/, `$1${JSON.stringify(p.manifest.version)}`);
    if (JSON.parse(updated).version !== p.manifest.version)
      throw new Error(`${p.path}/jsr.json has no "version" field`);
    writeFileSync(file, updated);
    changed.push(`${p.path}/jsr.json`);
  }
  return changed;
}

export function versionPackages(root = ROOT): string[] {
  execFileSync(join(ROOT, "node_modules/.bin/changeset"), ["version"], { cwd: root, stdio: "pipe" });
  return syncJsrVersions(root);
}

if (process.argv[1]?.endsWith("version.ts")) {
  for (const file of versionPackages()) console.log(`${file}: version synced from package.json`);
}
