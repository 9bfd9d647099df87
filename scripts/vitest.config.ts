import { defineConfig } from "vitest/config";

// Tests of the repo's own scripts (spec pipeline, codegen); packages have their own configs.
export default defineConfig({
  test: { root: import.meta.dirname, include: ["test/**/*.test.ts"] },
});
