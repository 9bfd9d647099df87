/**
 * @claid/msw as TypeScript users compile it: every ts block of its README under strict settings,
 * and `@claid/msw/node` in a Node project without the DOM lib (`lib: ["ES2022"]`, `types: ["node"]`)
 * that checks library declarations too (`skipLibCheck: false`).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, expect, it } from "vitest";
import { ROOT } from "../packages.ts";

mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
// Inside the repo, so that `@claid/*` resolve to the workspace's builds.
const folder = mkdtempSync(join(ROOT, "node_modules/.cache/msw-types-"));
writeFileSync(join(folder, "package.json"), '{ "type": "module" }');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const STRICT: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  types: ["node"],
  noEmit: true,
};

/** The diagnostics of `files` (name → code) compiled together with `options`, one line each, paths relative to the repo. */
function diagnostics(files: Record<string, string>, options: ts.CompilerOptions): string[] {
  const paths = Object.entries(files).map(([name, code]) => {
    writeFileSync(join(folder, name), code);
    return join(folder, name);
  });
  return ts.getPreEmitDiagnostics(ts.createProgram(paths, options)).map((d) => {
    const where = d.file
      ? `${d.file.fileName.replace(`${ROOT}/`, "").replace(/^node_modules\/\.cache\/msw-types-\w+\//, "")}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})`
      : "";
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

const blocks = [...readFileSync(join(ROOT, "packages/msw/README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map(
  (m) => m[1] ?? "",
);

it("@claid/msw README: every ts block type-checks under strict settings", () => {
  // One program for all blocks (each a module of its own): a program per block would cost seconds each.
  const files = Object.fromEntries(blocks.map((code, i) => [`readme-${i + 1}.ts`, code]));
  expect(blocks.length).toBeGreaterThan(2);
  expect(diagnostics(files, { ...STRICT, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], skipLibCheck: true })).toEqual([]);
}, 120_000);

it("@claid/msw/node type-checks without the DOM lib, library declarations included", () => {
  const code = [
    "import {",
    "  type ClaidMockServer,",
    "  type ClaidMockServerOptions,",
    "  ClaidMockStore,",
    "  createClaidMockServer,",
    "  type MockFault,",
    '} from "@claid/msw/node";',
    "const fault: MockFault = { type: 'status', status: 503 };",
    "const options: ClaidMockServerOptions = { store: new ClaidMockStore(), finishOnFirstPoll: true, latencyMs: 5 };",
    "const mock: ClaidMockServer = await createClaidMockServer(options);",
    "mock.store.planTask(['PROCESSING', 'DONE']).injectFault(fault, { operation: 'download' });",
    "await mock.close();",
  ].join("\n");
  const noDom = { ...STRICT, lib: ["lib.es2022.d.ts"], skipLibCheck: false };
  expect(diagnostics({ "no-dom.ts": code }, noDom)).toEqual([]);
}, 120_000);
