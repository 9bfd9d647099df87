/**
 * The CLI's flag choices come from the spec: after `spec:update` changes an enum,
 * the CLI rebuilt from the same sources offers the new values, with no hand edits.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import jsonPatch, { type Operation } from "fast-json-patch";
import { afterAll, describe, expect, it } from "vitest";
import { SOURCE_PAGE } from "../spec/build.ts";
import { extractOpenApiDocuments, mergeDocuments } from "../spec/merge.ts";
import { updateSpec } from "../spec/update.ts";

const ROOT = join(import.meta.dirname, "../..");
const root = mkdtempSync(join(tmpdir(), "claid-cli-spec-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Builds `claid` from the sources under `base` (its @claid/* imports resolved to those sources) and runs it. */
async function cliFrom(base: string, name: string): Promise<(...args: string[]) => ReturnType<typeof spawnSync>> {
  const src = (pkg: string, file = "index.ts") => join(base, "packages", pkg, "src", file);
  const out = join(root, name, "packages/cli/dist/cli.mjs");
  await build({
    entryPoints: [src("cli", "cli.ts")],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    // ES module builds first: jsonc-parser's UMD main requires its own files at run time, which a bundle lacks.
    mainFields: ["module", "main"],
    logLevel: "silent",
    // Bundled CommonJS dependencies (commander) require Node built-ins.
    banner: {
      js: 'import { createRequire as bannerRequire } from "node:module"; const require = bannerRequire(import.meta.url);',
    },
    alias: {
      "@claid/core/spec": src("core", "spec.ts"),
      "@claid/core": src("core"),
      "@claid/node": src("node"),
      "@claid/msw/node": src("msw", "node.ts"),
      "@claid/msw": src("msw"),
    },
    // Third-party packages as the workspace installed them (the copy has no node_modules).
    nodePaths: [join(ROOT, "packages/cli/node_modules"), join(ROOT, "node_modules")],
  });
  cpSync(join(ROOT, "packages/cli/package.json"), join(root, name, "packages/cli/package.json"));
  return (...args) =>
    spawnSync(process.execPath, [out, ...args], { encoding: "utf8", env: { ...process.env, CLAID_API_KEY: "" } });
}

describe("the CLI follows the spec", () => {
  it("an enum value removed and one added by spec:update change --fit after a rebuild", async () => {
    const original = await cliFrom(ROOT, "before");
    const shown = original("batch", "create", "--help");
    expect(shown.stderr).toBe("");
    expect(shown.stdout).toContain('"outpaint"');

    // A copy of the sources, updated to a published spec whose FitEnum changed.
    for (const dir of ["spec", "packages/core/src", "packages/node/src", "packages/msw/src", "packages/cli/src"]) {
      cpSync(join(ROOT, dir), join(root, "sources", dir), { recursive: true });
    }
    mkdirSync(join(root, "sources/.changeset"));
    const ops = JSON.parse(
      readFileSync(join(import.meta.dirname, "fixtures/spec-update/fit-enum-changed.json"), "utf8"),
    ) as Operation[];
    const published = mergeDocuments(extractOpenApiDocuments(readFileSync(SOURCE_PAGE, "utf8")));
    const changed = join(root, "changed.json");
    writeFileSync(changed, JSON.stringify(jsonPatch.applyPatch(published, ops, true, false).newDocument));
    await updateSpec(changed, join(root, "sources"));

    const updated = await cliFrom(join(root, "sources"), "after");
    const help = (updated("batch", "create", "--help").stdout as string).replace(/\s+/g, " ");
    expect(help).toMatch(/choices: "crop", "cover", "bounds", "canvas", "stretch"/);
    const refused = updated("batch", "create", "--input", "https://img.example/a.png", "--fit", "outpaint");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/Allowed choices are crop, cover, bounds, canvas, stretch/);
    // "stretch" passes the flag's choices and the request's validation against the new spec:
    // the run stops only at the missing key.
    const accepted = updated("batch", "create", "--input", "https://img.example/a.png", "--fit", "stretch");
    expect(accepted.stderr).toMatch(/API key/);
    expect(accepted.stderr).not.toMatch(/fit/);
  }, 120_000);
});
