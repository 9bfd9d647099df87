/** README code blocks, compiled as written, so the tests run what users copy. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transform } from "esbuild";
import { ROOT } from "../packages.ts";

/** A ```ts block of a README: its code and the 1-based line of its opening fence. */
export interface ReadmeBlock {
  code: string;
  line: number;
}

/** Every ```ts block of `readme` (relative to the root), in order. */
export function readmeBlocks(readme: string): ReadmeBlock[] {
  const text = readFileSync(join(ROOT, readme), "utf8");
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({
    code: m[1] ?? "",
    line: text.slice(0, m.index).split("\n").length,
  }));
}

/**
 * Compiles the first ```ts block of `readme` (relative to the root) that contains `marker`
 * into an ES module inside the repo (so `@claid/*` imports resolve to the workspace).
 */
export async function compileReadmeSnippet(
  readme: string,
  marker: string,
): Promise<{ file: string; remove: () => void }> {
  const snippet = readmeBlocks(readme)
    .map((block) => block.code)
    .find((code) => code.includes(marker));
  if (!snippet) throw new Error(`${readme} has no ts block containing ${JSON.stringify(marker)}`);
  const { code } = await transform(snippet, { loader: "ts", format: "esm" });
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  const folder = mkdtempSync(join(ROOT, "node_modules/.cache/readme-snippet-"));
  const file = join(folder, "snippet.mjs");
  writeFileSync(file, code);
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
