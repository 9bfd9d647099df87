import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { ROOT } from "../packages.ts";

it("the README's Layout table names every workspace", async () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const layout = readme.slice(readme.indexOf("## Layout"), readme.indexOf("\n## ", readme.indexOf("## Layout") + 1));
  const { stdout } = await promisify(execFile)("npm", ["query", ".workspace"], { cwd: ROOT });
  const locations = (JSON.parse(stdout) as { location: string }[]).map((w) => w.location);
  const named = (location: string) => layout.includes(`\`${location}\``) || layout.includes(`\`${location}/\``);
  expect(locations.filter((location) => !named(location))).toEqual([]);
}, 30_000);
