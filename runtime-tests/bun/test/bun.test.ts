/** Drives `bun test` (npm package `bun`) against the mock server and checks its report. */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../../../tests/support/mock-server.ts";
import { runCommand } from "../../../tests/support/run-command.ts";
import { suiteVariables } from "../../contract/driver.ts";
import { casesFor } from "../../contract/suite.ts";

const BUN = join(dirname(createRequire(import.meta.url).resolve("bun/package.json")), "bin/bun.exe");
let mock: ClaidMockServer;
let report: { code: number; output: string };

beforeAll(async () => {
  mock = await startMock();
  // The key reaches @claid/node through CLAID_API_KEY, as in a user's shell.
  const env = {
    ...process.env,
    ...(await suiteVariables(mock)),
    NO_COLOR: "1",
  };
  report = await runCommand(BUN, ["test", "./contract.test.ts"], { cwd: join(import.meta.dirname, ".."), env });
}, 120_000);
afterAll(() => mock.close());

describe("contract suite: Bun, @claid/node", () => {
  it("bun test passes every case", () => {
    expect(report.output).toMatch(new RegExp(`\\b${casesFor(true).length} pass\\b`));
    expect(report.output).toMatch(/\b0 fail\b/);
    expect(report.code).toBe(0);
  });

  it.each(casesFor(true).map((c) => c.name))("%s", (name) => {
    expect(report.output).toContain(`(pass) ${name}`);
  });
});
