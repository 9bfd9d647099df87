import { build } from "esbuild";

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
