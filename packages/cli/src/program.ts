import { readFileSync } from "node:fs";
import { type BatchResult, type Claid, createClaid } from "@claid/node";
import { Command, CommanderError, Option } from "commander";
import ms from "ms";
import { demo } from "./demo.ts";
import { registerDownload } from "./download.ts";
import { describeFailure, EXIT, UsageError } from "./exit.ts";
import {
  buildRequest,
  type CreateFlags,
  DECOMPRESS,
  FITS,
  FORMATS,
  parseInteger,
  parseSize,
  UPSCALES,
} from "./request.ts";
import { SCENARIOS, serveMock } from "./serve.ts";
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
    .requiredOption("--input <uri|url...>", "a storage folder URI (storage://…/) or one or more image URLs")
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
    .action(async (flags: CreateFlags & OutputFlags & { wait?: boolean; timeout?: number }) => {
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
    .command("get <id>")
    .description("show a batch's status and results")
    .option("--json", "print the batch as JSON")
    .action(async (id: string, flags: OutputFlags) => {
      const result = await client(globals()).batches.retrieve(id);
      print(flags, result, () => describeResult(result));
    });

  batch
    .command("wait <id>")
    .description("wait until a batch is done (Ctrl-C stops waiting; the batch keeps running)")
    .option("--timeout <duration>", "give up after this long (e.g. 10m)", parseDuration)
    .option("--json", "print the finished batch as JSON")
    .action(async (id: string, flags: OutputFlags & { timeout?: number }) => {
      const claid = client(globals());
      const [result] = await waitFor(claid, [Number(id)], flags, id);
      print(flags, result, () => describeResult(result as BatchResult));
    });

  registerDownload(batch, () => client(globals()));

  program
    .command("mock-server")
    .description("run the Claid mock API on 127.0.0.1 until Ctrl-C (for curl, Postman, browser examples)")
    .option("--port <n>", "port (default: a free one)", parseInteger("--port", 0, 65535), 0)
    .addOption(new Option("--scenario <name>", "how every batch behaves").choices(SCENARIOS).default("happy"))
    .option("--rate-limit <policy>", 'requests allowed per key, e.g. "120;w=60, 4;w=1" (default: Claid\'s), or "off"')
    .action(async (flags: { port: number; scenario: (typeof SCENARIOS)[number]; rateLimit?: string }) => {
      await serveMock(flags.port, flags.scenario, flags.rateLimit);
    });

  program
    .command("demo")
    .description("submit two example batches and watch them finish (against a local mock unless --live)")
    .option("--live", "use the real API (needs CLAID_API_KEY)")
    .action(async (flags: { live?: boolean }) => {
      const live = Boolean(flags.live || process.env.CLAID_BASE_URL);
      await demo(live ? client(globals()) : undefined);
    });

  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { line, code } = describeFailure(error);
    process.stderr.write(`claid: ${line}\n`);
    if (globals().debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return code;
  }
}

function client({ apiKeyFile, baseUrl }: GlobalFlags): Claid {
  let apiKey = process.env.CLAID_API_KEY;
  if (apiKeyFile) {
    try {
      apiKey = readFileSync(apiKeyFile, "utf8").trim();
    } catch (error) {
      throw new UsageError(`--api-key-file: cannot read ${apiKeyFile}: ${(error as Error).message}`);
    }
  }
  if (!apiKey) throw new UsageError("No API key: set CLAID_API_KEY or pass --api-key-file <path>.");
  return createClaid({ apiKey, baseUrl: baseUrl ?? process.env.CLAID_BASE_URL });
}

function parseDuration(value: string): number {
  const parsed = ms(value as ms.StringValue);
  if (typeof parsed !== "number" || !(parsed > 0))
    throw new UsageError(`--timeout must be a duration like 90s, 10m or 1h; got ${JSON.stringify(value)}.`);
  return parsed;
}

function print(flags: OutputFlags, value: unknown, text: () => string): void {
  process.stdout.write(`${flags.json ? JSON.stringify(value, null, 2) : text()}\n`);
}
