/**
 * api:update — writes each typed package's public API, as TypeScript users see
 * it (the emitted dist/*.d.ts), to packages/<name>/api-snapshot/api.md: one
 * section per entry point, then the declaration chunks they share. Bundler
 * chunk hashes (`handlers-CVNtEz5a.d.ts`) are dropped from names and imports,
 * so the report only changes when the API does. The report is committed;
 * scripts/test/api-snapshot.test.ts fails when a build's API differs, so an
 * API change is always a visible, reviewed diff.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { entryPoints, type PublishedPackage, TYPED_PACKAGES } from "./packages.ts";

/** `handlers-CVNtEz5a` → `handlers`: the content hash rollup-plugin-dts gives shared chunks. */
const CHUNK_HASH = /-[A-Za-z0-9_]{8}(?=\.d\.ts$|\.js['"])/g;

export function apiReportPath(p: PublishedPackage): string {
  return join(p.dir, "api-snapshot", "api.md");
}

/** The API report of a package built into `distDir` (by default its own dist/). */
export function renderApiReport(p: PublishedPackage, distDir = join(p.dir, "dist")): string {
  const entries = entryPoints(p);
  const entryFiles = new Set(entries.map((e) => e.declaration));
  const chunks = readdirSync(distDir)
    .filter((f) => f.endsWith(".d.ts") && !entryFiles.has(f))
    .sort();
  const section = (title: string, file: string) =>
    `## ${title}\n\n\`\`\`ts\n${readFileSync(join(distDir, file), "utf8").replace(CHUNK_HASH, "").trimEnd()}\n\`\`\`\n`;
  return [
    `# ${p.name} — public API\n`,
    "Written by `npm run api:update` from the built declarations; a test fails when the build differs. Do not edit.\n",
    ...entries.map((e) => section(`\`${e.specifier}\` (${e.declaration})`, e.declaration)),
    ...chunks.map((file) => section(`shared declarations: ${file.replace(CHUNK_HASH, "")}`, file)),
  ].join("\n");
}

if (process.argv[1]?.endsWith("api-snapshot.ts")) {
  for (const p of TYPED_PACKAGES) {
    const folder = join(p.dir, "api-snapshot");
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    writeFileSync(apiReportPath(p), renderApiReport(p));
    console.log(`${p.path}/api-snapshot/api.md`);
  }
}
