/** Bundle-size measurement shared by `npm run bench` and the budget test: esbuild, minified ESM, gzip -9. */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  min: number;
  gzip: number;
}

export async function bundleSize(
  entry: string,
  platform: "neutral" | "browser" | "node" = "neutral",
): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    conditions: platform === "neutral" ? ["workerd", "worker", "browser"] : [],
    external: platform === "node" ? ["node:*"] : [],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
