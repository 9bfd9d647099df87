// Deno, importing @claid/edge from the installed tarball (node_modules).
import { createClaid } from "@claid/edge";

const result = await createClaid().batches.createAndWait(
  { input: ["https://img.example/c.png"], operations: {} },
  { pollIntervalMs: 50 },
);
console.log(`deno: ${result.status} ${result.results?.length}`);
