/**
 * spec:update — take a new version of Claid's spec (a docs page with embedded
 * OpenAPI blocks, or a full OpenAPI 3.x document in JSON or YAML; a path or an
 * http(s) URL), apply spec/patches.json, report and classify every change,
 * regenerate, and write one changeset. Everything is computed before anything
 * is written: a bad document or a patch that no longer applies changes nothing.
 *   npm run spec:update -- <source>
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { validate } from "@readme/openapi-parser";
import { parse as parseYaml } from "yaml";
import { renderAll } from "../generate/index.ts";
import { PUBLISHED_PACKAGES } from "../packages.ts";
import { bumpOf, diffSpecs, type Impact, type SpecChange } from "./diff.ts";
import { extractExamples } from "./examples.ts";
import {
  applyPatches,
  extractOpenApiDocuments,
  formatJson,
  isOpenApiDocument,
  mergeDocuments,
  normalizeDocument,
  type OpenApiDocument,
  SpecSourceError,
} from "./merge.ts";

const ROOT = resolve(import.meta.dirname, "../..");
/**
 * Packages whose public API or behaviour follows the generated types or spec
 * module: every published one (the libraries' types, the CLI's flag choices).
 */
export const AFFECTED_PACKAGES = PUBLISHED_PACKAGES.map((p) => p.name);

export interface UpdateResult {
  changes: SpecChange[];
  bump: Impact;
  summary: string;
  /** Files written, relative to the root. */
  written: string[];
}

export async function updateSpec(source: string, root = ROOT): Promise<UpdateResult> {
  const text = await readSource(source);
  const { spec, examples } = await parseSource(text, source, root);
  const specText = formatJson(spec);
  const before = JSON.parse(readFileSync(join(root, "spec/claid.openapi.json"), "utf8")) as OpenApiDocument;
  const changes = diffSpecs(before, spec);
  const bump = bumpOf(changes);
  const generated = await renderAll(specText);
  const summary = summarize(changes, bump);

  // Everything is known; only now write.
  const files = new Map<string, string>([["spec/claid.openapi.json", specText], ...generated]);
  for (const example of examples ?? []) files.set(`spec/examples/${example.file}`, formatJson(example.value));
  if (examples)
    files.set("spec/examples/index.json", formatJson(Object.fromEntries(examples.map((e) => [e.file, e.schema]))));
  if (changes.length > 0) {
    const id = createHash("sha256").update(specText).digest("hex").slice(0, 8);
    const frontMatter = AFFECTED_PACKAGES.map((name) => `"${name}": ${bump}`).join("\n");
    files.set(`.changeset/spec-update-${id}.md`, `---\n${frontMatter}\n---\n\n${summary}\n`);
  }
  for (const [file, content] of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return { changes, bump, summary, written: [...files.keys()] };
}

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source).catch((error: Error) => {
      throw new SpecSourceError(`Cannot fetch ${source}: ${error.message}`);
    });
    if (!response.ok) throw new SpecSourceError(`Cannot fetch ${source}: ${response.status}`);
    return response.text();
  }
  try {
    return readFileSync(source, "utf8");
  } catch (error) {
    throw new SpecSourceError(`Cannot read ${source}: ${(error as Error).message}`);
  }
}

/** A full document (JSON/YAML) as it is; a docs page through the same extract-and-merge as spec:build. Then the patches. */
async function parseSource(text: string, source: string, root: string) {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    try {
      document = /\.(ya?ml)$/i.test(source) || /^\s*openapi\s*:/m.test(text) ? parseYaml(text) : undefined;
    } catch (error) {
      throw new SpecSourceError(`${basename(source)} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  const isDocument = document !== undefined;
  if (isDocument && !(isOpenApiDocument(document) && /^3\./.test(document.openapi))) {
    throw new SpecSourceError(`${basename(source)} is not an OpenAPI 3.x document (no "openapi: 3.x" and "paths").`);
  }
  const merged = isDocument ? (document as OpenApiDocument) : mergeDocuments(extractOpenApiDocuments(text));
  const patches = JSON.parse(readFileSync(join(root, "spec/patches.json"), "utf8")).patches;
  const spec = normalizeDocument(applyPatches(merged, patches));
  const result = await validate(structuredClone(spec) as never);
  if (!result.valid) {
    const first = result.errors[0];
    throw new SpecSourceError(`The updated spec is not valid OpenAPI: ${first?.message ?? "unknown error"}`);
  }
  return { spec, examples: isDocument ? undefined : extractExamples(text) };
}

export function summarize(changes: SpecChange[], bump: Impact): string {
  if (changes.length === 0) return "Spec update: no changes.";
  const order: Impact[] = ["major", "minor", "patch"];
  const lines = [...changes]
    .sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact))
    .map((c) => `- ${c.impact}: ${c.where}: ${c.what}`);
  const label = { major: "breaking", minor: "additive", patch: "documentation only" }[bump];
  return [
    `Spec update (${bump}, ${label}): ${changes.length} change${changes.length === 1 ? "" : "s"}.`,
    "",
    ...lines,
  ].join("\n");
}

if (process.argv[1] && basename(process.argv[1]) === "update.ts") {
  const source = process.argv[2];
  if (!source) {
    console.error("usage: npm run spec:update -- <docs page .md | openapi .json/.yaml | http(s) URL>");
    process.exit(2);
  }
  try {
    const { summary, written } = await updateSpec(source);
    console.log(summary);
    console.log(`\nWrote ${written.join(", ")}`);
  } catch (error) {
    console.error(`spec:update: ${(error as Error).message}\nNothing was written.`);
    process.exitCode = 1;
  }
}
