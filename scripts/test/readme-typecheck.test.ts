/**
 * Every TypeScript block of every README (the root one and packages/*\/README.md)
 * type-checks as users copy it, under the strictest settings users run:
 * `strict`, `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`, with
 * `moduleResolution` both `nodenext` and `bundler`, against the built packages.
 *
 * Conventions for README authors:
 * - TypeScript goes in ```ts blocks (```typescript/```tsx would escape this test, so they fail it).
 * - Each block is its own ES module (top-level `await` works; `export {}` is added), with the
 *   DOM and Node.js types loaded. It must compile alone: declare what it uses (write
 *   `const button = document.querySelector("button")`, not an undeclared `button`).
 * - A block that truly cannot compile alone (another runtime's globals or specifiers, such as
 *   Deno's `npm:` imports) gets, on the line right above its fence, the comment
 *   `<!-- snippet: fragment — <why> -->`; the test then skips it and requires the reason.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../packages.ts";
import { readmeBlocks } from "./readme-snippet.ts";

const FRAGMENT = /^<!-- snippet: fragment — (?<reason>\S.*\S) -->$/;

const READMES = [
  "README.md",
  ...readdirSync(join(ROOT, "packages"))
    .map((name) => `packages/${name}/README.md`)
    .filter((readme) => existsSync(join(ROOT, readme))),
];

interface Snippet {
  /** `README.md:48`: the README and the line of the block's opening fence. */
  where: string;
  code: string;
  /** Why the block is marked as a fragment, if it is. */
  fragment: string | undefined;
}

const snippets: Snippet[] = READMES.flatMap((readme) => {
  const lines = readFileSync(join(ROOT, readme), "utf8").split("\n");
  return readmeBlocks(readme).map(({ code, line }) => ({
    where: `${readme}:${line}`,
    code,
    fragment: FRAGMENT.exec(lines[line - 2] ?? "")?.groups?.reason,
  }));
});
const checked = snippets.filter((snippet) => snippet.fragment === undefined);

const STRICT: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node"],
  skipLibCheck: true,
  noEmit: true,
};

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Type-checks every non-fragment snippet as its own module; returns the problems by snippet. */
function typeCheck(options: ts.CompilerOptions): Map<string, string[]> {
  // Inside the repo, so `@claid/*` resolves to the workspace packages as an installed dependency would.
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  const folder = mkdtempSync(join(ROOT, "node_modules/.cache/readme-typecheck-"));
  folders.push(folder);
  const files = new Map<string, Snippet>();
  checked.forEach((snippet, index) => {
    const file = join(folder, `snippet-${index}.ts`);
    writeFileSync(file, `${snippet.code}\nexport {};\n`);
    files.set(file, snippet);
  });
  const program = ts.createProgram([...files.keys()], { ...STRICT, ...options });
  const problems = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const snippet = diagnostic.file && files.get(diagnostic.file.fileName);
    const where = snippet?.where ?? relative(ROOT, diagnostic.file?.fileName ?? "(no file)");
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    problems.set(where, [...(problems.get(where) ?? []), `line ${line} of the block: TS${diagnostic.code} ${message}`]);
  }
  return problems;
}

describe.each([
  ["nodenext", { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }],
  ["bundler", { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
])("README snippets under strict + exactOptionalPropertyTypes + noUncheckedIndexedAccess, %s", (_, options) => {
  let problems = new Map<string, string[]>();
  beforeAll(() => {
    problems = typeCheck(options);
  }, 180_000);

  it.each(checked.map((snippet) => [snippet.where]))("%s type-checks", (where) => {
    expect(problems.get(where) ?? []).toEqual([]);
  });

  it("no problem lies outside the snippets", () => {
    expect([...problems.entries()].filter(([where]) => !/README\.md:\d+$/.test(where))).toEqual([]);
  });
});

describe("README snippet conventions", () => {
  it("finds the snippets: blocks in several READMEs, most of them checked", () => {
    expect(new Set(checked.map((snippet) => snippet.where.split(":")[0])).size).toBeGreaterThanOrEqual(4);
    expect(checked.length).toBeGreaterThan(snippets.length / 2);
  });

  it.each(READMES)("%s writes TypeScript only in ```ts blocks", (readme) => {
    expect(readFileSync(join(ROOT, readme), "utf8").match(/^```(typescript|tsx|mts|cts)\b.*$/gm) ?? []).toEqual([]);
  });

  it.each(READMES)("%s marks fragments only in the documented form", (readme) => {
    const marks = readFileSync(join(ROOT, readme), "utf8").match(/^<!--\s*snippet.*$/gm) ?? [];
    expect(marks.filter((mark) => !FRAGMENT.test(mark))).toEqual([]);
  });
});
