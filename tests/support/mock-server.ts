/**
 * Node-side test support shared by the runtime drivers and the examples' tests:
 * the mock server, a URL nothing listens on, Worker-style bundling, bounded waiting.
 */
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { build } from "esbuild";
import { expect } from "vitest";
import type { ContractResult } from "./suite.ts";

export const API_KEY = "runtime-test-key-0123456789";

export function startMock(pollsToComplete = 2): Promise<ClaidMockServer> {
  return createClaidMockServer({ apiKey: API_KEY, pollsToComplete });
}

/** Bundles an entry as an edge bundler (wrangler, Vercel) would: esbuild, one file, runtime conditions. */
export async function bundle(
  entry: string,
  format: "esm" | "iife" = "esm",
  conditions = ["workerd", "worker", "browser"],
): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format,
    platform: "neutral",
    conditions,
    external: ["cloudflare:*"],
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

/** Polls `probe` every 100 ms until it returns a value, or throws after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A loopback URL whose port was just free: connecting to it is refused. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/**
 * What a suite running in another process or isolate reads to reach the mock:
 * its URL, the key, and a URL that refuses connections.
 */
export async function suiteVariables(
  mock: ClaidMockServer,
): Promise<{ CLAID_MOCK_URL: string; CLAID_API_KEY: string; CLAID_DEAD_URL: string }> {
  return { CLAID_MOCK_URL: mock.url, CLAID_API_KEY: API_KEY, CLAID_DEAD_URL: await deadUrl() };
}

/** Asserts one runtime's report case by case, so a failure names the case and the reason. */
export function expectPassed(results: ContractResult[] | undefined, name: string): void {
  const result = results?.find((r) => r.name === name);
  expect(result, `no result for "${name}"`).toBeDefined();
  expect(result?.error).toBeUndefined();
  expect(result?.ok).toBe(true);
}

/** Runs a runtime's own test command; never rejects: the exit code and all output come back. */
export function runCommand(
  file: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, options, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}
