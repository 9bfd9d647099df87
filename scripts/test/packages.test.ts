import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { entryPoints, PUBLISHED_PACKAGES, ROOT, TYPED_PACKAGES } from "../packages.ts";

describe("scripts/packages.ts, the one list of published packages", () => {
  it("is every non-private workspace under packages/, as npm itself lists the workspaces", async () => {
    const { stdout } = await promisify(execFile)("npm", ["query", ".workspace"], { cwd: ROOT });
    const workspaces = JSON.parse(stdout) as { name: string; location: string; private?: boolean }[];
    const expected = workspaces.filter((w) => w.location.startsWith("packages/") && !w.private);
    expect(PUBLISHED_PACKAGES.map((p) => p.name).sort()).toEqual(expected.map((w) => w.name).sort());
    expect(PUBLISHED_PACKAGES.map((p) => p.path).sort()).toEqual(expected.map((w) => w.location).sort());
  }, 30_000);

  it("comes in dependency order: each package after the workspace packages it depends on", () => {
    const names = PUBLISHED_PACKAGES.map((p) => p.name);
    for (const [index, p] of PUBLISHED_PACKAGES.entries()) {
      const { dependencies, devDependencies, peerDependencies } = p.manifest;
      for (const dependency of Object.keys({ ...dependencies, ...devDependencies, ...peerDependencies })) {
        if (names.includes(dependency))
          expect(names.indexOf(dependency), `${p.name} → ${dependency}`).toBeLessThan(index);
      }
    }
  });

  it("types every library and not the CLI", () => {
    expect(TYPED_PACKAGES.map((p) => p.name)).not.toContain("@claid/cli");
    expect(TYPED_PACKAGES.map((p) => p.name)).toEqual(expect.arrayContaining(["@claid/core", "@claid/msw"]));
  });

  it("maps each exports entry to its source file", () => {
    for (const p of TYPED_PACKAGES) {
      for (const entry of entryPoints(p)) expect(existsSync(join(ROOT, entry.source)), entry.source).toBe(true);
    }
    const msw = TYPED_PACKAGES.find((p) => p.name === "@claid/msw");
    expect(msw && entryPoints(msw)).toEqual([
      { specifier: "@claid/msw", source: "packages/msw/src/index.ts", declaration: "index.d.ts" },
      { specifier: "@claid/msw/node", source: "packages/msw/src/node.ts", declaration: "node.d.ts" },
    ]);
  });
});
