// Node ESM + TypeScript (module/moduleResolution nodenext), as an npm user writes it.
import { type BatchResult, createClaid } from "@claid/node";

const claid = createClaid(); // CLAID_API_KEY, CLAID_BASE_URL
const result: BatchResult = await claid.batches.createAndWait(
  { input: ["https://img.example/a.png"], operations: { resizing: { width: 640 } } },
  { pollIntervalMs: 50 },
);
console.log(`esm: ${result.status} ${result.results?.length}`);
