import type { Client } from "openapi-fetch";
import { type Batches, checkPoll, createBatches, type PollOptions } from "./batches.ts";
import { DEFAULT_BASE_URL, isLoopbackHost } from "./claid-api.ts";
import { describeValue, InvalidArgumentError } from "./errors.ts";
import type { paths } from "./generated/schema.ts";
import { createTransport } from "./internal/transport.ts";
import { checkHeaders, requireObject } from "./internal/validate.ts";
import { checkPolicy, type RateLimitWindow, type RequestPacer } from "./pacer.ts";
import type { ClaidTelemetry } from "./telemetry.ts";
import type { Logger, LogLevel } from "./types.ts";

/** Claid's API, used when neither `baseUrl` nor `env.CLAID_BASE_URL` is given. */

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
  /** Extra headers sent with every request to the API's origin (never across a redirect to another origin). */
  headers?: Record<string, string> | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** Timeout of each attempt, from sending it to the last byte of its answer, ms (any length; `Infinity` for none). Default 60000. */
  timeoutMs?: number | undefined;
  /**
   * Longest wait a *server* asks for that the client sleeps through, ms: `Retry-After`,
   * `RateLimit-Reset`, and the windows announced in `RateLimit-Limit`. Default 60000. (The client's
   * own backoff between retries is not affected: it stays within 0.5–8 s.) An error response asking
   * for longer is thrown at once (its `retryAfterMs` says how long); a poll answer asking for longer
   * makes `wait()` check again after this long instead; a longer announced window is ignored.
   */
  maxServerDelayMs?: number | undefined;
  /** Largest response body read, bytes; a larger 2xx body is refused with `InvalidResponseError`. Default 32 MiB. */
  maxResponseBytes?: number | undefined;
  /**
   * The rate-limit policy the client paces to: windows, or the `RateLimit-Limit` syntax (`"120;w=60, 4;w=1"`).
   * Default: Claid's documented policy for api.claid.ai, else learned from the responses (one request
   * in flight until the first answer); every response's `RateLimit-Limit` tightens it. `false`: no pacing.
   */
  rateLimit?: RateLimitWindow[] | string | false | undefined;
  /** Cap on this client's requests in flight (on top of the rate-limit windows). Default: no cap. */
  maxConcurrentRequests?: number | undefined;
  /**
   * A pacer to use instead of the client's own — e.g. one shared by every isolate of a deployment
   * through a Durable Object (see the README). `rateLimit` and `maxConcurrentRequests` then do not apply.
   */
  pacer?: RequestPacer | undefined;
  /**
   * Retry `create()` after an unknown outcome (timeout, connection lost after sending, 408, 5xx). Risks a
   * duplicate batch. Default false. A create that was answered 2xx or redirected is never sent again;
   * one that provably reached no server (connection refused, DNS failure) is retried either way.
   */
  retryNonIdempotent?: boolean | undefined;
  /** Where log lines go (console-like). Default `console`, at `logLevel`. */
  logger?: Logger | undefined;
  /** Default "silent". "debug" logs every attempt, retry and poll (the key is redacted). */
  logLevel?: LogLevel | undefined;
  /** Hooks called for every attempt, rate-limit wait and `wait()`: `claidTelemetry()` of `@claid/otel`, or your own. Default: none. */
  telemetry?: ClaidTelemetry | undefined;
  /** Allow a non-loopback `http://` baseUrl while sending a key. Default false. */
  allowInsecureHttp?: boolean | undefined;
  /**
   * The poll schedule of `wait()`, `createAndWait()` and `check()` when a call does not give its own,
   * e.g. `{ pollIntervalMs: 1 }` for a client under test against the mock. Default 2000 and 15000 ms.
   */
  poll?: PollOptions | undefined;
}

/** A client, from `createClaid()`. */
export interface Claid {
  batches: Batches;
  /** The typed openapi-fetch client (with auth), for anything the helpers do not cover. */
  client: Client<paths>;
}

/** Shorter keys could not be redacted from messages without mangling other text. */
const MIN_KEY_LENGTH = 8;

/**
 * Creates a client. Throws `InvalidArgumentError` for a missing or malformed key, a bad `baseUrl` or option.
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
  const apiKey = checkKey(options.apiKey, fromEnv("CLAID_API_KEY"));
  // Checked here, so that the error names the client's option rather than the pacer's `policy`.
  if (options.rateLimit !== undefined && options.rateLimit !== false) checkPolicy("rateLimit", options.rateLimit);
  if (options.poll !== undefined) requireObject(options.poll, "poll");
  const pollDefaults = checkPoll(options.poll ?? {}, undefined, "poll.");
  if (options.telemetry !== undefined) requireObject(options.telemetry, "telemetry");
  const transport = createTransport({
    ...options,
    headers: checkHeaders("headers", options.headers),
    apiKey,
    baseUrl: parseBaseUrl(
      options.baseUrl ?? fromEnv("CLAID_BASE_URL") ?? DEFAULT_BASE_URL,
      apiKey !== null && !options.allowInsecureHttp,
    ),
  });
  return { client: transport.client, batches: createBatches(transport, pollDefaults) };
}

function checkKey(given: unknown, fromEnv: string | undefined): string | null {
  if (given === null) return null;
  // The key's source: the option, or the environment variable when the option was left out.
  const argument = given === undefined && fromEnv !== undefined ? "CLAID_API_KEY" : "apiKey";
  const key = given === undefined ? fromEnv : given;
  const reject = (problem: string, hint?: string): never => {
    throw new InvalidArgumentError({ argument, problem, hint });
  };
  if (key === undefined)
    reject(
      "is missing.",
      "Pass `apiKey` to createClaid() or set CLAID_API_KEY (`apiKey: null` when a proxy adds the key).",
    );
  else if (typeof key !== "string") reject(`must be a string, got ${describeValue(key)}.`);
  else if (!key.trim()) reject(argument === "apiKey" ? "is empty." : "is set but empty.");
  else if (/[^\x21-\x7e]/.test(key))
    reject("contains whitespace, control or non-ASCII characters.", "Check how the key was copied.");
  else if (key.length < MIN_KEY_LENGTH)
    reject(
      `is shorter than ${MIN_KEY_LENGTH} characters: that is not a Claid key (and too short to keep out of logs safely).`,
    );
  return key as string;
}

function parseBaseUrl(value: unknown, refuseInsecure: boolean): URL {
  let url: URL | undefined;
  try {
    if (value && typeof value === "string")
      url = new URL(value, (globalThis as { location?: { href: string } }).location?.href);
  } catch {}
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new InvalidArgumentError({
      argument: "baseUrl",
      problem: `must be an absolute http(s) URL, got ${describeValue(value)}.`,
    });
  }
  if (refuseInsecure && url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new InvalidArgumentError({
      argument: "baseUrl",
      problem: `(${url.origin}) is plain http, which would send the API key unencrypted.`,
      hint: "Use https, a loopback host, or `allowInsecureHttp: true`.",
    });
  }
  return url;
}
