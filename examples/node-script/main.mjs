// CLAID_API_KEY=... node main.mjs https://example.com/a.png https://example.com/b.png
import { createClaid, downloadResults } from "@claid/node";

const urls = process.argv.slice(2);
if (urls.length === 0) throw new Error("usage: node main.mjs <image URL>...");

const claid = createClaid(); // CLAID_API_KEY (and CLAID_BASE_URL) from the environment
const batch = await claid.batches.createAndWait(
  { input: urls, operations: { background: { remove: true }, resizing: { width: 1000 } }, output: { format: "webp" } },
  { onProgress: (result) => console.log(`batch ${result.id}: ${result.status}`) },
);
const { written, failed } = await downloadResults(batch, "./out");
for (const file of written) console.log(`saved ${file.path}`);
for (const failure of failed) console.error(`failed ${failure.url}: ${failure.error.message}`);
process.exitCode = failed.length > 0 ? 1 : 0;
