/**
 * npm start — the SDK's main job, end to end, without an API key: submits the
 * reference page's example batch and a URL-list batch to the @claid/msw mock
 * (intercepting fetch in this process), waits for both to finish, prints the results.
 */
import { type BatchEditRequest, createClaid } from "@claid/core";
import { ClaidMockStore, createClaidHandlers } from "@claid/msw";
import { setupServer } from "msw/node";

const batches: [string, BatchEditRequest][] = [
  [
    "seed example (storage folder)",
    {
      input: "storage://storage_1/input_folder/",
      operations: { resizing: { width: 1000 }, background: { remove: false } },
      output: "storage://storage_1/output_folder/",
    },
  ],
  [
    "URL list → webp",
    {
      input: ["https://image.site/shoe.png", "https://image.site/bag.jpg", "https://image.site/hat.jpg"],
      operations: {
        restorations: { upscale: "smart_enhance", decompress: "auto" },
        background: { remove: true, color: "#ffffff" },
        resizing: { width: 800, height: 800, fit: "canvas" },
      },
      output: { format: { type: "webp", compression: { type: "lossy", quality: 80 } } },
    },
  ],
];

const store = new ClaidMockStore();
const server = setupServer(...createClaidHandlers({ store, pollsToComplete: 3, latencyMs: 40 }));
server.listen({ onUnhandledRequest: "error" });

try {
  const claid = createClaid({ apiKey: "demo-key-for-the-mock" });
  const started = Date.now();
  const finished = await Promise.all(
    batches.map(async ([name, body]) => {
      const accepted = await claid.batches.create(body);
      console.log(`submitted  #${accepted.id} ${name}: ${accepted.status}`);
      return claid.batches.wait(accepted, {
        pollIntervalMs: 100,
        onProgress: (result) =>
          console.log(`           #${result.id} ${result.status} after ${Date.now() - started} ms`),
      });
    }),
  );
  console.log("\nresults");
  for (const batch of finished) {
    for (const { input_object: input, output_object: output } of batch.results ?? []) {
      const where = output.object_uri ?? output.tmp_url ?? "";
      console.log(
        `  #${batch.id} ${input.width}×${input.height} ${input.ext} → ${output.ext} ${output.width}×${output.height} (${output.mps} MP) ${where}`,
      );
    }
  }
  console.log(`\n${store.requests.length} requests to the mock, ${Date.now() - started} ms`);
} finally {
  server.close();
}
