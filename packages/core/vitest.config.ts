import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CI runs every workspace's suite at once on 2 cores: property tests, image encoding and
    // concurrent waits take seconds there. A hang still fails, after this long.
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.strict.json" },
  },
});
