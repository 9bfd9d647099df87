import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real redis-server and real Node processes, on 2 shared cores in CI: a hang still fails, after this long.
    testTimeout: 60_000,
  },
});
