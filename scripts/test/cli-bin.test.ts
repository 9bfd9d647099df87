import { execFile } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { ROOT } from "../packages.ts";

const cli = JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
};

it("npm links `claid` to the committed launcher, which exists before any build", () => {
  expect(realpathSync(join(ROOT, "node_modules/.bin/claid"))).toBe(join(ROOT, "packages/cli", cli.bin.claid ?? ""));
});

it("npx claid --version runs the workspace CLI (never the registry's) and prints the workspace version", async () => {
  // npm_config_yes=false: fail instead of installing from the registry when nothing is linked.
  const env = { ...process.env, npm_config_yes: "false" };
  const { stdout } = await promisify(execFile)("npx", ["claid", "--version"], { cwd: ROOT, env });
  expect(stdout.trim()).toBe(cli.version);
}, 30_000);
