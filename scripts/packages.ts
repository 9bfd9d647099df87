/**
 * The one list of published packages: every workspace under packages/ whose
 * package.json is not private. Release rehearsal, packaging tests, API reports,
 * spec:update's changeset, the docs and the JSR sync all read it from here, so a
 * new package is picked up by adding its folder; scripts/test/packages.test.ts
 * checks it against npm's own view of the workspaces.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");

export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  types?: string;
  bin?: Record<string, string>;
  files?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [field: string]: unknown;
}

export interface PublishedPackage {
  name: string;
  /** Absolute path of the package folder. */
  dir: string;
  /** Relative to the root, e.g. `packages/core`. */
  path: string;
  manifest: PackageManifest;
  /** A library with a TypeScript API (everything but the CLI): API report, docs, spec changesets. */
  typed: boolean;
  /** `jsr.json` beside package.json: also published to JSR. */
  jsr: boolean;
}

export function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageManifest;
}

/** Published packages in dependency order (a package comes after those it depends on), ties by name. */
export function publishedPackages(root = ROOT): PublishedPackage[] {
  const found = readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, "packages", entry.name, "package.json")))
    .map((entry): PublishedPackage => {
      const dir = join(root, "packages", entry.name);
      const manifest = readManifest(dir);
      return {
        name: manifest.name,
        dir,
        path: `packages/${entry.name}`,
        manifest,
        typed: manifest.types !== undefined,
        jsr: existsSync(join(dir, "jsr.json")),
      };
    })
    .filter((p) => !p.manifest.private);
  return dependencyOrder(found);
}

function dependencyOrder(packages: PublishedPackage[]): PublishedPackage[] {
  const names = new Set(packages.map((p) => p.name));
  const internalDependencies = (p: PublishedPackage) =>
    Object.keys({ ...p.manifest.dependencies, ...p.manifest.devDependencies, ...p.manifest.peerDependencies }).filter(
      (name) => names.has(name),
    );
  const ordered: PublishedPackage[] = [];
  const placed = new Set<string>();
  let pending = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  while (pending.length > 0) {
    const ready = pending.filter((p) => internalDependencies(p).every((name) => placed.has(name)));
    if (ready.length === 0) throw new Error(`dependency cycle among ${pending.map((p) => p.name).join(", ")}`);
    for (const p of ready) {
      ordered.push(p);
      placed.add(p.name);
    }
    pending = pending.filter((p) => !placed.has(p.name));
  }
  return ordered;
}

/**
 * Each public entry point's source file, e.g. `@claid/msw/node` → packages/msw/src/node.ts,
 * read from the exports map (`./dist/X.js` is built from `./src/X.ts`).
 */
export function entryPoints(p: PublishedPackage): { specifier: string; source: string; declaration: string }[] {
  return Object.entries(p.manifest.exports ?? {})
    .filter(([key]) => key !== "./package.json")
    .map(([key, conditions]) => {
      const esm = JSON.stringify(conditions).match(/"types":"\.\/dist\/([^"]+)\.d\.ts"/);
      if (!esm?.[1]) throw new Error(`${p.name}: exports["${key}"] has no ./dist/*.d.ts types`);
      return {
        specifier: key === "." ? p.name : `${p.name}/${key.slice(2)}`,
        source: `${p.path}/src/${esm[1]}.ts`,
        declaration: `${esm[1]}.d.ts`,
      };
    });
}

export const PUBLISHED_PACKAGES = publishedPackages();
export const TYPED_PACKAGES = PUBLISHED_PACKAGES.filter((p) => p.typed);
