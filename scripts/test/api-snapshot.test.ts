import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_PACKAGES, declarationFiles, ROOT } from "../api-snapshot.ts";

describe.each(API_PACKAGES)("@claid/%s public API", (name) => {
  it("matches the committed snapshot (after an intended change: npm run api:update, and commit it with the change)", () => {
    const dist = join(ROOT, "packages", name, "dist");
    const snapshot = join(ROOT, "packages", name, "api-snapshot");
    expect(declarationFiles(dist)).toEqual(declarationFiles(snapshot));
    for (const file of declarationFiles(dist)) {
      expect(readFileSync(join(dist, file), "utf8"), `${name}/${file}`).toBe(
        readFileSync(join(snapshot, file), "utf8"),
      );
    }
  });
});
