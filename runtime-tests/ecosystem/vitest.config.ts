import { defineConfig } from "vitest/config";

// One project is installed in beforeAll and shared, so the tests run in order in one file.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], sequence: { concurrent: false } },
});
