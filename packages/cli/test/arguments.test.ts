/** Arguments and exit codes, command by command: argv → exit code, stdout, stderr (the built CLI against the mock). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ClaidMockServer, type ClaidMockServerOptions, createClaidMockServer } from "@claid/msw/node";
import { describe, expect, it } from "vitest";
import { at, claid, KEY, useCliTest } from "./helpers.ts";

const { dir } = useCliTest();

/** SDK option and method names a CLI user cannot act on. */
const SDK_NAMES =
  /retryNonIdempotent|allowInsecureHttp|wait\(\)|check\(\)|createClaid|\bapiKey\b|\bbaseUrl\b|\btaskId\b|timeoutMs|maxWaitMs/;

interface Case {
  name: string;
  argv: (files: { empty: string; short: string }) => string[];
  mock?: ClaidMockServerOptions;
  /** Runs before argv, e.g. to create batch #1 or queue a fault. */
  setup?: (server: ClaidMockServer) => Promise<void> | void;
  /** Default true: `--base-url <mock>` comes first. */
  atMock?: false;
  env?: Record<string, string | undefined>;
  code: number;
  stdout: RegExp | "" | ((json: unknown) => void);
  stderr: RegExp | "";
  /** How many requests the mock may see (beyond the setup's create). */
  requests?: number;
}

async function createBatch(server: ClaidMockServer): Promise<void> {
  expect((await claid([...at(server), "batch", "create", "--input", "storage://s/in/"])).code).toBe(0);
}

const CASES: Case[] = [
  ...["0x1F", "", "1e1", "9007199254740993"].flatMap((id): Case[] =>
    ["get", "wait"].map((command) => ({
      name: `batch ${command} ${JSON.stringify(id)} is not an id`,
      argv: () => ["batch", command, id],
      code: 2,
      stdout: "",
      stderr: new RegExp(
        `a batch id is a whole number like 42, got ${JSON.stringify(JSON.stringify(id)).slice(1, -1)}`,
      ),
      requests: 0,
    })),
  ),
  {
    name: "batch wait 01 is batch 1, as for batch get",
    argv: () => ["batch", "wait", "01"],
    setup: createBatch,
    mock: { pollsToComplete: 1 },
    code: 0,
    stdout: /^#1 DONE/,
    stderr: /batch 1: DONE/,
  },
  {
    name: "--input ftp://… is refused before any request, naming the flag and the schemes",
    argv: () => ["batch", "create", "--input", "ftp://files.example/a.png"],
    code: 2,
    stdout: "",
    stderr: /^claid: --input: "ftp:\/\/files\.example\/a\.png" is not an https:\/\/ image URL or a storage:\/\/ URI/,
    requests: 0,
  },
  {
    name: "--timeout without --wait is a usage error",
    argv: () => ["batch", "create", "--input", "storage://s/in/", "--timeout", "1m"],
    code: 2,
    stdout: "",
    stderr: /^claid: --timeout applies only with --wait\.\n$/,
    requests: 0,
  },
  {
    name: "an empty --api-key-file says so",
    argv: ({ empty }) => ["--api-key-file", empty, "batch", "get", "1"],
    env: { CLAID_API_KEY: undefined },
    code: 2,
    stdout: "",
    stderr: /^claid: --api-key-file: .*empty-key is empty\.\n$/,
    requests: 0,
  },
  {
    name: "a key the SDK refuses is named by where it came from (--api-key-file)",
    argv: ({ short }) => ["--api-key-file", short, "batch", "get", "1"],
    env: { CLAID_API_KEY: undefined },
    code: 2,
    stdout: "",
    stderr: /^claid: The API key \(--api-key-file\) is shorter than 8 characters/,
    requests: 0,
  },
  {
    name: "a key the SDK refuses is named by where it came from (CLAID_API_KEY)",
    argv: () => ["batch", "get", "1"],
    env: { CLAID_API_KEY: "abc def ghi jkl mno pqr" },
    code: 2,
    stdout: "",
    stderr: /^claid: The API key \(CLAID_API_KEY\) contains whitespace/,
    requests: 0,
  },
  {
    name: "a blank CLAID_API_KEY is no key",
    argv: () => ["batch", "get", "1"],
    env: { CLAID_API_KEY: "  " },
    code: 2,
    stdout: "",
    stderr: /^claid: No API key: set CLAID_API_KEY or pass --api-key-file <path>\.\n$/,
    requests: 0,
  },
  {
    name: "a plain-http --base-url off this machine names the flag",
    argv: () => ["--base-url", "http://api.example.test", "batch", "get", "1"],
    code: 2,
    stdout: "",
    stderr:
      /^claid: --base-url \(http:\/\/api\.example\.test\) is plain http, which would send the API key unencrypted\. Use https \(plain http only for localhost, 127\.0\.0\.1 or \[::1\]\)\.\n$/,
  },
  {
    name: "a plain-http CLAID_BASE_URL names the variable",
    argv: () => ["batch", "get", "1"],
    env: { CLAID_BASE_URL: "http://api.example.test" },
    atMock: false,
    code: 2,
    stdout: "",
    stderr: /^claid: CLAID_BASE_URL \(http:\/\/api\.example\.test\) is plain http/,
  },
  {
    name: "a --base-url that is not a URL",
    argv: () => ["--base-url", "api.claid.ai", "batch", "get", "1"],
    code: 2,
    stdout: "",
    stderr: /^claid: --base-url must be an absolute http\(s\) URL, got "api\.claid\.ai"\./,
  },
  {
    name: "a create whose outcome is unknown gives CLI advice, not SDK options",
    argv: () => ["batch", "create", "--input", "storage://s/in/"],
    setup: (server) => {
      server.store.injectFault({ type: "status", status: 500 }, { operation: "create" });
    },
    code: 1,
    stdout: "",
    stderr:
      /500 Internal Server Error.*The batch may or may not have been created; it was not submitted twice\. Check before submitting again\.\n$/,
  },
  {
    name: "wait --timeout names the flag and how to resume",
    argv: () => ["batch", "wait", "1", "--timeout", "1s"],
    setup: createBatch,
    mock: { pollsToComplete: 1000 },
    code: 4,
    stdout: "",
    stderr:
      /claid: --timeout ran out waiting for batch 1 \(last status: PROCESSING\)\. The batch keeps running; resume with: claid batch wait 1\n$/,
  },
  {
    name: "wait --json on ERROR prints the batch with its errors, exit 3",
    argv: () => ["batch", "wait", "1", "--json"],
    setup: createBatch,
    mock: { lifecycle: ["PROCESSING", "ERROR"] },
    code: 3,
    stdout: (json) =>
      expect(json).toMatchObject({ id: 1, status: "ERROR", errors: [{ error: expect.stringMatching(/failed/) }] }),
    stderr: /^claid: Batch 1 ended in ERROR/,
  },
  {
    name: "create --wait --json on CANCELLED prints the batch, exit 3",
    argv: () => ["batch", "create", "--input", "storage://s/in/", "--wait", "--json"],
    mock: { lifecycle: ["PROCESSING", "CANCELLED"] },
    code: 3,
    stdout: (json) => expect(json).toMatchObject({ id: 1, status: "CANCELLED", errors: [] }),
    stderr: /^claid: Batch 1 was cancelled\.\n$/,
  },
  {
    name: "get --json of a missing batch prints one error document, exit 1",
    argv: () => ["batch", "get", "999", "--json"],
    code: 1,
    stdout: (json) =>
      expect(json).toEqual({
        error: {
          message: expect.stringMatching(/^404 Not Found/),
          exitCode: 1,
          status: 404,
          errorCode: "130",
          errorType: "general",
          errorDetails: {},
          requestId: "mock-000001",
        },
      }),
    stderr: /^claid: 404 Not Found/,
  },
  {
    name: "wait --timeout --json prints one error document, exit 4",
    argv: () => ["batch", "wait", "1", "--timeout", "1s", "--json"],
    setup: createBatch,
    mock: { pollsToComplete: 1000 },
    code: 4,
    stdout: (json) =>
      expect(json).toEqual({
        error: {
          message: expect.stringMatching(/^--timeout ran out/),
          exitCode: 4,
          taskId: 1,
          lastStatus: "PROCESSING",
        },
      }),
    stderr: /--timeout ran out/,
  },
  {
    name: "a usage error with --json prints one error document too",
    argv: () => ["batch", "get", "x1", "--json"],
    code: 2,
    stdout: (json) =>
      expect(json).toEqual({
        error: {
          message: expect.stringMatching(/a batch id is a whole number like 42, got "x1"/),
          exitCode: 2,
        },
      }),
    stderr: /got "x1"/,
    requests: 0,
  },
];

// Concurrent (each process takes a while to start), so each case owns its mock rather than useCliTest's per-test one.
describe.concurrent("argv → exit code, stdout, stderr", () => {
  // Generous: several CLI processes start at once, and a busy machine makes each slow to start.
  it.each(CASES.map((c) => [c.name, c] as const))(
    "%s",
    async (_, testCase) => {
      const server = await createClaidMockServer({ apiKey: KEY, pollsToComplete: 2, ...testCase.mock });
      try {
        await check(testCase, server);
      } finally {
        await server.close();
      }
    },
    90_000,
  );
});

async function check(testCase: Case, server: ClaidMockServer): Promise<void> {
  await testCase.setup?.(server);
  const before = server.store.requests.length;
  // Cases run concurrently: each writes its key files in a folder of its own (a shared file could be
  // read by one case while another truncates it to rewrite it).
  const own = mkdtempSync(join(dir(), "case-"));
  const empty = join(own, "empty-key");
  writeFileSync(empty, " \n");
  const short = join(own, "short-key");
  writeFileSync(short, "abcde\n");
  const run = await claid([...(testCase.atMock === false ? [] : at(server)), ...testCase.argv({ empty, short })], {
    env: testCase.env,
  });

  expect(run.code).toBe(testCase.code);
  if (typeof testCase.stdout === "function") testCase.stdout(JSON.parse(run.stdout));
  else if (testCase.stdout === "") expect(run.stdout).toBe("");
  else expect(run.stdout).toMatch(testCase.stdout);
  if (testCase.stderr === "") expect(run.stderr).toBe("");
  else expect(run.stderr).toMatch(testCase.stderr);
  expect(
    run.stderr
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("claid:") || l.startsWith("error:")),
  ).toHaveLength(testCase.code === 0 ? 0 : 1);
  expect(run.stderr).not.toMatch(SDK_NAMES); // --json's message is the same line
  if (testCase.requests !== undefined) expect(server.store.requests.length - before).toBe(testCase.requests);
}
