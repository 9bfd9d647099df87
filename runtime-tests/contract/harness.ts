/** Node-side helpers for the runtime drivers: the mock server and a URL nothing listens on. */
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { expect } from "vitest";
import type { ContractResult } from "./suite.ts";

export const API_KEY = "runtime-test-key-0123456789";

export function startMock(): Promise<ClaidMockServer> {
  return createClaidMockServer({ apiKey: API_KEY, pollsToComplete: 2 });
}

/** A loopback URL whose port was just free: connecting to it is refused. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
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
