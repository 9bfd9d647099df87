/**
 * npm run docs — TypeDoc over every typed package's entry points (from
 * scripts/packages.ts); typedoc.json holds everything else. Extra arguments go
 * to TypeDoc, e.g. `npm run docs -- --emit none` only validates.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { entryPoints, ROOT, TYPED_PACKAGES } from "./packages.ts";

export function typedocArguments(): string[] {
  return TYPED_PACKAGES.flatMap((p) => [
    ...entryPoints(p).flatMap((e) => ["--entryPoints", e.source]),
    "--packagesRequiringDocumentation",
    p.name,
  ]);
}

if (process.argv[1]?.endsWith("docs.ts")) {
  execFileSync(join(ROOT, "node_modules/.bin/typedoc"), [...typedocArguments(), ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
  });
}
