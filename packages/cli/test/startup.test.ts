/**
 * What the CLI loads: `--version` and `--help` only commander (speed is measured by the bench, not here);
 * the mock (`@claid/msw`, `msw`) only for `mock-server` and `demo`, which say what to install when it is absent.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, KEY, type Run, useCliTest } from "./helpers.ts";

const { dir } = useCliTest();
const HOOK = join(import.meta.dirname, "fixtures/packages-hook.mjs");
let runs = 0;

/** Runs the built CLI; resolves with its output and the npm packages it imported, in order, once each. */
function traced(args: string[], hide: string[] = []): Promise<Run & { packages: string[] }> {
  const log = join(dir(), `packages-${++runs}.txt`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", HOOK, CLI, ...args],
      { env: { ...process.env, CLAID_API_KEY: KEY, LOG_PACKAGES: log, HIDE_PACKAGES: hide.join(",") } },
      (error, stdout, stderr) => {
        let names: string[] = [];
        try {
          names = readFileSync(log, "utf8").trim().split("\n");
        } catch {}
        resolve({
          code: error ? ((error as { code?: number }).code ?? null) : 0,
          stdout,
          stderr,
          packages: [...new Set(names)],
        });
      },
    );
  });
}

describe("what the CLI loads", () => {
  it.each([["--version"], ["--help"], ["-h"]])("claid %s loads commander and nothing else", async (flag) => {
    const run = await traced([flag]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toBe("");
    expect(run.packages).toEqual(["commander"]);
  });

  it("a batch command loads the SDK, not the mock", async () => {
    const run = await traced(["batch", "get", "x"]);
    expect(run.code).toBe(2);
    expect(run.packages).toContain("@claid/node");
    expect(run.packages).not.toContain("@claid/msw");
    expect(run.packages).not.toContain("msw");
  });
});

describe("without the mock installed", () => {
  const install = "Install it beside the CLI with: npm install @claid/msw msw\n";
  it.each([
    ["mock-server", ["@claid/msw", "msw"], "@claid/msw"],
    ["demo", ["@claid/msw", "msw"], "@claid/msw"],
    // @claid/msw installed without its peer msw (a package manager that does not install peers).
    ["mock-server", ["msw"], "msw"],
  ])("claid %s (hiding %j) says what to install", async (command, hide, missing) => {
    const run = await traced([command], hide);
    expect(run).toMatchObject({
      code: 1,
      stdout: "",
      stderr: `claid: ${command} runs the mock API, which comes in a separate package: ${missing} is not installed. ${install}`,
    });
  });

  it("the other commands work without it", async () => {
    const run = await traced(["batch", "create", "--input", "ftp://x/a.png"], ["@claid/msw", "msw"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^claid: --input: "ftp:\/\/x\/a\.png" is not an https:\/\/ image URL/);
  });
});
