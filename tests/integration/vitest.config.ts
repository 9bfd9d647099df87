import { defineConfig } from "vitest/config";

export default defineConfig({
  // CI runs every workspace's suite at once on 2 cores: 100 concurrent waits take seconds there.
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 },
});
