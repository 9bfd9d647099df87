/**
 * spec:update on fixture versions of Claid's published spec. Each fixture is a
 * JSON Patch over the merged, unpatched page (what Claid publishes); the
 * update runs in a temporary copy of the repo's spec and generated folders.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsonPatch, { type Operation } from "fast-json-patch";
import { afterEach, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { SOURCE_PAGE } from "../spec/build.ts";
import { extractOpenApiDocuments, mergeDocuments } from "../spec/merge.ts";
import { AFFECTED_PACKAGES, updateSpec } from "../spec/update.ts";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(import.meta.dirname, "fixtures/spec-update");
const published = mergeDocuments(extractOpenApiDocuments(readFileSync(SOURCE_PAGE, "utf8")));
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary root with the repo's spec, generated folders and an empty .changeset. */
function sandbox(): string {
  const root = mkdtempSync(join(tmpdir(), "claid-spec-update-"));
  temps.push(root);
  for (const dir of ["spec", "packages/core/src/generated"])
    cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  mkdirSync(join(root, ".changeset"));
  return root;
}

/** Writes Claid's published spec with a fixture applied, as JSON (or YAML). */
function fixture(root: string, name: string, format: "json" | "yaml" = "json"): string {
  const ops = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as Operation[];
  const doc = jsonPatch.applyPatch(structuredClone(published), ops, true, false).newDocument;
  const file = join(root, `${name}.${format}`);
  writeFileSync(file, format === "json" ? JSON.stringify(doc) : toYaml(doc));
  return file;
}

const copyTo = (root: string, from: string, name: string) => {
  cpSync(from, join(root, name));
  return join(root, name);
};
const writeTo = (root: string, text: string, name: string) => {
  writeFileSync(join(root, name), text);
  return join(root, name);
};
const read = (root: string, file: string) => readFileSync(join(root, file), "utf8");
const changesetOf = (root: string) => {
  const files = readdirSync(join(root, ".changeset"));
  expect(files).toHaveLength(1);
  return read(root, `.changeset/${files[0]}`);
};

describe("spec:update classifies each change and writes one changeset", () => {
  it.each([
    [
      "added-optional-property",
      "minor",
      "- minor: PipelineOutputObject.dpi: optional property added",
      "dpi?: number | undefined;",
      undefined,
    ],
    ["removed-enum-value", "major", '- major: APIV1Status: enum value "PAUSED" removed', undefined, '"PAUSED"'],
    [
      "new-endpoint",
      "minor",
      "- minor: POST /v1/image/edit/batch/{task_id}/cancel: operation added",
      '"/v1/image/edit/batch/{task_id}/cancel": {',
      undefined,
    ],
    [
      "new-required-request-property",
      "major",
      "- major: BatchEditRequest.priority: required property added",
      "priority: number;",
      undefined,
    ],
    [
      "description-only",
      "patch",
      "- patch: POST /v1/image/edit/batch.summary: summary changed",
      "Submit a batch image edit",
      "Process Batch Image Edit",
    ],
  ] as const)("%s → %s", async (name, bump, line, typesHave, typesLack) => {
    const root = sandbox();
    const result = await updateSpec(fixture(root, name), root);
    expect(result.bump).toBe(bump);
    expect(result.summary).toContain(line);
    const changeset = changesetOf(root);
    for (const pkg of AFFECTED_PACKAGES) expect(changeset).toContain(`"${pkg}": ${bump}`);
    expect(changeset).toContain(line);
    const types = read(root, "packages/core/src/generated/schema.ts");
    if (typesHave) expect(types).toContain(typesHave);
    if (typesLack) expect(types).not.toContain(typesLack);
    expect(read(root, "spec/claid.openapi.json")).not.toBe(read(ROOT, "spec/claid.openapi.json"));
  });

  it("takes YAML too, and the documented patches are still applied", async () => {
    const root = sandbox();
    const result = await updateSpec(fixture(root, "added-optional-property", "yaml"), root);
    expect(result.bump).toBe("minor");
    const spec = JSON.parse(read(root, "spec/claid.openapi.json"));
    expect(Object.keys(spec.components.securitySchemes)).toEqual(["ClaidApiKey"]);
    expect(spec.servers).toEqual([{ url: "https://api.claid.ai" }]);
  });

  it("fetches an http(s) source", async () => {
    const root = sandbox();
    const body = readFileSync(fixture(root, "added-optional-property"), "utf8");
    const server = createServer((_, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await updateSpec(`http://127.0.0.1:${port}/claid.openapi.json`, root);
      expect(result.bump).toBe("minor");
    } finally {
      server.close();
    }
  });

  it("the current page is a no-op: same files, no changeset", async () => {
    const root = sandbox();
    const result = await updateSpec(SOURCE_PAGE, root);
    expect(result.changes).toEqual([]);
    expect(readdirSync(join(root, ".changeset"))).toEqual([]);
    for (const file of [
      "spec/claid.openapi.json",
      "packages/core/src/generated/schema.ts",
      "packages/core/src/generated/spec.ts",
    ]) {
      expect(read(root, file)).toBe(read(ROOT, file));
    }
  });
});

describe("spec:update refuses bad input and writes nothing", () => {
  const snapshot = (root: string) =>
    ["spec/claid.openapi.json", "packages/core/src/generated/schema.ts", "packages/core/src/generated/spec.ts"]
      .map((f) => read(root, f))
      .join("\0");

  it.each([
    [
      "a truncated JSON document",
      (root: string) => copyTo(root, join(FIXTURES, "malformed.json"), "bad.json"),
      /No embedded OpenAPI document found/,
    ],
    ["a document that is not valid OpenAPI", (root: string) => fixture(root, "invalid-structure"), /not valid OpenAPI/],
    [
      "JSON that is not OpenAPI at all",
      (root: string) => writeTo(root, '{"hello": 1}', "x.json"),
      /not an OpenAPI 3\.x document/,
    ],
    [
      "a source whose text a patch no longer matches",
      (root: string) => fixture(root, "patch-no-longer-applies"),
      /Patch "bearer-api-key" no longer applies/,
    ],
    ["a missing file", (root: string) => join(root, "nope.json"), /Cannot read/],
  ])("%s", async (_, make, message) => {
    const root = sandbox();
    const before = snapshot(root);
    await expect(updateSpec(make(root), root)).rejects.toThrow(message);
    expect(snapshot(root)).toBe(before);
    expect(readdirSync(join(root, ".changeset"))).toEqual([]);
  });
});
