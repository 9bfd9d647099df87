/**
 * Compares two versions of the spec and classifies every change for SDK
 * consumers: breaking → major, additive → minor, docs-only → patch. Whether a
 * schema change breaks depends on where the schema is used: a newly required
 * property breaks requests, a removed property breaks responses. A change this
 * module does not recognise is reported as breaking, never dropped.
 */
import { deepEqual, type OpenApiDocument } from "./merge.ts";

export type Impact = "major" | "minor" | "patch";
export interface SpecChange {
  impact: Impact;
  where: string;
  what: string;
}

type Schema = Record<string, unknown>;
type Usage = { request: boolean; response: boolean };

const DOC_KEYS = new Set(["description", "title", "summary", "example", "examples", "externalDocs"]);
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function diffSpecs(before: OpenApiDocument, after: OpenApiDocument): SpecChange[] {
  const changes: SpecChange[] = [];
  const usage = schemaUsage(after, schemaUsage(before));

  for (const [path, method, op] of operations(before)) {
    if (!operations(after).some(([p, m]) => p === path && m === method)) {
      changes.push({ impact: "major", where: `${method.toUpperCase()} ${path}`, what: "operation removed" });
    } else {
      const next = (after.paths[path] as Record<string, Schema>)[method] as Schema;
      diffValues(op, next, `${method.toUpperCase()} ${path}`, { request: true, response: true }, changes, true);
    }
  }
  for (const [path, method] of operations(after)) {
    if (!operations(before).some(([p, m]) => p === path && m === method)) {
      changes.push({ impact: "minor", where: `${method.toUpperCase()} ${path}`, what: "operation added" });
    }
  }

  const oldSchemas = (before.components?.schemas ?? {}) as Record<string, Schema>;
  const newSchemas = (after.components?.schemas ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(oldSchemas)) {
    const next = newSchemas[name];
    if (!next) changes.push({ impact: "major", where: name, what: "schema removed" });
    else diffSchema(schema, next, name, usage.get(name) ?? { request: true, response: true }, changes);
  }
  for (const name of Object.keys(newSchemas)) {
    if (!(name in oldSchemas)) changes.push({ impact: "minor", where: name, what: "schema added" });
  }

  const rest = (doc: OpenApiDocument) => ({
    ...doc,
    paths: undefined,
    components: { ...doc.components, schemas: undefined },
  });
  diffValues(rest(before), rest(after), "document", { request: true, response: true }, changes, true);
  return changes;
}

/** The highest impact of a list of changes (patch when there are none). */
export function bumpOf(changes: SpecChange[]): Impact {
  if (changes.some((c) => c.impact === "major")) return "major";
  return changes.some((c) => c.impact === "minor") ? "minor" : "patch";
}

function operations(doc: OpenApiDocument): [string, string, Schema][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]): [string, string, Schema] => [path, method, op as Schema]),
  );
}

/** Which schemas are reachable from request bodies and which from responses. */
function schemaUsage(doc: OpenApiDocument, into = new Map<string, Usage>()): Map<string, Usage> {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  const mark = (node: unknown, side: keyof Usage, seen: Set<string>) => {
    if (Array.isArray(node)) {
      for (const n of node) mark(n, side, seen);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
      const name = ref.slice("#/components/schemas/".length);
      if (seen.has(name)) return;
      seen.add(name);
      const usage = into.get(name) ?? { request: false, response: false };
      usage[side] = true;
      into.set(name, usage);
      mark(schemas[name], side, seen);
    }
    for (const value of Object.values(node)) mark(value, side, seen);
  };
  for (const [, , op] of operations(doc)) {
    mark(op.requestBody, "request", new Set());
    mark(op.parameters, "request", new Set());
    mark(op.responses, "response", new Set());
  }
  return into;
}

function diffSchema(a: Schema, b: Schema, where: string, usage: Usage, changes: SpecChange[]): void {
  const propsA = (a.properties ?? {}) as Record<string, Schema>;
  const propsB = (b.properties ?? {}) as Record<string, Schema>;
  const reqA = new Set((a.required ?? []) as string[]);
  const reqB = new Set((b.required ?? []) as string[]);
  for (const [name, prop] of Object.entries(propsA)) {
    const at = `${where}.${name}`;
    if (!(name in propsB)) {
      changes.push({ impact: "major", where: at, what: "property removed" });
      continue;
    }
    if (!reqA.has(name) && reqB.has(name))
      changes.push({ impact: usage.request ? "major" : "minor", where: at, what: "property became required" });
    if (reqA.has(name) && !reqB.has(name))
      changes.push({ impact: usage.response ? "major" : "minor", where: at, what: "property became optional" });
    diffSchema(prop, propsB[name] as Schema, at, usage, changes);
  }
  for (const name of Object.keys(propsB)) {
    if (name in propsA) continue;
    const required = reqB.has(name);
    const impact = required && usage.request ? "major" : "minor";
    changes.push({ impact, where: `${where}.${name}`, what: `${required ? "required" : "optional"} property added` });
  }
  const enumA = a.enum as unknown[] | undefined;
  const enumB = b.enum as unknown[] | undefined;
  if (enumA && enumB) {
    for (const value of enumA)
      if (!enumB.some((v) => deepEqual(v, value)))
        changes.push({ impact: "major", where, what: `enum value ${JSON.stringify(value)} removed` });
    for (const value of enumB)
      if (!enumA.some((v) => deepEqual(v, value)))
        changes.push({ impact: "minor", where, what: `enum value ${JSON.stringify(value)} added` });
  }
  if (!deepEqual(a.type, b.type)) {
    const narrowed = !typesOf(a.type).every((t) => typesOf(b.type).includes(t));
    const impact = narrowed || usage.response ? "major" : "minor";
    changes.push({ impact, where, what: `type ${JSON.stringify(a.type)} → ${JSON.stringify(b.type)}` });
  }
  if (!deepEqual(a.default, b.default)) {
    changes.push({
      impact: "minor",
      where,
      what: `default ${JSON.stringify(a.default)} → ${JSON.stringify(b.default)}`,
    });
  }
  const handled = new Set(["properties", "required", "enum", "type", "default"]);
  const restA = Object.fromEntries(Object.entries(a).filter(([k]) => !handled.has(k)));
  const restB = Object.fromEntries(Object.entries(b).filter(([k]) => !handled.has(k)));
  diffValues(restA, restB, where, usage, changes, false);
}

/** Any other difference: documentation keys are patch, anything else is unclassified and therefore major. */
function diffValues(
  a: unknown,
  b: unknown,
  where: string,
  usage: Usage,
  changes: SpecChange[],
  operationLevel: boolean,
): void {
  if (deepEqual(a, b)) return;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    changes.push({ impact: "major", where, what: `changed from ${brief(a)} to ${brief(b)} (unclassified)` });
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const va = (a as Record<string, unknown>)[key];
    const vb = (b as Record<string, unknown>)[key];
    if (deepEqual(va, vb)) continue;
    const at = Array.isArray(a) ? `${where}[${key}]` : `${where}.${key}`;
    if (DOC_KEYS.has(key) && !Array.isArray(a)) changes.push({ impact: "patch", where: at, what: `${key} changed` });
    else if (operationLevel && key === "responses") diffResponses(va as Schema, vb as Schema, at, changes);
    else diffValues(va, vb, at, usage, changes, operationLevel);
  }
}

function diffResponses(a: Schema = {}, b: Schema = {}, where: string, changes: SpecChange[]): void {
  for (const status of Object.keys(a))
    if (!(status in b)) changes.push({ impact: "major", where: `${where}.${status}`, what: "response removed" });
  for (const status of Object.keys(b)) {
    if (!(status in a)) changes.push({ impact: "minor", where: `${where}.${status}`, what: "response added" });
    else diffValues(a[status], b[status], `${where}.${status}`, { request: false, response: true }, changes, false);
  }
}

function typesOf(type: unknown): unknown[] {
  return Array.isArray(type) ? type : [type];
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
