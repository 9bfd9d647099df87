/**
 * The main job (`npm start`): the reference page's example batch and a
 * URL-list batch, submitted and watched to the end, a results table, then
 * the result files downloaded into a folder it names: create → wait → download.
 * Without a client it runs against the mock on a free 127.0.0.1 port.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BatchEditRequest, type Claid, createClaid, downloadResults } from "@claid/node";
import type { Command } from "commander";
import { client, type GlobalFlags } from "./connect.ts";
import { summary } from "./download.ts";
import { EXIT, UsageError } from "./exit.ts";
import { loadMock } from "./mock.ts";
import { count } from "./plural.ts";
import { terminalSafeLines } from "./terminal-safe.ts";
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

/** `claid demo`'s flags and action: defined only when the command line names it (see program.ts). */
export function defineDemo(command: Command, globals: () => GlobalFlags): void {
  command
    .option("--live", "use the real API (needs CLAID_API_KEY; creates billable batches)")
    .action(async (flags: { live?: boolean }) => {
      // Only --live may reach an API: CLAID_BASE_URL or a key in the environment never turn the demo live.
      if (!flags.live && globals().baseUrl) throw new UsageError("--base-url applies to demo only with --live.");
      await demo(flags.live ? client(globals()) : undefined);
    });
}

async function demo(live: Claid | undefined): Promise<void> {
  const mock = live
    ? undefined
    : await (await loadMock("demo")).createClaidMockServer({ pollsToComplete: 4, latencyMs: 150 });
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
    // A fresh folder each run: the demo never mixes its files with earlier ones, nor writes into the project.
    const folder = mkdtempSync(join(tmpdir(), "claid-demo-"));
    process.stdout.write(`\ndownloading the result files into ${folder}, a folder per batch\n`);
    for (const result of results) {
      const report = await downloadResults(result, join(folder, `batch-${result.id}`));
      process.stdout.write(`${terminalSafeLines(summary(report))}\n`);
      if (report.failed.length > 0) process.exitCode = EXIT.api;
    }
    process.stdout.write(
      `\n${count(results.length, "batch", "batches")} done in ${((Date.now() - started) / 1000).toFixed(1)} s${mock ? `, ${count(mock.store.requests.length, "request")} to the mock` : ""}\n`,
    );
    process.stdout.write(`results saved in ${folder}\n`);
  } finally {
    await mock?.close();
  }
}
