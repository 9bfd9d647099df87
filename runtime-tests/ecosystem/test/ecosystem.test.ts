/**
 * What users install is what is tested: the built packages are packed, the
 * tarballs installed with npm into a fresh project outside the workspace (no
 * workspace links), and small consumers type-check (TypeScript 5.9, the
 * oldest supported 5.4, and 7, the native compiler that is the registry's
 * latest) and run a real create → wait → DONE against the mock.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { ClaidMockServer } from "@claid/msw/node";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rehearseRelease } from "../../../scripts/release-dry.ts";
import { bundle } from "../../../tests/support/bundle.ts";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const TSC_LATEST = join(dirname(require.resolve("typescript/package.json")), "bin/tsc");
const DENO = join(dirname(require.resolve("deno/package.json")), "bin.cjs");
let mock: ClaidMockServer;
let project: string;
let env: NodeJS.ProcessEnv;
let releaseCopy: string | undefined;

beforeAll(async () => {
  mock = await startMock();
  env = { ...process.env, CLAID_API_KEY: API_KEY, CLAID_BASE_URL: mock.url, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };
  project = mkdtempSync(join(tmpdir(), "claid-ecosystem-"));
  // The release rehearsal's own tarballs: pending changesets applied, built, packed (minutes on a busy machine).
  const release = rehearseRelease();
  releaseCopy = release.copy;
  const wanted = release.packed.filter((p) => ["@claid/core", "@claid/node", "@claid/edge"].includes(p.name));
  const tarballs = Object.fromEntries(wanted.map((p) => [p.name, `file:${p.filename}`]));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({
      name: "claid-consumer",
      private: true,
      type: "module",
      dependencies: tarballs,
      // Installed here, not in the workspace: both would link a `tsc` bin over the workspace's 5.9.
      devDependencies: { typescript: "5.4.5", typescript7: "npm:typescript@7.0.2" },
    }),
  );
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], { cwd: project });
  cpSync(join(import.meta.dirname, "../consumers"), project, { recursive: true });
}, 300_000);
afterAll(async () => {
  await mock?.close();
  rmSync(project, { recursive: true, force: true });
  if (releaseCopy) rmSync(releaseCopy, { recursive: true, force: true });
});

const tsconfig = (moduleResolution: "nodenext" | "bundler", files: string[]) => ({
  compilerOptions: {
    target: "es2022",
    module: moduleResolution === "nodenext" ? "nodenext" : "esnext",
    moduleResolution,
    lib: ["es2022", "dom"],
    strict: true,
    skipLibCheck: false,
    types: [],
    outDir: "out",
  },
  files,
});

describe("the packed tarballs, installed outside the workspace", () => {
  it("are real installs, not workspace links", () => {
    expect(readdirSync(join(project, "node_modules/@claid")).sort()).toEqual(["core", "edge", "node"]);
    expect(require.resolve("@claid/core", { paths: [project] })).toContain(join(project, "node_modules"));
  });

  it.each([
    ["5.9 (the workspace's)", "5.9.3", () => TSC_LATEST],
    // 5.4: openapi-fetch's own declarations fail a full check on 5.0–5.3.
    [
      "5.4 (the oldest supported, installed in the project)",
      "5.4.5",
      () => join(project, "node_modules/typescript/bin/tsc"),
    ],
    [
      "7 (the native compiler, the registry's latest)",
      "7.0.2",
      () => join(project, "node_modules/typescript7/bin/tsc"),
    ],
  ])(
    "type-check with TypeScript %s: nodenext and bundler resolution",
    async (_, version, tsc) => {
      expect((await run(process.execPath, [tsc(), "--version"])).stdout.trim()).toBe(`Version ${version}`);
      writeFileSync(join(project, "tsconfig.nodenext.json"), JSON.stringify(tsconfig("nodenext", ["esm.mts"])));
      writeFileSync(
        join(project, "tsconfig.bundler.json"),
        JSON.stringify(tsconfig("bundler", ["bundler.ts", "worker.ts"])),
      );
      for (const config of ["tsconfig.nodenext.json", "tsconfig.bundler.json"]) {
        const result = await run(process.execPath, [tsc(), "-p", config, "--noEmit"], { cwd: project }).catch(
          (e: { stdout: string }) => e,
        );
        expect("stdout" in result ? result.stdout : "", config).toBe("");
      }
    },
    120_000,
  );

  it("Node ESM (TypeScript, nodenext) creates and waits to DONE", async () => {
    await run(process.execPath, [TSC_LATEST, "-p", "tsconfig.nodenext.json"], { cwd: project });
    const { stdout } = await run(process.execPath, ["out/esm.mjs"], { cwd: project, env });
    expect(stdout.trim()).toBe("esm: DONE 1");
  }, 60_000);

  it("Node CommonJS require() creates and waits to DONE", async () => {
    const { stdout } = await run(process.execPath, ["cjs.cjs"], { cwd: project, env });
    expect(stdout.trim()).toBe("cjs: DONE 2");
  }, 60_000);

  it("a bundler build (esbuild) runs to DONE", async () => {
    await build({
      entryPoints: [join(project, "bundler.ts")],
      bundle: true,
      format: "esm",
      platform: "node",
      outfile: join(project, "out/bundle.mjs"),
      logLevel: "silent",
    });
    const { stdout } = await run(process.execPath, ["out/bundle.mjs"], { cwd: project, env });
    expect(stdout.trim()).toBe("bundler: DONE webp");
  }, 60_000);

  it("Deno imports @claid/edge from the installed tarball, type-checked, and runs to DONE", async () => {
    const { stdout } = await run(
      process.execPath,
      [DENO, "run", "--check", "--allow-env", "--allow-net", "--allow-read", "deno.ts"],
      { cwd: project, env },
    );
    expect(stdout.trim()).toBe("deno: DONE 1");
  }, 120_000);

  it("a Worker bundled with esbuild runs to DONE in workerd", async () => {
    const mf = new Miniflare({
      modules: true,
      script: await bundle(join(project, "worker.ts")),
      compatibilityDate: "2026-04-01",
      bindings: { CLAID_API_KEY: API_KEY, CLAID_BASE_URL: mock.url },
    });
    try {
      expect(await (await mf.dispatchFetch("http://worker.test/")).text()).toBe("worker: DONE 1");
    } finally {
      await mf.dispose();
    }
  }, 60_000);
});
