/**
 * Pulls the request/response examples out of the reference page. Each example
 * is tied to the JSON pointer of the schema it must satisfy, so tests can
 * validate it and the page's examples stay checked against the spec.
 */
import { fencedBlocks, isOpenApiDocument, type OpenApiDocument } from "./merge.ts";

export type SpecExample = { file: string; schema: string; value: unknown };

type CurrentOperation = { id: string; path: string; method: string; doc: OpenApiDocument };

export function extractExamples(markdown: string): SpecExample[] {
  const examples: SpecExample[] = [];
  let current: CurrentOperation | undefined;

  for (const { lang, body } of fencedBlocks(markdown)) {
    const json = lang === "json" ? parseLenient(body) : undefined;
    if (isOpenApiDocument(json)) {
      current = onlyOperation(json);
      continue;
    }
    if (lang === "http" && current) {
      const requestBody = httpBody(body);
      if (requestBody === undefined) continue;
      examples.push({ file: `${current.id}.request.json`, schema: requestSchema(current), value: requestBody });
    } else if (json !== undefined && current) {
      examples.push({ file: `${current.id}.response-200.json`, schema: responseSchema(current, "200"), value: json });
    } else if (json !== undefined && isInputFragment(json)) {
      // The contract's hints show only the `input` member of a batch request.
      const input = json.input;
      const kind = Array.isArray(input) ? "url-list" : "folder-recursive";
      examples.push({
        file: `batch-input.${kind}.json`,
        schema: "#/components/schemas/BatchEditRequest/properties/input",
        value: input,
      });
    }
  }
  return examples;
}

/** The page's snippets elide the rest of an object with `...`; drop that line. */
function parseLenient(body: string): unknown {
  const cleaned = body.replace(/,\s*\n\s*\.\.\.\s*\n/g, "\n").replace(/^\s*\.\.\.\s*$/gm, "");
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

function isInputFragment(value: unknown): value is { input: unknown } {
  return typeof value === "object" && value !== null && Object.keys(value).join() === "input";
}

function httpBody(message: string): unknown {
  const split = message.indexOf("\n\n");
  if (split < 0) return undefined;
  return JSON.parse(message.slice(split + 2));
}

function onlyOperation(doc: OpenApiDocument): CurrentOperation {
  const [path, item] = Object.entries(doc.paths)[0] ?? [];
  const [method] = Object.keys(item ?? {});
  if (!path || !method) throw new Error("Embedded OpenAPI document has no operation.");
  const summary = String(item?.[method]?.summary ?? `${method} ${path}`);
  return { id: slug(summary), path, method, doc };
}

function requestSchema(op: CurrentOperation): string {
  const schema = jsonAt(op.doc.paths[op.path]?.[op.method], ["requestBody", "content", "application/json", "schema"]);
  return refOf(schema);
}

function responseSchema(op: CurrentOperation, status: string): string {
  const schema = jsonAt(op.doc.paths[op.path]?.[op.method], [
    "responses",
    status,
    "content",
    "application/json",
    "schema",
  ]);
  return refOf(schema);
}

function refOf(schema: unknown): string {
  const ref = (schema as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== "string") throw new Error("Example schema is not a $ref.");
  return ref;
}

function jsonAt(value: unknown, keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
