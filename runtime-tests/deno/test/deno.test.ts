/** Drives `deno test` (npm package `deno`) against the mock server and checks its report. */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../../../tests/support/mock-server.ts";
import { runCommand } from "../../../tests/support/run-command.ts";
import { suiteVariables } from "../../contract/driver.ts";
import { casesFor } from "../../contract/suite.ts";

const DENO = join(dirname(createRequire(import.meta.url).resolve("deno/package.json")), "bin.cjs");
const ROOT = join(import.meta.dirname, "..");
let mock: ClaidMockServer;
let report: { code: number; output: string };
let withoutEnv: { code: number; output: string };

beforeAll(async () => {
  mock = await startMock();
  const env = {
    ...process.env,
    ...(await suiteVariables(mock)),
    NO_COLOR: "1",
    DENO_NO_UPDATE_CHECK: "1",
  };
  report = await runCommand(
    process.execPath,
    [DENO, "test", "--allow-env", "--allow-net", "--allow-read", "contract_test.ts"],
    { cwd: ROOT, env },
  );
  withoutEnv = await runCommand(process.execPath, [DENO, "run", "--no-prompt", "--allow-read", "no_env.ts"], {
    cwd: ROOT,
    env,
  });
}, 120_000);
afterAll(() => mock.close());

describe("contract suite: Deno, @claid/edge", () => {
  it("deno test passes every case", () => {
    expect(report.output).toMatch(new RegExp(`ok \\| ${casesFor(true).length + 1} passed \\| 0 failed`));
    expect(report.code).toBe(0);
  });

  it.each(casesFor(true).map((c) => c.name))("%s", (name) => {
    expect(report.output).toContain(`${name} ... ok`);
  });

  it("without --allow-env, createClaid() says the permission is missing (not only 'set CLAID_API_KEY')", () => {
    expect(withoutEnv.output).toContain("Deno denied reading CLAID_API_KEY. Run with --allow-env");
  });
});
