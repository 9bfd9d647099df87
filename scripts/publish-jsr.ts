/**
 * npm run release:jsr — publishes every published package that has a jsr.json
 * to JSR with `deno publish` (the workspace's deno; in GitHub Actions it
 * authenticates with the workflow's OIDC token). A version already on JSR is
 * skipped by deno. Extra arguments go to deno, e.g. `-- --dry-run`.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { PUBLISHED_PACKAGES, ROOT } from "./packages.ts";

if (process.argv[1]?.endsWith("publish-jsr.ts")) {
  const deno = join(ROOT, "node_modules/deno/bin.cjs");
  for (const p of PUBLISHED_PACKAGES.filter((p) => p.jsr)) {
    console.log(`${p.name}@${p.manifest.version} → JSR`);
    execFileSync(process.execPath, [deno, "publish", ...process.argv.slice(2)], {
      cwd: p.dir,
      stdio: "inherit",
      env: { ...process.env, DENO_NO_UPDATE_CHECK: "1" },
    });
  }
}
