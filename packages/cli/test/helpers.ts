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
  { env = {}, input, cwd }: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, CLAID_API_KEY: KEY, CLAID_BASE_URL: undefined, ...env }, cwd },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** `--base-url <mock>` */
export const at = (server: ClaidMockServer) => ["--base-url", server.url];

let tmuxSessions = 0;

/**
 * Runs `shell` in a real terminal `columns` wide (a detached tmux session on a private socket, as an
 * interactive user's terminal: no CI) and resolves with the rows the screen shows once it exits (a long
 * line wraps onto several), and its exit code. `columns: 0` is a terminal that reports 0 columns (`stty cols 0`).
 */
export async function onScreen(columns: number, shell: string): Promise<{ screen: string; code: number }> {
  const socket = `claid-cli-test-${process.pid}-${++tmuxSessions}`;
  const tmux = (...args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile("tmux", ["-L", socket, "-f", "/dev/null", ...args], (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
  const setup = columns === 0 ? "stty cols 0; " : "";
  const script = `${setup}env -u CI CLAID_API_KEY=${KEY} ${shell}; echo "EXIT=$?"; sleep 60`;
  await tmux("new-session", "-d", "-x", String(columns || 80), "-y", "50", "sh", "-c", script);
  try {
    for (let waited = 0; waited < 50_000; waited += 100) {
      const screen = await tmux("capture-pane", "-p", "-S", "-");
      const exit = /^EXIT=(\d+)$/m.exec(screen);
      if (exit) return { screen: screen.slice(0, exit.index).trimEnd(), code: Number(exit[1]) };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no exit within 50 s; the screen shows:\n${await tmux("capture-pane", "-p", "-S", "-")}`);
  } finally {
    await tmux("kill-server").catch(() => undefined);
  }
}
