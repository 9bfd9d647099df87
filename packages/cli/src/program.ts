import { readFileSync } from "node:fs";
import { type BatchResult, CLAID_RATE_LIMIT, type Claid, createClaid, InvalidArgumentError } from "@claid/node";
import { Command, CommanderError, Option } from "commander";
import { type BulkFlags, createBulk } from "./bulk/command.ts";
import { DEFAULT_BATCH_SIZE, downloadOption, parseBatchSize, verboseOption } from "./bulk/flags.ts";
import { demo } from "./demo.ts";
import { registerDownload } from "./download.ts";
import { describeFailure, EXIT, failureDocument, UsageError } from "./exit.ts";
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
import { SCENARIOS, type ServeFlags, serveMock } from "./serve.ts";
import { printJson, terminalSafe, terminalSafeLines } from "./terminal-safe.ts";
import { describeResult, type OutputFlags, waitFor } from "./watch.ts";

interface GlobalFlags {
  apiKeyFile?: string;
  baseUrl?: string;
  debug?: boolean;
}

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

/** Runs the CLI; resolves with the exit code (see EXIT). */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("claid")
    .description("Submit, watch and download Claid image-editing batches.")
    .version(VERSION)
    .option(
      "--api-key-file <path>",
      "read the API key from this file (default: the CLAID_API_KEY environment variable)",
    )
    .option("--base-url <url>", "API base URL (default: CLAID_BASE_URL, then https://api.claid.ai)")
    .option("--debug", "print stack traces on errors")
    .exitOverride()
    .showSuggestionAfterError();
  const globals = () => program.opts<GlobalFlags>();

  const batch = program.command("batch").description("work with batches");

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

  program
    .command("mock-server")
    .description("run the Claid mock API on 127.0.0.1 until Ctrl-C (for curl, Postman, browser examples)")
    .option("--port <n>", "port (default: a free one)", parseInteger("--port", 0, 65535), 0)
    .addOption(new Option("--scenario <name>", "how every batch behaves").choices(SCENARIOS).default("happy"))
    .option(
      "--rate-limit <policy>",
      `requests allowed per key, e.g. "${CLAID_RATE_LIMIT}" (default: Claid's), or "off"`,
    )
    .option(
      "--task-duration <duration>",
      "tasks run on the clock: PROCESSING for this long (e.g. 30s), then the scenario's end (default: per poll)",
      durationParser("--task-duration"),
    )
    .option("--allow-origin <origin...>", "browser origins allowed besides localhost (CORS), or *")
    .action(async (flags: ServeFlags) => {
      await serveMock(flags);
    });

  program
    .command("demo")
    .description("submit two example batches and watch them finish (against a local mock unless --live)")
    .option("--live", "use the real API (needs CLAID_API_KEY; creates billable batches)")
    .action(async (flags: { live?: boolean }) => {
      // Only --live may reach an API: CLAID_BASE_URL or a key in the environment never turn the demo live.
      if (!flags.live && globals().baseUrl) throw new UsageError("--base-url applies to demo only with --live.");
      await demo(flags.live ? client(globals()) : undefined);
    });

  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      if (wantsJson(argv))
        printJson({ error: { message: error.message.replace(/^error: /, ""), exitCode: EXIT.usage } });
      return EXIT.usage;
    }
    const failure = describeFailure(error);
    const { line, code } = failure;
    if (wantsJson(argv)) printJson(failureDocument(error, failure));
    process.stderr.write(`claid: ${terminalSafe(line)}\n`);
    if (globals().debug && error instanceof Error && error.stack)
      process.stderr.write(`${terminalSafeLines(error.stack)}\n`);
    return code;
  }
}

function client(flags: GlobalFlags): Claid {
  return connect(flags).claid;
}

/** The client, and the API it talks to (base URL and a hash of the key) for the bulk journal. */
function connect({ apiKeyFile, baseUrl }: GlobalFlags): {
  claid: Claid;
  options: { apiKey: string; baseUrl: string | undefined };
} {
  let apiKey = process.env.CLAID_API_KEY?.trim();
  if (apiKeyFile) {
    try {
      apiKey = readFileSync(apiKeyFile, "utf8").trim();
    } catch (error) {
      throw new UsageError(`--api-key-file: cannot read ${apiKeyFile}: ${(error as Error).message}`);
    }
    if (!apiKey) throw new UsageError(`--api-key-file: ${apiKeyFile} is empty.`);
  }
  if (!apiKey) throw new UsageError("No API key: set CLAID_API_KEY or pass --api-key-file <path>.");
  const url = baseUrl ?? (process.env.CLAID_BASE_URL || undefined);
  try {
    return { claid: createClaid({ apiKey, baseUrl: url }), options: { apiKey, baseUrl: url } };
  } catch (error) {
    // The SDK checks both and names its options; the user gave them through these.
    if (error instanceof InvalidArgumentError && error.argument === "apiKey")
      throw new UsageError(`The API key (${apiKeyFile ? "--api-key-file" : "CLAID_API_KEY"}) ${error.problem}`);
    if (error instanceof InvalidArgumentError && error.argument === "baseUrl")
      throw new UsageError(
        `${baseUrl === undefined ? "CLAID_BASE_URL" : "--base-url"} ${error.problem} Use https (plain http only for localhost, 127.0.0.1 or [::1]).`,
      );
    throw error;
  }
}

/** Whether the command line asked for --json (before any "--"), known even when parsing it failed. */
function wantsJson(argv: string[]): boolean {
  const args = argv.slice(2);
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
}

const parseDuration = durationParser("--timeout");

function print(flags: OutputFlags, value: unknown, text: () => string): void {
  if (flags.json) printJson(value);
  else process.stdout.write(`${terminalSafeLines(text())}\n`);
}
