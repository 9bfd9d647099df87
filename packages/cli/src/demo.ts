/**
 * The main job (`npm start`): the reference page's example batch and a
 * URL-list batch, submitted and watched to the end, then a results table.
 * Without a client it runs against the mock on a free 127.0.0.1 port.
 */

import { createClaidMockServer } from "@claid/msw/node";
import { type BatchEditRequest, type Claid, createClaid } from "@claid/node";
import { describeResult, waitFor } from "./watch.ts";

const BATCHES: [string, BatchEditRequest][] = [
  [
    "the reference page's example (storage folder)",
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

export async function demo(live: Claid | undefined): Promise<void> {
  const mock = live ? undefined : await createClaidMockServer({ pollsToComplete: 4, latencyMs: 150 });
  try {
    const claid = live ?? createClaid({ apiKey: "demo-key", baseUrl: mock?.url });
    process.stdout.write(
      mock
        ? `Claid Batch API demo against the local mock at ${mock.url} (no API key needed)\n\n`
        : "Claid Batch API demo against the live API\n\n",
    );
    const started = Date.now();
    const tasks = await Promise.all(BATCHES.map(([, body]) => claid.batches.create(body)));
    for (const [i, task] of tasks.entries()) process.stdout.write(`submitted #${task.id}: ${BATCHES[i]?.[0]}\n`);
    const results = await waitFor(
      claid,
      tasks.map((t) => t.id),
      { pollIntervalMs: mock ? 500 : 2000 },
    );
    process.stdout.write(
      `\nresults (input → output, size, megapixels, location)\n${results.map(describeResult).join("\n")}\n`,
    );
    process.stdout.write(
      `\n${results.length} batches done in ${((Date.now() - started) / 1000).toFixed(1)} s${mock ? `, ${mock.store.requests.length} requests to the mock` : ""}\n`,
    );
  } finally {
    await mock?.close();
  }
}
