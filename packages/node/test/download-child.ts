/** Runs downloadResults in its own process for the folder tests: argv = folder, batch JSON, options JSON; prints a summary. */
import { type BatchResult, downloadResults } from "../src/index.ts";

const [dir = "", batch = "{}", options = "{}"] = process.argv.slice(2);
const report = await downloadResults(JSON.parse(batch) as BatchResult, dir, JSON.parse(options) as object);
process.stdout.write(
  JSON.stringify({
    written: report.written.map((f) => f.index),
    skipped: report.skipped.map((f) => f.index),
    failed: report.failed.map((f) => [f.index, f.error.reason, f.error.message]),
  }),
);
