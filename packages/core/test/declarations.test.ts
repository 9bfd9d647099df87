import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("the built declarations", () => {
  it.each(["index.d.ts", "spec.d.ts"])(
    "%s shows the SDK's names, never a bundler's renames (BatchResult$1)",
    (file) => {
      const declarations = readFileSync(join(import.meta.dirname, "../dist", file), "utf8");
      expect(declarations.match(/\b\w+\$\d+\b/g) ?? []).toEqual([]);
    },
  );
});
