/**
 * The pull-request check of ci.yml (`changeset status --since=origin/<base>`) under
 * this repository's .changeset/config.json, in a scratch git repository: which
 * changes need a changeset.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { ROOT } from "../packages.ts";

const CHANGESET_CLI = join(ROOT, "node_modules/@changesets/cli/bin.js");
let scratch: string | undefined;

afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function write(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

function git(dir: string, ...args: string[]): void {
  const run = spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.test", ...args], { cwd: dir });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
}

/** A published package and a private workspace on `main`, then a branch off it. */
function scratchRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), "claid-changesets-"));
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  write(dir, "package.json", json({ name: "scratch", private: true, workspaces: ["packages/*", "tests/*"] }));
  write(dir, "packages/lib/package.json", json({ name: "@scratch/lib", version: "0.1.0", files: ["dist"] }));
  for (const file of ["src/index.ts", "test/index.test.ts", "README.md", "tsup.config.ts", "vitest.config.ts"]) {
    write(dir, `packages/lib/${file}`, "// v1\n");
  }
  write(dir, "tests/integration/package.json", json({ name: "@scratch/integration", private: true }));
  write(dir, "tests/integration/test/a.test.ts", "// v1\n");
  mkdirSync(join(dir, ".changeset"));
  copyFileSync(join(ROOT, ".changeset/config.json"), join(dir, ".changeset/config.json"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "base");
  git(dir, "checkout", "-q", "-b", "change");
  return dir;
}

function changesetStatus(dir: string): number | null {
  return spawnSync(process.execPath, [CHANGESET_CLI, "status", "--since=main"], { cwd: dir }).status;
}

it.each([
  ["the source of a published package", 1, "packages/lib/src/index.ts"],
  ["its package.json", 1, "packages/lib/package.json"],
  ["its README (shown on npm)", 1, "packages/lib/README.md"],
  ["its build config", 1, "packages/lib/tsup.config.ts"],
  ["only its tests", 0, "packages/lib/test/index.test.ts"],
  ["only its test config", 0, "packages/lib/vitest.config.ts"],
  ["a private workspace", 0, "tests/integration/test/a.test.ts"],
])(
  "a pull request changing %s without a changeset: changeset status exits %i",
  (_, exitCode, file) => {
    scratch = scratchRepository();
    const changed = file.endsWith("package.json")
      ? '{ "name": "@scratch/lib", "version": "0.1.0", "files": ["dist", "README.md"] }\n'
      : "// v2\n";
    write(scratch, file, changed);
    git(scratch, "commit", "-q", "-am", "change");
    expect(changesetStatus(scratch)).toBe(exitCode);
  },
  30_000,
);

it("a changeset naming the changed package lets the pull request pass", () => {
  scratch = scratchRepository();
  write(scratch, "packages/lib/src/index.ts", "// v2\n");
  write(scratch, ".changeset/lib-v2.md", '---\n"@scratch/lib": patch\n---\n\nv2.\n');
  git(scratch, "add", ".");
  git(scratch, "commit", "-q", "-m", "change");
  expect(changesetStatus(scratch)).toBe(0);
}, 30_000);
