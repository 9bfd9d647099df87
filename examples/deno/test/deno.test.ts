/** Runs the Deno KV recipe's own `deno test --unstable-kv` against the mock, then checks the GET count. */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";
import { runCommand } from "../../../tests/support/run-command.ts";

const DENO = join(dirname(createRequire(import.meta.url).resolve("deno/package.json")), "bin.cjs");
let mock: ClaidMockServer;
let report: { code: number; output: string };
let results: { status: string; checks: number; failed: string | null }[];

beforeAll(async () => {
  mock = await startMock(3);
  mock.store.planTask(["PROCESSING", "PROCESSING", "DONE"]).planTask(["PROCESSING", "ERROR"]);
  const env = {
    ...process.env,
    CLAID_API_KEY: API_KEY,
    CLAID_BASE_URL: mock.url,
    NO_COLOR: "1",
    DENO_NO_UPDATE_CHECK: "1",
  };
  report = await runCommand(
    process.execPath,
    [DENO, "test", "--unstable-kv", "--allow-net", "--allow-env", "--allow-read", "main_test.ts"],
    { cwd: join(import.meta.dirname, ".."), env },
  );
  results = [...report.output.matchAll(/RESULT (\{.*\})/g)].map((m) => JSON.parse(m[1] as string));
}, 120_000);
afterAll(() => mock.close());

describe("Deno KV queue recipe", () => {
  it("deno test passes", () => {
    expect(report.output).toMatch(/ok \| 2 passed \| 0 failed/);
    expect(report.code).toBe(0);
  });

  it("reached DONE, then reported ERROR, with exactly one GET per queue message", () => {
    expect(results).toEqual([
      { status: "DONE", checks: 3, failed: null },
      { status: "ERROR", checks: 2, failed: "ERROR" },
    ]);
    expect(mock.store.requestsOf("retrieve")).toHaveLength(3 + 2);
    for (const r of results)
      console.log(`deno kv recipe: 1 request + ${r.checks} queue messages → ${r.status} (1 POST + ${r.checks} GETs)`);
  });
});
