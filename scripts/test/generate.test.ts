import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderAll, SPEC_PATH, staleFiles } from "../generate/index.ts";

const specText = readFileSync(SPEC_PATH, "utf8");
type SchemaJson = { properties: Record<string, object>; required: string[] };
/** A component schema of a parsed spec, to edit in a test. */
const schemaOf = (spec: unknown, name: string) =>
  (spec as { components: { schemas: Record<string, SchemaJson> } }).components.schemas[name] as SchemaJson;
const ROOT = join(import.meta.dirname, "../..");
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("generate", () => {
  it("is deterministic: the same spec gives byte-identical files", async () => {
    const [a, b] = await Promise.all([renderAll(specText), renderAll(specText)]);
    expect([...a.entries()]).toEqual([...b.entries()]);
  });

  it("marks every generated source with a header naming the spec and its hash", async () => {
    const files = await renderAll(specText);
    for (const [file, text] of files) {
      if (file.endsWith(".ts"))
        expect(text.split("\n")[0]).toMatch(
          /^\/\/ Generated from spec\/claid.openapi.json .*sha256 [0-9a-f]{64}.* Do not edit\.$/,
        );
      else expect(text).toContain("do not edit");
    }
  });

  it("emits the operations and friendly schemas the packages use", async () => {
    const types = (await renderAll(specText)).get("packages/core/src/generated/schema.ts") ?? "";
    expect(types).toContain('"/v1/image/edit/batch": {');
    expect(types).toContain('"/v1/image/edit/batch/{task_id}": {');
    expect(types).toMatch(
      /APIV1Status: "ACCEPTED" \| "WAITING" \| "PROCESSING" \| "DONE" \| "ERROR" \| "CANCELLED" \| "PAUSED";/,
    );
  });

  it("types users touch are friendly under strict settings: optional means `| undefined`, literals survive beside string", async () => {
    const types = (await renderAll(specText)).get("packages/core/src/generated/schema.ts") ?? "";
    expect(types).toContain('width?: number | components["schemas"]["SizesEnum"] | (string & {}) | undefined;');
    expect(types).toMatch(/\boutput\?: [^;]*\| undefined;/);
  });

  it("response checks take each read field's type and presence from the spec, so they follow it", async () => {
    const checks = async (edit: (spec: unknown) => void) => {
      const spec = JSON.parse(specText);
      edit(spec);
      return (await renderAll(JSON.stringify(spec))).get("packages/core/src/generated/response-checks.ts") ?? "";
    };
    const current = await checks(() => {});
    expect(current).toContain('width: ["integer", 1],');
    expect(current).toContain('tmp_url: ["string", 0],');
    const widened = await checks((spec) => {
      schemaOf(spec, "PipelineOutputObject").properties.width = { type: ["integer", "null"] };
      schemaOf(spec, "PipelineOutputObject").required.push("tmp_url");
    });
    expect(widened).toContain('width: ["integer|null", 1],');
    expect(widened).toContain('tmp_url: ["string", 1],');
  });

  it.each([
    [
      "a read field the spec no longer defines",
      (spec: unknown) => delete schemaOf(spec, "PipelineOutputObject").properties.mps,
      /does not define `results\[\]\.output_object\.mps`/,
    ],
    [
      "a read field that became a union",
      (spec: unknown) =>
        (schemaOf(spec, "BatchResultResponse").properties.status = {
          anyOf: [{ type: "string" }, { type: "integer" }],
        }),
      /`status` is a union/,
    ],
  ])("generation fails loudly on %s", async (_, edit, message) => {
    const spec = JSON.parse(specText);
    edit(spec);
    await expect(renderAll(JSON.stringify(spec))).rejects.toThrow(message);
  });

  it("`generate --check` fails with a diff on a stale checkout and passes on a current one", () => {
    const copy = mkdtempSync(join(tmpdir(), "claid-gen-check-"));
    temps.push(copy);
    cpSync(join(ROOT, "packages/core/src/generated"), join(copy, "packages/core/src/generated"), { recursive: true });
    const check = () =>
      spawnSync(
        process.execPath,
        ["--import", "tsx", join(ROOT, "scripts/generate/index.ts"), "--check", "--root", copy],
        {
          encoding: "utf8",
        },
      );
    expect(check()).toMatchObject({ status: 0 });
    const file = join(copy, "packages/core/src/generated/schema.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('"PAUSED"', '"HALTED"'));
    const stale = check();
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("Stale: packages/core/src/generated/schema.ts");
    expect(stale.stderr).toMatch(/^-.*"HALTED"/m);
  }, 60_000);

  it("the committed files are current, and a stale one is reported", async () => {
    const files = await renderAll(specText);
    expect(staleFiles(ROOT, files).map(([f]) => f)).toEqual([]);

    const copy = mkdtempSync(join(tmpdir(), "claid-gen-test-"));
    temps.push(copy);
    cpSync(join(ROOT, "packages/core/src/generated"), join(copy, "packages/core/src/generated"), { recursive: true });
    expect(staleFiles(copy, files)).toEqual([]);
    const changedSpec = specText.replace('"Process Batch Image Edit"', '"Submit a batch"');
    const regenerated = await renderAll(changedSpec);
    expect(staleFiles(copy, regenerated).map(([f]) => f)).toEqual([
      "packages/core/src/generated/schema.ts",
      "packages/core/src/generated/spec.ts",
      "packages/core/src/generated/response-checks.ts",
    ]);
    writeFileSync(join(copy, "packages/core/src/generated/README.md"), "edited by hand\n");
    expect(staleFiles(copy, files).map(([f]) => f)).toEqual(["packages/core/src/generated/README.md"]);
  });
});
