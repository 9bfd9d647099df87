/**
 * generate — everything the packages need from spec/claid.openapi.json, into core (its one owner):
 *   packages/core/src/generated/schema.ts  TypeScript types (openapi-typescript)
 *   packages/core/src/generated/spec.ts    the spec as a module: `@claid/core/spec` builds
 *                                          validators and enum lists on it (mock, CLI)
 *   packages/core/src/generated/response-checks.ts
 *                                          the type of each response field the SDK reads, for
 *                                          core's checks of 2xx answers (no validator at run time)
 * `--check` regenerates in memory and fails with a diff when a committed file is stale.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { renderResponseChecks } from "./response-checks.ts";

const ROOT = resolve(import.meta.dirname, "../..");
export const SPEC_PATH = join(ROOT, "spec/claid.openapi.json");

const GENERATED_README = `# Generated code — do not edit

Every file in this folder is written by \`npm run generate\` (scripts/generate)
from \`spec/claid.openapi.json\`. Edit the spec (or its patches) and regenerate;
\`npm run generate:check\` fails in CI when these files are stale.
`;

export async function renderAll(specText: string): Promise<Map<string, string>> {
  const spec = JSON.parse(specText);
  const hash = createHash("sha256").update(specText).digest("hex");
  const header = `// Generated from spec/claid.openapi.json (OpenAPI ${spec.openapi}, "${spec.info.title}" ${spec.info.version}, sha256 ${hash}) by scripts/generate. Do not edit.\n`;

  const types = astToString(
    await openapiTS(spec, {
      defaultNonNullable: false,
      emptyObjectsUnknown: true,
      transformProperty: friendlyProperty,
    }),
  );
  const specModule = [
    "/** The OpenAPI document, for validators and enum lists that need the schemas at run time. */",
    `export const openapiDocument = ${JSON.stringify(spec, null, 2)} as const satisfies Record<string, unknown>;`,
    "",
  ].join("\n");

  return new Map([
    ["packages/core/src/generated/schema.ts", `${header}\n${types}`],
    ["packages/core/src/generated/spec.ts", `${header}\n${specModule}`],
    ["packages/core/src/generated/response-checks.ts", `${header}\n${renderResponseChecks(spec)}`],
    ["packages/core/src/generated/README.md", GENERATED_README],
  ]);
}

const { factory, SyntaxKind } = ts;

/**
 * Properties as users of strict settings expect: an optional one also takes
 * `undefined` (so `output: cond ? {...} : undefined` passes `exactOptionalPropertyTypes`),
 * and a union of literals with a plain `string` keeps its literals in autocomplete
 * (`"auto" | (string & {})` instead of collapsing into `string`).
 */
function friendlyProperty(property: ts.PropertySignature): ts.PropertySignature {
  let type = property.type;
  if (!type) return property;
  if (ts.isUnionTypeNode(type) && type.types.some((t) => t.kind === SyntaxKind.StringKeyword)) {
    const hasLiterals = type.types.some(
      (t) => ts.isLiteralTypeNode(t) || ts.isTypeReferenceNode(t) || ts.isIndexedAccessTypeNode(t),
    );
    if (hasLiterals) {
      const openString = factory.createParenthesizedType(
        factory.createIntersectionTypeNode([
          factory.createKeywordTypeNode(SyntaxKind.StringKeyword),
          factory.createTypeLiteralNode([]),
        ]),
      );
      type = factory.createUnionTypeNode(type.types.map((t) => (t.kind === SyntaxKind.StringKeyword ? openString : t)));
    }
  }
  if (property.questionToken) {
    const members = ts.isUnionTypeNode(type) ? [...type.types] : [type];
    if (!members.some((t) => t.kind === SyntaxKind.UndefinedKeyword)) {
      type = factory.createUnionTypeNode([...members, factory.createKeywordTypeNode(SyntaxKind.UndefinedKeyword)]);
    }
  }
  return factory.updatePropertySignature(property, property.modifiers, property.name, property.questionToken, type);
}

/** Generated files whose committed copy under `root` is missing or differs. */
export function staleFiles(root: string, files: Map<string, string>): [string, string][] {
  return [...files].filter(
    ([file, text]) => !existsSync(join(root, file)) || readFileSync(join(root, file), "utf8") !== text,
  );
}

async function main(check: boolean, root: string): Promise<number> {
  const started = performance.now();
  const files = await renderAll(readFileSync(SPEC_PATH, "utf8"));
  if (!check) {
    for (const [file, text] of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    console.log(`generate: wrote ${files.size} files in ${Math.round(performance.now() - started)} ms`);
    return 0;
  }
  const stale = staleFiles(root, files);
  if (stale.length === 0) {
    console.log(`generate:check: ${files.size} generated files are up to date`);
    return 0;
  }
  const fresh = mkdtempSync(join(tmpdir(), "claid-generate-"));
  try {
    for (const [file, text] of stale) {
      const target = join(fresh, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      const committed = join(root, file);
      console.error(`\nStale: ${file}`);
      console.error(diff(existsSync(committed) ? committed : "/dev/null", target, file));
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
  console.error(
    `\ngenerate:check: ${stale.length} generated file(s) are stale. Run \`npm run generate\` and commit the result.`,
  );
  return 1;
}

function diff(committed: string, fresh: string, label: string): string {
  try {
    execFileSync("diff", ["-u", "--label", `committed/${label}`, "--label", `generated/${label}`, committed, fresh], {
      encoding: "utf8",
    });
    return "";
  } catch (error) {
    const out = String((error as { stdout?: string }).stdout ?? "");
    const lines = out.split("\n");
    return lines.length > 80 ? `${lines.slice(0, 80).join("\n")}\n… (${lines.length - 80} more diff lines)` : out;
  }
}

if (relative(process.argv[1] ?? "", import.meta.filename) === "") {
  // --root <dir>: check or write another checkout (used by the tests).
  const rootFlag = process.argv.indexOf("--root");
  process.exitCode = await main(
    process.argv.includes("--check"),
    rootFlag > 0 ? resolve(process.argv[rootFlag + 1] ?? ".") : ROOT,
  );
}
