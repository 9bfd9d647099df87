/**
 * What an editor shows on hover: the TypeScript language service's quick info for
 * the values a user gets back from the client. They must read as the SDK's names
 * (`BatchAccepted`), never as paths into the generated schema
 * (`components["schemas"]["BatchAcceptedResponse"]`).
 */
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const FOLDER = join(import.meta.dirname, "fixtures");
const FILE = join(FOLDER, "hover.ts");

/** A user's code; each `/*name*‍/` marks the identifier after it, whose hover is read. */
function userCode(entry: string): string {
  return `import { createClaid } from ${JSON.stringify(entry)};
const claid = createClaid({ apiKey: "sk-hover-0123456789" });
const /*task*/task = await claid.batches.create({ input: ["https://img.example/a.png"], operations: {} });
const /*status*/status = task.status;
const /*result*/result = await claid.batches.retrieve(task.id);
const /*waited*/waited = await claid.batches.wait(task, { onProgress: (/*progress*/progress) => progress.status });
const /*item*/item = result.results?.[0];
const /*output*/output = item?.output_object;
const /*input*/input = item?.input_object;
const /*errors*/errors = result.errors;
export { status, waited, output, input, errors };
`;
}

function hovers(entry: string): Map<string, string> {
  const code = userCode(entry);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    strict: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name === FILE ? code : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => FOLDER,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => name === FILE || ts.sys.fileExists(name),
    readFile: (name) => (name === FILE ? code : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  const errors = service.getSemanticDiagnostics(FILE).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  if (errors.length > 0) throw new Error(`The user's code does not compile: ${errors.join("; ")}`);
  const shown = new Map<string, string>();
  for (const match of code.matchAll(/\/\*(\w+)\*\//g)) {
    const info = service.getQuickInfoAtPosition(FILE, (match.index ?? 0) + match[0].length);
    shown.set(match[1] ?? "", ts.displayPartsToString(info?.displayParts));
  }
  return shown;
}

describe.each([
  ["the sources", "../../src/index.ts"],
  ["the built declarations", "../../dist/index.js"],
])("hovers over the client's results in %s", (_, entry) => {
  let shown = new Map<string, string>();
  beforeAll(() => {
    shown = hovers(entry);
  }, 120_000);
  it.each([
    ["task", "const task: BatchAccepted"],
    ["status", "const status: BatchStatus"],
    ["result", "const result: BatchResult"],
    ["waited", "const waited: BatchResult"],
    ["progress", "(parameter) progress: BatchResult"],
    ["item", "const item: BatchResultItem | undefined"],
    ["output", "const output: PipelineOutputObject | undefined"],
    ["input", "const input: PipelineInputObject | undefined"],
    ["errors", "const errors: BatchPipelineError[] | undefined"],
  ])("%s shows %j", (name, expected) => {
    expect(shown.get(name)).toBe(expected);
  });

  it("never shows a path into the generated schema", () => {
    expect([...shown.values()].filter((text) => /components|\["schemas"\]/.test(text))).toEqual([]);
  });
});
