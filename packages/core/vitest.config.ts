import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Core's behaviour tests run against the mock's source: @claid/msw depends on
  // @claid/core, so core cannot declare it as a dependency without a cycle.
  resolve: { alias: { "@claid/msw": fileURLToPath(new URL("../msw/src/index.ts", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.strict.json" },
  },
});
