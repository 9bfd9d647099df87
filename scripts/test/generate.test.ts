import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderAll, SPEC_PATH, staleFiles } from "../generate/index.ts";

const specText = readFileSync(SPEC_PATH, "utf8");
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
    ]);
    writeFileSync(join(copy, "packages/core/src/generated/README.md"), "edited by hand\n");
    expect(staleFiles(copy, files).map(([f]) => f)).toEqual(["packages/core/src/generated/README.md"]);
  });
});
