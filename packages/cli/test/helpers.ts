/** What every CLI test file needs: the built `claid`, a mock server per test, a temporary folder. */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClaidMockServer, type ClaidMockServerOptions, createClaidMockServer } from "@claid/msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export const CLI = join(import.meta.dirname, "../dist/cli.js");
export const KEY = "cli-test-key-0123456789-secret";

/**
 * Registers the hooks of one test file: mock servers are closed after each test,
 * and `dir()` is a temporary folder removed after the file.
 */
export function useCliTest(): {
  mock: (options?: ClaidMockServerOptions) => Promise<ClaidMockServer>;
  dir: () => string;
} {
  const servers: ClaidMockServer[] = [];
  let folder: string | undefined;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "claid-cli-"));
  });
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    async mock(options = {}) {
      const server = await createClaidMockServer({ apiKey: KEY, pollsToComplete: 2, ...options });
      servers.push(server);
      return server;
    },
    dir: () => {
      if (!folder) throw new Error("dir() is only available inside tests");
      return folder;
    },
  };
}

export type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the built CLI with the test key in the environment (and no CLAID_BASE_URL). */
export function claid(
  args: string[],
  { env = {}, input }: { env?: Record<string, string | undefined>; input?: string } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, CLAID_API_KEY: KEY, CLAID_BASE_URL: undefined, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** `--base-url <mock>` */
export const at = (server: ClaidMockServer) => ["--base-url", server.url];
