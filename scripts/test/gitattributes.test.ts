/**
 * .gitattributes marks every file a script writes as linguist-generated (GitHub
 * collapses it in diffs and leaves it out of the language statistics), and nothing
 * written by hand. The lists come from the scripts that write the files.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { apiReportPath } from "../api-snapshot.ts";
import { renderAll, SPEC_PATH } from "../generate/index.ts";
import { publishedPackages, ROOT } from "../packages.ts";
import { EXAMPLES_DIR, PATCHES_FILE, SOURCE_PAGE, SPEC_FILE } from "../spec/build.ts";

/** `git check-attr linguist-generated` of each path: "true", or "unspecified" when not set. */
function linguistGenerated(paths: string[]): Record<string, string> {
  const out = execFileSync("git", ["check-attr", "linguist-generated", "--", ...paths], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return Object.fromEntries(
    out
      .trim()
      .split("\n")
      .map((line) => {
        const [path, , value] = line.split(": ");
        return [path, value];
      }),
  );
}

const tracked = (dir: string) =>
  execFileSync("git", ["ls-files", "--", relative(ROOT, dir)], { cwd: ROOT, encoding: "utf8" })
    .trim()
    .split("\n");

describe(".gitattributes", () => {
  it("marks every generated file and API report linguist-generated", async () => {
    const generated = [
      ...(await renderAll(readFileSync(SPEC_PATH, "utf8"))).keys(),
      relative(ROOT, SPEC_FILE),
      ...tracked(EXAMPLES_DIR),
      ...publishedPackages()
        .filter((p) => p.typed)
        .map((p) => relative(ROOT, apiReportPath(p))),
    ];
    expect(generated.length).toBeGreaterThan(10);
    const marked = linguistGenerated(generated);
    expect(generated.filter((path) => marked[path] !== "true")).toEqual([]);
  }, 30_000);

  it("leaves hand-written files unmarked", () => {
    const handWritten = [
      relative(ROOT, PATCHES_FILE),
      relative(ROOT, SOURCE_PAGE),
      "packages/core/src/index.ts",
      "packages/core/README.md",
      "scripts/generate/index.ts",
    ];
    const marked = linguistGenerated(handWritten);
    expect(handWritten.filter((path) => marked[path] !== "unspecified")).toEqual([]);
  });
});
