import { readFileSync } from "node:fs";
import { type Command, Command as CommandClass, CommanderError, Help } from "commander";
import type { GlobalFlags } from "./connect.ts";
import { printJson, terminalSafe, terminalSafeLines } from "./terminal-safe.ts";

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

/**
 * The top-level commands. Each one's flags and action live in a module imported only when the command
 * line names the command, so `claid --version` and `claid --help` load commander alone (not the SDK,
 * the spec validator, the progress libraries or the mock).
 */
const COMMANDS: {
  name: string;
  description: string;
  /** Whether the help lists it with "[options]" before it is defined. */
  hasOptions: boolean;
  define: (command: Command, globals: () => GlobalFlags) => Promise<void>;
}[] = [
  {
    name: "batch",
    description: "work with batches",
    hasOptions: false,
    define: async (command, globals) => (await import("./batch.ts")).defineBatch(command, globals),
  },
  {
    name: "mock-server",
    description: "run the Claid mock API on 127.0.0.1 until Ctrl-C (for curl, Postman, browser examples)",
    hasOptions: true,
    define: async (command) => (await import("./serve.ts")).defineMockServer(command),
  },
  {
    name: "demo",
    description:
      "submit two example batches, watch them finish and download the results (against a local mock unless --live)",
    hasOptions: true,
    define: async (command, globals) => (await import("./demo.ts")).defineDemo(command, globals),
  },
];

/** Runs the CLI; resolves with the exit code (see EXIT in exit.ts). */
export async function main(argv: string[]): Promise<number> {
  const program = new CommandClass("claid")
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

  const words = new Set(argv.slice(2));
  const undefinedYet = new Set<Command>();
  for (const { name, description, define } of COMMANDS) {
    const command = program.command(name).description(description);
    // A word equal to a command name (even a flag's value) only loads that command's module: harmless.
    if (words.has(name)) await define(command, globals);
    else undefinedYet.add(command);
  }
  // The root help lists the commands not loaded as they will be once defined.
  program.configureHelp({
    subcommandTerm: (command) =>
      undefinedYet.has(command) && COMMANDS.find((c) => c.name === command.name())?.hasOptions
        ? `${command.name()} [options]`
        : new Help().subcommandTerm(command),
  });

  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    // --version and --help: done, nothing more to load.
    if (error instanceof CommanderError && error.exitCode === 0) return 0;
    const { describeFailure, EXIT, failureDocument } = await import("./exit.ts");
    if (error instanceof CommanderError) {
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

/** Whether the command line asked for --json (before any "--"), known even when parsing it failed. */
function wantsJson(argv: string[]): boolean {
  const args = argv.slice(2);
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
}
