import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { typedocArguments } from "../docs.ts";
import { ROOT, TYPED_PACKAGES } from "../packages.ts";

it("npm run docs: TypeDoc documents every public entry point with zero warnings", async () => {
  // typedoc.json sets treatWarningsAsErrors and notDocumented validation; --emit none skips writing HTML.
  const { stdout, stderr } = await promisify(execFile)(
    join(ROOT, "node_modules/.bin/typedoc"),
    [...typedocArguments(), "--emit", "none"],
    { cwd: ROOT },
  );
  expect(`${stdout}${stderr}`).not.toMatch(/warning|error/i);
}, 120_000);

it("documents the entry points of scripts/packages.ts, @claid/msw/node included", () => {
  const args = typedocArguments();
  expect(args).toContain("packages/msw/src/node.ts");
  expect(args.filter((a) => a === "--packagesRequiringDocumentation")).toHaveLength(TYPED_PACKAGES.length);
});
