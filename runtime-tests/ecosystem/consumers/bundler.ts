// TypeScript with moduleResolution "bundler", bundled by esbuild.
import { createClaid, type ImageOperations } from "@claid/edge";

const operations: ImageOperations = {
  background: { remove: true },
  resizing: { fit: "canvas", width: 500, height: 500 },
};
declare const process: { env: Record<string, string | undefined> };
const claid = createClaid({
  env: { CLAID_API_KEY: process.env.CLAID_API_KEY, CLAID_BASE_URL: process.env.CLAID_BASE_URL },
});
const result = await claid.batches.createAndWait(
  { input: ["https://img.example/b.png"], operations, output: { format: "webp" } },
  { pollIntervalMs: 50 },
);
console.log(`bundler: ${result.status} ${result.results?.[0]?.output_object.ext}`);
