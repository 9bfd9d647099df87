/**
 * Turns Claid's published reference page into one OpenAPI 3.1 document.
 * The page embeds one complete OpenAPI document per operation (each repeating
 * `components`); this module extracts them, merges them without losing or
 * silently changing anything, and applies the documented patches in spec/.
 * One merge implementation: `spec:build` and `spec:update` both call it.
 */
import jsonPatch, { type Operation } from "fast-json-patch";

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

export type SpecPatch = { id: string; reason: string; ops: Operation[] };

export class SpecSourceError extends Error {
  override name = "SpecSourceError";
}

const FENCE = /^```(\w*)[^\n]*\n([\s\S]*?)^```/gm;

/** Every fenced block of the page with its language tag and body. */
export function fencedBlocks(markdown: string): { lang: string; body: string }[] {
  return [...markdown.matchAll(FENCE)].map((m) => ({ lang: m[1] ?? "", body: m[2] ?? "" }));
}

/** The OpenAPI documents embedded in a docs page, in page order. */
export function extractOpenApiDocuments(markdown: string): OpenApiDocument[] {
  const docs: OpenApiDocument[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.lang !== "json" || !block.body.includes('"openapi"')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(block.body);
    } catch (error) {
      throw new SpecSourceError(`An embedded OpenAPI block is not valid JSON: ${(error as Error).message}`);
    }
    if (isOpenApiDocument(parsed)) docs.push(parsed);
  }
  if (docs.length === 0) throw new SpecSourceError("No embedded OpenAPI document found in the page.");
  return docs;
}

export function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  if (typeof value !== "object" || value === null) return false;
  const doc = value as Record<string, unknown>;
  return typeof doc.openapi === "string" && typeof doc.paths === "object" && doc.paths !== null;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Merges per-operation documents into one. Identical parts are kept once; a
 * component or operation defined differently by two documents is an error, not
 * a silent pick. Root `security` may differ between documents, so each
 * document's root security is moved onto its own operations.
 */
export function mergeDocuments(docs: OpenApiDocument[]): OpenApiDocument {
  const [first] = docs;
  if (!first) throw new SpecSourceError("Nothing to merge.");
  const merged: OpenApiDocument = { openapi: first.openapi, info: first.info, paths: {} };
  const components: Record<string, Record<string, unknown>> = {};
  const tags = new Map<string, unknown>();

  for (const [index, doc] of docs.entries()) {
    const where = `document ${index + 1}`;
    if (doc.openapi !== first.openapi)
      throw new SpecSourceError(`${where} is OpenAPI ${doc.openapi}, not ${first.openapi}.`);
    if (!deepEqual(doc.info, first.info)) throw new SpecSourceError(`${where} has a different info object.`);
    for (const tag of (doc.tags as { name: string }[] | undefined) ?? []) {
      const seen = tags.get(tag.name);
      if (seen && !deepEqual(seen, tag)) throw new SpecSourceError(`Tag "${tag.name}" differs in ${where}.`);
      tags.set(tag.name, tag);
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      const target = merged.paths[path] ?? {};
      merged.paths[path] = target;
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.includes(method)) {
          target[method] = operation;
          continue;
        }
        if (target[method]) throw new SpecSourceError(`${method.toUpperCase()} ${path} is defined twice (${where}).`);
        target[method] = doc.security && !operation.security ? { ...operation, security: doc.security } : operation;
      }
    }
    for (const [section, entries] of Object.entries(doc.components ?? {})) {
      const into = components[section] ?? {};
      components[section] = into;
      for (const [name, value] of Object.entries(entries)) {
        if (name in into && !deepEqual(into[name], value)) {
          throw new SpecSourceError(`components.${section}.${name} differs between documents (${where}).`);
        }
        into[name] = value;
      }
    }
  }
  if (tags.size > 0) merged.tags = [...tags.values()];
  merged.components = components;
  return merged;
}

/** Applies the patches in order; a patch whose `test` fails names itself and the path. */
export function applyPatches(doc: OpenApiDocument, patches: SpecPatch[]): OpenApiDocument {
  let result = structuredClone(doc);
  for (const patch of patches) {
    try {
      result = jsonPatch.applyPatch(result, structuredClone(patch.ops), true, false).newDocument;
    } catch (error) {
      const e = error as { message: string; operation?: Operation };
      const at = e.operation ? ` (${e.operation.op} ${e.operation.path})` : "";
      throw new SpecSourceError(`Patch "${patch.id}" no longer applies${at}: ${e.message.split("\n")[0]}`);
    }
  }
  return result;
}

const ROOT_ORDER = [
  "openapi",
  "info",
  "jsonSchemaDialect",
  "servers",
  "security",
  "tags",
  "paths",
  "webhooks",
  "components",
];

/** Canonical top-level key order, so patches that add root keys do not move them around. */
export function normalizeDocument(doc: OpenApiDocument): OpenApiDocument {
  const rank = (key: string) => (ROOT_ORDER.includes(key) ? ROOT_ORDER.indexOf(key) : ROOT_ORDER.length);
  const keys = Object.keys(doc).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((k) => [k, doc[k]])) as OpenApiDocument;
}

/** Stable formatting for committed JSON: two-space indent and a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
