/**
 * What npm and JSR users receive: exports maps, publint, are-the-types-wrong,
 * and scans of the built edge/browser code for anything that breaks outside Node.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { publint } from "publint";
import { describe, expect, it } from "vitest";
import { PUBLISHED_PACKAGES, ROOT } from "../packages.ts";

const run = promisify(execFile);
const REPOSITORY = "https://github.com/claid-ai/claid-sdk-typescript";
/** Packages whose users run them outside Node: no Node built-ins, no unguarded `process`. */
const PORTABLE = new Set(["@claid/core", "@claid/browser", "@claid/edge"]);

const entries = PUBLISHED_PACKAGES.map((p) => {
  const esmOnly = !JSON.stringify(p.manifest.exports).includes('"require"');
  return [p.name, { ...p, pkg: p.manifest, esmOnly }] as const;
});

/** Every condition object: `types` first, `default` last, import before require. */
function conditionProblems(node: unknown, at: string): string[] {
  if (typeof node !== "object" || node === null) return [];
  const keys = Object.keys(node);
  const problems: string[] = [];
  const isConditions = keys.every((k) => !k.startsWith("."));
  if (isConditions) {
    if (keys.includes("types") && keys[0] !== "types") problems.push(`${at}: "types" must come first (${keys})`);
    if (keys.includes("default") && keys.at(-1) !== "default")
      problems.push(`${at}: "default" must come last (${keys})`);
    if (keys.includes("require") && keys.indexOf("import") > keys.indexOf("require"))
      problems.push(`${at}: "import" before "require"`);
  }
  for (const [key, value] of Object.entries(node)) problems.push(...conditionProblems(value, `${at}.${key}`));
  return problems;
}

describe.each(entries)("%s", (name, { dir, path, pkg }) => {
  it("has an exports map with conditions in the right order, no side effects, only dist shipped", () => {
    expect(conditionProblems(pkg.exports, "exports")).toEqual([]);
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toEqual([...(pkg.bin ? ["bin"] : []), "dist", "README.md"]);
  });

  it("names its license, repository folder, homepage and issue tracker for npmjs.com", () => {
    expect(pkg.license).toBe("MIT");
    expect(pkg.repository).toEqual({ type: "git", url: `git+${REPOSITORY}.git`, directory: path });
    expect(pkg.homepage).toBe(`${REPOSITORY}/tree/main/${path}#readme`);
    expect(pkg.bugs).toEqual({ url: `${REPOSITORY}/issues` });
    expect(readFileSync(join(dir, "LICENSE"), "utf8")).toBe(readFileSync(join(ROOT, "LICENSE"), "utf8"));
  });

  it("packs its LICENSE and a README whose links work on npmjs.com (absolute URLs)", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json"], { cwd: dir });
    const [{ files }] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)]
      .map((m) => m[1])
      .filter((url) => !/^(https?:|#)/.test(url ?? ""));
    expect(relative, `${name}/README.md`).toEqual([]);
  }, 30_000);

  it("passes publint with zero errors and warnings", async () => {
    const { messages } = await publint({ pkgDir: dir, level: "warning", strict: true });
    expect(messages.map((m) => `${m.type} ${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  }, 30_000);
});

describe.each(entries.filter(([, { typed }]) => typed))("%s types", (_, { dir, esmOnly }) => {
  it("passes are-the-types-wrong on the packed tarball", async () => {
    const args = ["--pack", dir, ...(esmOnly ? ["--profile", "esm-only"] : [])];
    const result = await run(join(ROOT, "node_modules/.bin/attw"), args, { cwd: dir }).catch(
      (e: { stdout: string; code: number }) => e,
    );
    expect("code" in result ? result.stdout : "").toBe("");
  }, 60_000);
});

describe.each(entries.filter(([name]) => PORTABLE.has(name)))(
  "%s, as shipped to browsers and edge runtimes",
  (name, { dir }) => {
    it("has no Node built-ins, no require() and no process access outside a `typeof process` guard", async () => {
      const shipped = readFileSync(join(dir, "dist/index.js"), "utf8");
      // Also the program a user's bundler makes from it, dependencies included.
      const bundled = await build({
        stdin: { contents: `export * from "${name}";`, resolveDir: ROOT },
        bundle: true,
        format: "esm",
        platform: "neutral",
        write: false,
      });
      for (const code of [shipped, bundled.outputFiles[0]?.text ?? ""]) {
        expect(code).not.toMatch(/from\s*["']node:|import\(["']node:/);
        expect(code).not.toMatch(/\brequire\(/);
        const unguarded = code
          .split("\n")
          .filter((line) => /(?<![\w?.])process\.(?!\?)/.test(line) && !line.includes("typeof process"));
        expect(unguarded).toEqual([]);
      }
    });
  },
);

describe.each(entries.filter(([, { jsr }]) => jsr))("%s on JSR", (_, { dir, pkg }) => {
  const jsr = JSON.parse(readFileSync(join(dir, "jsr.json"), "utf8")) as {
    name: string;
    version: string;
    exports: Record<string, string>;
  };

  it("jsr.json agrees with package.json: name, version and the same entry points", () => {
    expect(jsr.name).toBe(pkg.name);
    expect(jsr.version).toBe(pkg.version);
    const exports = pkg.exports ?? {};
    const npmEntries = Object.keys(exports).filter((k) => k !== "./package.json");
    expect(Object.keys(jsr.exports)).toEqual(npmEntries);
    for (const key of npmEntries) {
      const built = (exports[key] as { default: string }).default;
      expect(jsr.exports[key]?.replace(/^\.\/src\/(.*)\.ts$/, "./dist/$1.js")).toBe(built);
    }
  });
});

it("npm run release:jsr -- --dry-run: deno publish accepts every package with a jsr.json", async () => {
  const withJsr = PUBLISHED_PACKAGES.filter((p) => p.jsr);
  const { stdout, stderr } = await run(
    join(ROOT, "node_modules/.bin/tsx"),
    ["scripts/publish-jsr.ts", "--dry-run", "--allow-dirty"],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } },
  );
  for (const p of withJsr) expect(stdout).toContain(`${p.name}@${p.manifest.version} → JSR`);
  expect(stderr.match(/Success Dry run complete/g)).toHaveLength(withJsr.length);
}, 120_000);

describe("CommonJS", () => {
  it.each([
    ["@claid/core", "createClaid"],
    ["@claid/node", "downloadResults"],
    ["@claid/msw", "createClaidHandlers"],
    ["@claid/msw/node", "createClaidMockServer"],
  ])("require('%s').%s is a function", async (name, member) => {
    const script = `console.log(typeof require(${JSON.stringify(name)})[${JSON.stringify(member)}])`;
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: ROOT });
    expect(stdout.trim()).toBe("function");
  });
});
