import { defineConfig } from "vite";

// `npm run dev`: the dev server forwards /api/claid to Claid with your key, like server.ts does.
export default defineConfig({
  server: {
    proxy: {
      "/api/claid": {
        target: process.env.CLAID_BASE_URL ?? "https://api.claid.ai",
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/api\/claid/, ""),
        headers: { Authorization: `Bearer ${process.env.CLAID_API_KEY ?? ""}` },
      },
    },
  },
});
