/**
 * The README's Worker snippet built the way a user deploys it: `wrangler deploy --dry-run
 * --minify --outdir`, beside the esbuild figure of bench/sizes.ts (same gzip -9 of the output).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type BundleSize, bundleSize } from "../sizes.ts";

const ROOT = join(import.meta.dirname, "../..");
/** The README block this measures: the one that builds a Worker with `@claid/edge`. */
export const WORKER_SNIPPET_MARKER = 'from "@claid/edge";\n\nexport default';

export function readmeWorkerSnippet(readme = readFileSync(join(ROOT, "README.md"), "utf8")): string {
  const snippet = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? "")
    .find((code) => code.includes(WORKER_SNIPPET_MARKER));
  if (!snippet) throw new Error("README.md has no ts block with a Worker using @claid/edge");
  return snippet;
}

export interface WranglerBuild extends BundleSize {
  /** What wrangler itself prints as the upload's gzip size, KiB. */
  reportedGzipKiB: number | undefined;
}

export interface WranglerSize extends WranglerBuild {
  /**
   * The same with `keep_names = false` in wrangler.toml: wrangler's default (true) wraps every
   * function to keep its `name`, which the SDK does not need (its errors set their names).
   */
  withoutKeepNames: WranglerBuild;
  /** The same snippet bundled by bench/sizes.ts (esbuild), for comparison. */
  esbuild: BundleSize;
}

export async function measureWranglerBuild(): Promise<WranglerSize> {
  // Inside the repo, so that `@claid/edge` resolves to the workspace as in the esbuild figure.
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  const folder = mkdtempSync(join(ROOT, "node_modules/.cache/bench-wrangler-"));
  try {
    writeFileSync(join(folder, "worker.ts"), readmeWorkerSnippet());
    return {
      ...wranglerBuild(folder, ""),
      withoutKeepNames: wranglerBuild(folder, "keep_names = false\n"),
      esbuild: await bundleSize(join(folder, "worker.ts")),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `wrangler deploy --dry-run --minify --outdir` of `folder`'s worker.ts, with `extraConfig` in wrangler.toml. */
function wranglerBuild(folder: string, extraConfig: string): WranglerBuild {
  writeFileSync(
    join(folder, "wrangler.toml"),
    `name = "claid-readme-worker"\nmain = "worker.ts"\ncompatibility_date = "2026-04-01"\n${extraConfig}`,
  );
  const out = join(folder, "out");
  rmSync(out, { recursive: true, force: true });
  const printed = execFileSync(
    join(ROOT, "node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--minify", "--outdir", out],
    {
      cwd: folder,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const file = readdirSync(out).find((name) => name.endsWith(".js"));
  if (!file) throw new Error(`wrangler wrote no .js file to ${out}:\n${printed}`);
  const code = readFileSync(join(out, file));
  const reported = /gzip:\s*([\d.]+)\s*KiB/.exec(printed)?.[1];
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    reportedGzipKiB: reported === undefined ? undefined : Number(reported),
  };
}
