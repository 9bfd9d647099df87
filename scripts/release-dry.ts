/**
 * release:dry — rehearses a release without touching the work tree: in a
 * temporary copy of the tracked files, `npm run version` applies the
 * pending changesets (and syncs jsr.json), every public package is built and packed, and the
 * tarballs are listed (name, version, files, size).
 *   npm run release:dry [-- --keep]   (--keep leaves the copy and tarballs for inspection)
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PUBLISHED_PACKAGES, ROOT } from "./packages.ts";
import { versionPackages } from "./version.ts";

export interface PackedPackage {
  name: string;
  version: string;
  filename: string;
  files: number;
  size: number;
}

/** Copies the files git tracks (with their uncommitted edits) into `copy`, node_modules linked. */
export function copyWorkTree(copy = mkdtempSync(join(tmpdir(), "claid-copy-"))): string {
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
  return copy;
}

export function rehearseRelease(copy = mkdtempSync(join(tmpdir(), "claid-release-"))): {
  copy: string;
  tarballs: string;
  packed: PackedPackage[];
} {
  copyWorkTree(copy);
  versionPackages(copy);
  const tarballs = join(copy, "tarballs");
  mkdirSync(tarballs);
  const packed: PackedPackage[] = [];
  // In dependency order, so each build finds its dependencies' output.
  for (const { path } of PUBLISHED_PACKAGES) {
    const dir = join(copy, path);
    execFileSync(join(ROOT, "node_modules/.bin/tsup"), [], { cwd: dir, stdio: "pipe" });
    const [info] = JSON.parse(
      execFileSync("npm", ["pack", "--json", "--pack-destination", tarballs], { cwd: dir, encoding: "utf8" }),
    ) as {
      name: string;
      version: string;
      filename: string;
      entryCount: number;
      size: number;
    }[];
    if (!info) throw new Error(`npm pack printed nothing for ${path}`);
    packed.push({
      name: info.name,
      version: info.version,
      filename: join(tarballs, info.filename),
      files: info.entryCount,
      size: info.size,
    });
  }
  return { copy, tarballs, packed };
}

if (process.argv[1]?.endsWith("release-dry.ts")) {
  const keep = process.argv.includes("--keep");
  const { copy, packed } = rehearseRelease();
  const versions = JSON.parse(readFileSync(join(ROOT, "packages/core/package.json"), "utf8")).version;
  console.log(
    `release:dry — pending changesets applied in a copy (${copy}); this work tree stays at @claid/core ${versions}:\n`,
  );
  console.log(
    ["package".padEnd(16), "version".padEnd(9), "files".padStart(5), "size".padStart(9), "  tarball"].join(" "),
  );
  for (const p of packed) {
    console.log(
      [
        p.name.padEnd(16),
        p.version.padEnd(9),
        String(p.files).padStart(5),
        `${(p.size / 1024).toFixed(1)} kB`.padStart(9),
        `  ${p.filename.split("/").pop()}`,
      ].join(" "),
    );
  }
  if (keep) console.log(`\nkept: ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
