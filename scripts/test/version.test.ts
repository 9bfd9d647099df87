import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PUBLISHED_PACKAGES } from "../packages.ts";
import { copyWorkTree } from "../release-dry.ts";
import { syncJsrVersions, versionPackages } from "../version.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const temporary = () => {
  const folder = mkdtempSync(join(tmpdir(), "claid-version-"));
  folders.push(folder);
  return folder;
};
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("npm run version: jsr.json follows package.json", () => {
  it("syncJsrVersions sets only the version, keeping the file's formatting", () => {
    const root = temporary();
    mkdirSync(join(root, "packages/edge"), { recursive: true });
    writeFileSync(join(root, "packages/edge/package.json"), JSON.stringify({ name: "@x/edge", version: "1.2.3" }));
    const jsr = '{\n  "name": "@x/edge",\n  "version": "0.1.0",\n  "publish": { "include": ["src/**/*.ts"] }\n}\n';
    writeFileSync(join(root, "packages/edge/jsr.json"), jsr);
    expect(syncJsrVersions(root)).toEqual(["packages/edge/jsr.json"]);
    expect(readFileSync(join(root, "packages/edge/jsr.json"), "utf8")).toBe(jsr.replace("0.1.0", "1.2.3"));
    expect(syncJsrVersions(root)).toEqual([]);
  });

  it("after changeset version bumps a package with a jsr.json, both files carry the new version", () => {
    const withJsr = PUBLISHED_PACKAGES.filter((p) => p.jsr);
    expect(withJsr.map((p) => p.name)).toContain("@claid/edge");
    const copy = copyWorkTree(temporary());
    const frontMatter = withJsr.map((p) => `"${p.name}": major`).join("\n");
    writeFileSync(join(copy, ".changeset/test-major-bump.md"), `---\n${frontMatter}\n---\n\nA test bump.\n`);
    const changed = versionPackages(copy);
    expect(changed.sort()).toEqual(withJsr.map((p) => `${p.path}/jsr.json`).sort());
    for (const p of withJsr) {
      const version = readJson(join(copy, p.path, "package.json")).version;
      expect(version).not.toBe(p.manifest.version);
      expect(readJson(join(copy, p.path, "jsr.json")).version).toBe(version);
    }
  }, 60_000);
});
