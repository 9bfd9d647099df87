/** `claid batch create|get|wait|download`: defined only when the command line names `batch` (see program.ts). */
import type { BatchResult } from "@claid/node";
import { type Command, Option } from "commander";
import { type BulkFlags, createBulk } from "./bulk/command.ts";
import { DEFAULT_BATCH_SIZE, downloadOption, parseBatchSize, verboseOption } from "./bulk/flags.ts";
import { client, connect, type GlobalFlags } from "./connect.ts";
import { registerDownload } from "./download.ts";
import { UsageError } from "./exit.ts";
import {
  buildRequest,
  type CreateFlags,
  DECOMPRESS,
  durationParser,
  FITS,
  FORMATS,
  parseInteger,
  parseSize,
  parseTaskId,
  UPSCALES,
} from "./request.ts";
import { printJson, terminalSafeLines } from "./terminal-safe.ts";
import { describeResult, type OutputFlags, waitFor } from "./watch.ts";

export function defineBatch(batch: Command, globals: () => GlobalFlags): void {
  batch
    .command("create")
    .description("submit a batch")
    .option("--input <uri|url...>", "a storage folder URI (storage://…/) or one or more image URLs")
    .addOption(
      new Option("--input-file <file>", "image URLs, one per line, submitted as several batches").conflicts("input"),
    )
    .option("--batch-size <n>", `with --input-file: URLs per batch (default ${DEFAULT_BATCH_SIZE})`, parseBatchSize)
    .option("--journal <path>", "with --input-file: the journal of submitted batches (default <file>.claid-journal)")
    .option("--retry-unknown", "with --input-file: submit again the chunks whose outcome the journal says is unknown")
    .option("--recursive", "include subfolders of a storage folder input")
    .option("--operations <file.json|->", "an ImageOperations JSON file (or - for standard input)")
    .option("--width <px|%|auto>", "output width", parseSize("--width"))
    .option("--height <px|%|auto>", "output height", parseSize("--height"))
    .addOption(new Option("--fit <mode>", "how the image fits width × height").choices(FITS))
    .addOption(new Option("--format <format>", "output format").choices(FORMATS))
    .option("--quality <1-100>", "output quality (jpeg, webp, avif, tiff)", parseInteger("--quality", 1, 100))
    .option("--remove-background", "remove the background")
    .addOption(new Option("--upscale <model>", "upscale with this model").choices(UPSCALES))
    .addOption(new Option("--decompress <mode>", "remove compression artifacts").choices(DECOMPRESS))
    .option("--output <uri>", "where to store results (default: Claid's temporary storage, kept one day)")
    .option("--wait", "wait until the batch is done")
    .option("--timeout <duration>", "with --wait: give up after this long (e.g. 10m)", parseDuration)
    .option("--json", "print one JSON document and nothing else on stdout")
    .addOption(downloadOption)
    .addOption(verboseOption)
    .action(async (flags: CreateFlags & Partial<BulkFlags>) => {
      if (flags.timeout !== undefined && !flags.wait) throw new UsageError("--timeout applies only with --wait.");
      if (flags.inputFile) {
        return createBulk(connect(globals()).options, { ...flags, inputFile: flags.inputFile });
      }
      if (!flags.input)
        throw new UsageError("required option '--input <uri|url...>' not specified (or --input-file <file>).");
      if (flags.batchSize || flags.journal || flags.retryUnknown || flags.download || flags.verbose)
        throw new UsageError(
          "--batch-size, --journal, --retry-unknown, --download and --verbose apply to --input-file, not to --input.",
        );
      const body = buildRequest(flags);
      const claid = client(globals());
      const task = await claid.batches.create(body);
      if (!flags.wait) {
        print(flags, task, () => `#${task.id} ${task.status}  ${task.result_url ?? ""}`.trimEnd());
        return;
      }
      if (!flags.json) process.stderr.write(`submitted batch ${task.id}\n`);
      const [result] = await waitFor(claid, [task.id], flags);
      print(flags, result, () => describeResult(result as BatchResult));
    });

  batch
    .command("get")
    .description("show a batch's status and results")
    .argument("<id>", "the batch id", parseTaskId)
    .option("--json", "print the batch as JSON")
    .action(async (id: number, flags: OutputFlags) => {
      const result = await client(globals()).batches.retrieve(id);
      print(flags, result, () => describeResult(result));
    });

  batch
    .command("wait")
    .description("wait until a batch is done (Ctrl-C stops waiting; the batch keeps running)")
    .argument("<id>", "the batch id", parseTaskId)
    .option("--timeout <duration>", "give up after this long (e.g. 10m)", parseDuration)
    .option("--json", "print the finished batch as JSON")
    .action(async (id: number, flags: OutputFlags & { timeout?: number }) => {
      const claid = client(globals());
      const [result] = await waitFor(claid, [id], flags);
      print(flags, result, () => describeResult(result as BatchResult));
    });

  registerDownload(batch, () => client(globals()));
}

const parseDuration = durationParser("--timeout");

function print(flags: OutputFlags, value: unknown, text: () => string): void {
  if (flags.json) printJson(value);
  else process.stdout.write(`${terminalSafeLines(text())}\n`);
}
