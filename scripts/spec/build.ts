/**
 * spec:build — rebuilds spec/claid.openapi.json and spec/examples/ from the
 * vendored reference page (spec/source/) and the patches in spec/patches.json.
 *   npm run spec:build [-- <page.md>]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { extractExamples, type SpecExample } from "./examples.ts";
import {
  applyPatches,
  extractOpenApiDocuments,
  formatJson,
  mergeDocuments,
  normalizeDocument,
  type OpenApiDocument,
  type SpecPatch,
} from "./merge.ts";

export const SPEC_DIR = resolve(import.meta.dirname, "../../spec");
export const SPEC_FILE = join(SPEC_DIR, "claid.openapi.json");
export const SOURCE_PAGE = join(SPEC_DIR, "source/claid-batch-api-reference.md");
export const PATCHES_FILE = join(SPEC_DIR, "patches.json");
export const EXAMPLES_DIR = join(SPEC_DIR, "examples");

export function loadPatches(file = PATCHES_FILE): SpecPatch[] {
  return JSON.parse(readFileSync(file, "utf8")).patches;
}

/** The spec and examples a page yields, with the patches applied. Writes nothing. */
export function buildFromPage(
  markdown: string,
  patches = loadPatches(),
): { spec: OpenApiDocument; examples: SpecExample[] } {
  const spec = normalizeDocument(applyPatches(mergeDocuments(extractOpenApiDocuments(markdown)), patches));
  return { spec, examples: extractExamples(markdown) };
}

export function writeSpec(spec: OpenApiDocument, examples: SpecExample[]): void {
  writeFileSync(SPEC_FILE, formatJson(spec));
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  for (const file of readdirSync(EXAMPLES_DIR)) rmSync(join(EXAMPLES_DIR, file));
  for (const example of examples) writeFileSync(join(EXAMPLES_DIR, example.file), formatJson(example.value));
  const index = Object.fromEntries(examples.map((e) => [e.file, e.schema]));
  writeFileSync(join(EXAMPLES_DIR, "index.json"), formatJson(index));
}

if (process.argv[1] && basename(process.argv[1]) === "build.ts") {
  const page = process.argv[2] ?? SOURCE_PAGE;
  const { spec, examples } = buildFromPage(readFileSync(page, "utf8"));
  writeSpec(spec, examples);
  const schemas = Object.keys(spec.components?.schemas ?? {}).length;
  console.log(
    `spec/claid.openapi.json: ${Object.keys(spec.paths).length} paths, ${schemas} schemas; ${examples.length} examples`,
  );
}
