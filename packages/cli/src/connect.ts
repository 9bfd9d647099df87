/** The client the commands use, from the global flags and the environment; its errors speak in flags. */
import { readFileSync } from "node:fs";
import { type Claid, createClaid, InvalidArgumentError } from "@claid/node";
import { UsageError } from "./exit.ts";

export interface GlobalFlags {
  apiKeyFile?: string;
  baseUrl?: string;
  debug?: boolean;
}

export function client(flags: GlobalFlags): Claid {
  return connect(flags).claid;
}

/** The client, and the options it was made with (the bulk run makes its own client and journal from them). */
export function connect({ apiKeyFile, baseUrl }: GlobalFlags): {
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
