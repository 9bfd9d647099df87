import { defineConfig } from "vitest/config";

export default defineConfig({
  // Vite's dev server and Chromium start inside the tests: seconds on a busy 2-core machine.
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 },
});
