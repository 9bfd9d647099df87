/**
 * api:update — copies each public package's emitted declarations (dist/*.d.ts,
 * the public API as TypeScript users see it) into packages/<name>/api-snapshot/.
 * The snapshot is committed; scripts/test/api-snapshot.test.ts fails when a
 * build's API differs, so an API change is always a visible, reviewed diff.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const API_PACKAGES = ["core", "node", "browser", "edge", "msw"];

export function declarationFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".d.ts"))
    .sort();
}

if (process.argv[1]?.endsWith("api-snapshot.ts")) {
  for (const name of API_PACKAGES) {
    const dist = join(ROOT, "packages", name, "dist");
    const snapshot = join(ROOT, "packages", name, "api-snapshot");
    rmSync(snapshot, { recursive: true, force: true });
    mkdirSync(snapshot);
    for (const file of declarationFiles(dist)) cpSync(join(dist, file), join(snapshot, file));
    console.log(`packages/${name}/api-snapshot: ${declarationFiles(snapshot).join(", ")}`);
  }
}
