import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

it("npm run docs: TypeDoc documents every public entry point with zero warnings", async () => {
  // typedoc.json sets treatWarningsAsErrors and notDocumented validation; --emit none skips writing HTML.
  const { stdout, stderr } = await promisify(execFile)(join(ROOT, "node_modules/.bin/typedoc"), ["--emit", "none"], {
    cwd: ROOT,
  });
  expect(`${stdout}${stderr}`).not.toMatch(/warning|error/i);
}, 120_000);
