import { DEFAULT_BASE_URL } from "@claid/browser";
import { defineConfig } from "vite";

// `CLAID_API_KEY=... npx vite`: the dev server forwards /api/claid to Claid (or CLAID_BASE_URL) with your key.
export default defineConfig({
  server: {
    proxy: {
      "/api/claid": {
        target: process.env.CLAID_BASE_URL ?? DEFAULT_BASE_URL,
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/api\/claid/, ""),
        headers: { Authorization: `Bearer ${process.env.CLAID_API_KEY ?? ""}` },
      },
    },
  },
});
