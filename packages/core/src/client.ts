import type { Client } from "openapi-fetch";
import { type Batches, createBatches } from "./batches.ts";
import type { paths } from "./generated/schema.ts";
import type { Logger, LogLevel } from "./internal/log.ts";
import { createTransport } from "./internal/transport.ts";
import { requireObject } from "./internal/validate.ts";

/** Options of `createClaid()`. */
export interface ClaidOptions {
  /**
   * Your Claid API key, sent as `Authorization: Bearer <key>` to `baseUrl`'s origin only.
   * Defaults to `env.CLAID_API_KEY`. Pass `null` when requests go through your own proxy that adds the key.
   */
  apiKey?: string | null | undefined;
  /** Defaults to `env.CLAID_BASE_URL`, then `https://api.claid.ai`. A relative URL resolves against the page in browsers. */
  baseUrl?: string | undefined;
  /**
   * Where `CLAID_API_KEY` and `CLAID_BASE_URL` are read when the options do not
   * give them: a Worker's `env` binding, `process.env`, … (`@claid/node` and
   * `@claid/edge` pass their runtime's environment).
   */
  env?: { readonly CLAID_API_KEY?: unknown; readonly CLAID_BASE_URL?: unknown } | undefined;
  /**
   * A WHATWG-compatible fetch; defaults to `globalThis.fetch`, looked up at call time.
   * Called as `fetch(request, { signal })`: pass `init` on, so that timeouts and aborts cancel the request.
   */
  fetch?: ((request: Request, init?: { signal: AbortSignal }) => Promise<Response>) | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** Timeout of each attempt, ms. Default 60000. */
  timeoutMs?: number | undefined;
  /** Longest server-requested wait (`Retry-After`) to sleep through; longer ones throw. Default 60000. */
  maxRetryDelayMs?: number | undefined;
  /** Retry `create()` after an unknown outcome (timeout, connection error, 5xx). Risks a duplicate batch. Default false. */
  retryNonIdempotent?: boolean | undefined;
  /** Where log lines go (console-like). Default `console`, at `logLevel`. */
  logger?: Logger | undefined;
  /** Default "silent". "debug" logs every attempt, retry and poll (the key is redacted). */
  logLevel?: LogLevel | undefined;
  /** Allow a non-loopback `http://` baseUrl while sending a key. Default false. */
  allowInsecureHttp?: boolean | undefined;
}

/** A client, from `createClaid()`. */
export interface Claid {
  batches: Batches;
  /** The typed openapi-fetch client (with auth), for anything the helpers do not cover. */
  client: Client<paths>;
}

/**
 * Creates a client. Throws `InvalidArgumentError` for a missing key, a bad `baseUrl` or option.
 *
 * @example
 * const claid = createClaid({ apiKey: process.env.CLAID_API_KEY });
 * const result = await claid.batches.createAndWait({
 *   input: "storage://storage_1/input_folder/",
 *   operations: { resizing: { width: 1000 } },
 *   output: "storage://storage_1/output_folder/",
 * });
 */
export function createClaid(options: ClaidOptions): Claid {
  requireObject(options, "options");
  const fromEnv = (name: "CLAID_API_KEY" | "CLAID_BASE_URL"): string | undefined => {
    const value = options.env?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const transport = createTransport({
    ...options,
    apiKey: options.apiKey !== undefined ? options.apiKey : fromEnv("CLAID_API_KEY"),
    baseUrl: options.baseUrl ?? fromEnv("CLAID_BASE_URL"),
  });
  return { client: transport.client, batches: createBatches(transport) };
}
