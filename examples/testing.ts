/** Shared by the examples' tests (not by the examples): mock server, bundling, bounded waiting. */
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { build } from "esbuild";

export const API_KEY = "example-test-key-0123456789";

export function startMock(pollsToComplete = 3): Promise<ClaidMockServer> {
  return createClaidMockServer({ apiKey: API_KEY, pollsToComplete });
}

/** Bundles an entry as a Worker/edge bundler would. */
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
