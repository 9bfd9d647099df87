import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real clocks on 2 shared cores in CI: a hang still fails, after this long.
    testTimeout: 30_000,
  },
});
