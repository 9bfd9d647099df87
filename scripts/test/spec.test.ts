import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validatorFor } from "@claid/core/spec";
import { validate } from "@readme/openapi-parser";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { buildFromPage, EXAMPLES_DIR, loadPatches, SOURCE_PAGE, SPEC_FILE } from "../spec/build.ts";
import {
  applyPatches,
  extractOpenApiDocuments,
  mergeDocuments,
  type OpenApiDocument,
  SpecSourceError,
} from "../spec/merge.ts";

const page = readFileSync(SOURCE_PAGE, "utf8");
const specText = readFileSync(SPEC_FILE, "utf8");
const spec = JSON.parse(specText) as OpenApiDocument;
const sources = extractOpenApiDocuments(page);
/** Every JSON pointer a documented patch changes. */
const patchedPaths = loadPatches().flatMap((p) => p.ops.filter((op) => op.op !== "test").map((op) => op.path));

describe("spec/claid.openapi.json", () => {
  it("is exactly what spec:build makes from the vendored page and patches", () => {
    const { spec: rebuilt, examples } = buildFromPage(page);
    expect(`${JSON.stringify(rebuilt, null, 2)}\n`).toBe(specText);
    const index = JSON.parse(readFileSync(join(EXAMPLES_DIR, "index.json"), "utf8"));
    expect(Object.keys(index)).toEqual(examples.map((e) => e.file));
    for (const example of examples) {
      expect(JSON.parse(readFileSync(join(EXAMPLES_DIR, example.file), "utf8"))).toEqual(example.value);
    }
  });

  it("passes the OpenAPI 3.1 schema validator with zero errors", async () => {
    const result = await validate(structuredClone(spec) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("passes Redocly's recommended lint rules with zero errors", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: specText, absoluteRef: SPEC_FILE, config });
    const errors = problems.filter((p) => p.severity === "error").map((p) => `${p.ruleId}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it("merges two per-operation documents with the union of 67 schemas, plus the ones patches add", () => {
    expect(sources).toHaveLength(2);
    expect(Object.keys(mergeDocuments(sources).components?.schemas ?? {})).toHaveLength(67);
    const added = loadPatches().flatMap((p) =>
      p.ops.filter((op) => op.op === "add" && /^\/components\/schemas\/[^/]+$/.test(op.path)),
    );
    expect(Object.keys(spec.components?.schemas ?? {})).toHaveLength(67 + added.length);
    expect(spec.servers).toEqual([{ url: "https://api.claid.ai" }]);
  });

  describe.each(sources.map((doc, i) => [i + 1, doc] as const))(
    "source document %i is fully contained",
    (_, source) => {
      it("every path, operation and response status, with ids, summaries and descriptions as published", () => {
        for (const [path, item] of Object.entries(source.paths)) {
          for (const [method, operation] of Object.entries(item)) {
            const merged = spec.paths[path]?.[method] as Record<string, unknown> | undefined;
            expect(merged, `${method} ${path}`).toBeDefined();
            for (const key of ["operationId", "summary", "description", "tags", "parameters", "requestBody"]) {
              expect(merged?.[key], `${method} ${path} ${key}`).toEqual(operation[key]);
            }
            const responses = operation.responses as Record<string, unknown>;
            const mergedResponses = (merged?.responses ?? {}) as Record<string, unknown>;
            for (const [status, response] of Object.entries(responses)) {
              const pointer = `/paths/${path.replaceAll("/", "~1")}/${method}/responses/${status}`;
              if (!patchedPaths.some((patched) => patched === pointer || patched.startsWith(`${pointer}/`))) {
                expect(mergedResponses[status], `${method} ${path} ${status}`).toEqual(response);
              }
            }
          }
        }
      });

      it("every schema, unchanged unless a documented patch touches it", () => {
        const patched = new Set(
          loadPatches().flatMap((p) => p.ops.map((op) => /^\/components\/schemas\/([^/]+)/.exec(op.path)?.[1])),
        );
        for (const [name, schema] of Object.entries(source.components?.schemas ?? {})) {
          expect(spec.components?.schemas?.[name], name).toBeDefined();
          if (!patched.has(name)) expect(spec.components?.schemas?.[name], name).toEqual(schema);
        }
      });
    },
  );

  it("every example validates against its schema", () => {
    const index = JSON.parse(readFileSync(join(EXAMPLES_DIR, "index.json"), "utf8")) as Record<string, string>;
    expect(Object.keys(index).length).toBeGreaterThanOrEqual(5);
    for (const [file, ref] of Object.entries(index)) {
      const validator = validatorFor(ref.slice(1));
      const example = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8"));
      expect(validator(example), `${file}: ${JSON.stringify(validator.errors)}`).toBe(true);
    }
  });
});

describe("patches", () => {
  it.each(loadPatches().map((p) => [p.id, p] as const))(
    "%s has a reason and guards what it removes or replaces",
    (_, patch) => {
      expect(patch.reason.length).toBeGreaterThan(40);
      const tested = new Set(patch.ops.filter((op) => op.op === "test").map((op) => op.path));
      for (const op of patch.ops.filter((o) => o.op === "remove" || o.op === "replace")) {
        const guarded = [...tested].some((path) => path === op.path || path.startsWith(`${op.path}/`));
        expect(guarded, `${op.op} ${op.path} has no test op`).toBe(true);
      }
    },
  );

  it("a patch that no longer applies fails loudly, naming itself", () => {
    const merged = mergeDocuments(sources);
    const alpha = merged.components?.schemas?.ImageOperations as {
      properties: { background: { default: Record<string, unknown> } };
    };
    alpha.properties.background.default.use_original_alpha = true;
    expect(() => applyPatches(merged, loadPatches())).toThrow(
      /Patch "background-default-use-original-alpha" no longer applies \(test/,
    );
  });
});

describe("merge and extraction errors", () => {
  const doc = (schemas: Record<string, unknown>, path = "/a"): OpenApiDocument => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: { [path]: { get: { responses: {} } } },
    components: { schemas },
  });

  it.each([
    [
      "a schema defined differently",
      [doc({ A: { type: "string" } }), doc({ A: { type: "integer" } }, "/b")],
      /components.schemas.A differs/,
    ],
    ["an operation defined twice", [doc({}), doc({})], /GET \/a is defined twice/],
    ["different OpenAPI versions", [doc({}), { ...doc({}, "/b"), openapi: "3.0.3" }], /not 3.1.0/],
  ])("%s is an error, not a silent pick", (_, docs, message) => {
    expect(() => mergeDocuments(docs)).toThrow(message);
  });

  it.each([
    ["a page without OpenAPI blocks", '# Title\n\n```json\n{"a": 1}\n```\n', /No embedded OpenAPI document/],
    ["a broken OpenAPI block", '```json\n{"openapi": "3.1.0", "paths": {\n```\n', /not valid JSON/],
  ])("%s", (_, markdown, message) => {
    expect(() => extractOpenApiDocuments(markdown)).toThrow(SpecSourceError);
    expect(() => extractOpenApiDocuments(markdown)).toThrow(message);
  });
});
