/** Bundle-size measurement shared by `npm run bench` and the budget test: esbuild, minified ESM, gzip -9. */
import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";

export interface BundleSize {
  min: number;
  gzip: number;
}

export type Platform = "neutral" | "browser" | "node";

/** esbuild's options for a minified ESM bundle of `entry`, as a Worker (neutral), a browser page or a Node program would ship it. */
export function bundleOptions(entry: string, platform: Platform = "neutral") {
  return {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    conditions: platform === "neutral" ? ["workerd", "worker", "browser"] : [],
    external: platform === "node" ? ["node:*"] : [],
    write: false,
    logLevel: "silent",
  } satisfies BuildOptions;
}

/** The minified ESM bundle of `entry` (see `bundleOptions`). */
export async function bundle(entry: string, platform: Platform = "neutral"): Promise<Uint8Array> {
  const result = await build(bundleOptions(entry, platform));
  return result.outputFiles[0]?.contents ?? new Uint8Array();
}

export async function bundleSize(entry: string, platform: Platform = "neutral"): Promise<BundleSize> {
  const code = await bundle(entry, platform);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
