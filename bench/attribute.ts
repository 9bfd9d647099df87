/**
 * Where a bundle's bytes come from: `npx tsx bench/attribute.ts [entry]` (default: the edge
 * create → wait program). The workspace packages are bundled from their sources, so each
 * line is one source file: its minified bytes (esbuild's metafile) and its gzip cost — what
 * the gzip -9 bundle loses without that file's code (identifiers and syntax minified, one
 * module per chunk, so gzip sees nearly the text of the budget's bundle).
 */
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { bundleOptions } from "./sizes.ts";

const ROOT = join(import.meta.dirname, "..");
const entry = process.argv[2] ?? join(ROOT, "bench/programs/claid-edge.ts");
const fromSources = {
  "@claid/core": join(ROOT, "packages/core/src/index.ts"),
  "@claid/edge": join(ROOT, "packages/edge/src/index.ts"),
};
const common = { ...bundleOptions(entry), alias: fromSources };

const minified = await build({ ...common, metafile: true });
const code = minified.outputFiles[0]?.text ?? "";
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
const inputs = Object.values(minified.metafile.outputs)[0]?.inputs ?? {};

// Without whitespace minification esbuild marks each module with a `// path` line.
const marked =
  (await build({ ...common, minify: false, minifyIdentifiers: true, minifySyntax: true })).outputFiles[0]?.text ?? "";
const chunks = new Map<string, string>();
const EXPORTS = "(export list)";
let current = "(bundle glue)";
for (const line of marked.split("\n")) {
  const path = /^\/\/ (\S+)$/.exec(line)?.[1];
  // The bundle's export list (last) names bindings of every module: a chunk of its own.
  if (line.startsWith("export {")) current = EXPORTS;
  if (path) current = path;
  else chunks.set(current, `${chunks.get(current) ?? ""}${current === EXPORTS ? line.trim() : `${line}\n`}`);
}
// Each chunk is whole statements: strip its whitespace as the budget's minified bundle does.
for (const [name, text] of chunks) {
  if (name !== EXPORTS) chunks.set(name, (await transform(text, { minifyWhitespace: true })).code);
}
const whole = gzip([...chunks.values()].join(""));

console.log(`${relative(ROOT, entry)}: ${code.length} B minified, ${gzip(code)} B gzip -9\n`);
console.log("minified  gzip cost  source");
const rows = Object.entries(inputs).map(([path, { bytesInOutput }]) => {
  const others = [...chunks].filter(([name]) => !path.endsWith(name) && !name.endsWith(path)).map(([, text]) => text);
  return { path, min: bytesInOutput, cost: whole - gzip(others.join("")) };
});
for (const { path, min, cost } of rows.sort((a, b) => b.min - a.min)) {
  console.log(`${String(min).padStart(8)}  ${String(cost).padStart(9)}  ${path}`);
}
