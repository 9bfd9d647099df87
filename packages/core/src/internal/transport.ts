/**
 * Everything between a batch method and the network: auth, redirects, per-attempt
 * timeouts, retries with backoff, rate-limit bookkeeping, response parsing,
 * error mapping, logging. One place, so every target behaves the same.
 */
import createClient, { type Client } from "openapi-fetch";
import { CLAID_RATE_LIMIT } from "../claid-api.ts";
import type { ClaidOptions } from "../client.ts";
import {
  ClaidConnectionError,
  type ClaidError,
  ClaidTimeoutError,
  InvalidArgumentError,
  InvalidResponseError,
} from "../errors.ts";
import type { paths } from "../generated/schema.ts";
import { createRequestPacer, type RequestPacer } from "../pacer.ts";
import type { RequestOptions } from "../types.ts";
import { addHint, type Redact, redactCause, redactHeaders, redactor, redactParsed, toAPIError } from "./errors.ts";
import { serverDelayMs } from "./headers.ts";
import { createLog, type Log } from "./log.ts";
import { sleep, withDeadline } from "./signals.ts";
import { batchProblem, checkHeaders, checkNumber } from "./validate.ts";

/** The client's options once `env` and defaults for the key and base URL have been applied. */
export type ClientSettings = Omit<ClaidOptions, "env" | "apiKey" | "baseUrl"> & { apiKey: string | null; baseUrl: URL };

/** What batch methods add to a call's options internally: the epoch ms of the caller's deadline (a wait's maxWaitMs). */
export type SendOptions = RequestOptions & { deadlineAt?: number };

export type FetchResult = { data?: unknown; error?: unknown; response: Response };

/** What a batch method passes on to the openapi-fetch call of one attempt. */
export interface AttemptInit {
  fetch: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
  /** Every call reads the body itself (with a size cap), so openapi-fetch hands over the stream. */
  parseAs: "stream";
}

export interface Sent {
  /** The `data` member of the response's JSON envelope. */
  data: unknown;
  response: Response;
}

export interface Transport {
  client: Client<paths>;
  /** Undefined when silent. */
  log: Log | undefined;
  /** Sends one logical call with retries, each attempt paced; resolves with the response's `data` envelope member. */
  send(
    method: "GET" | "POST",
    path: string,
    call: (init: AttemptInit) => Promise<FetchResult>,
    options: SendOptions | undefined,
  ): Promise<Sent>;
  /** The client's pacer (a no-op one with `rateLimit: false`). */
  pacer: RequestPacer;
  /** Longest server-requested wait the client sleeps through, ms. */
  maxRetryDelayMs: number;
  /** Removes the API key from a text, in every form a server may echo it. */
  redact: Redact;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const UNKNOWN_OUTCOME =
  "The batch may or may not have been created. It was not retried, so not submitted twice: check before submitting again, or set `retryNonIdempotent: true`.";
const decoder = new TextDecoder();
const unpaced: RequestPacer = { acquire: async () => () => {}, delayMs: () => 0 };

export function createTransport(settings: ClientSettings): Transport {
  const { apiKey, baseUrl } = settings;
  const maxRetries = checkNumber("maxRetries", settings.maxRetries ?? 2, 0, "integer");
  const timeoutMs = checkNumber("timeoutMs", settings.timeoutMs ?? 60_000, 1);
  const maxRetryDelayMs = checkNumber("maxRetryDelayMs", settings.maxRetryDelayMs ?? 60_000, 0, "finite");
  const maxResponseBytes = checkNumber("maxResponseBytes", settings.maxResponseBytes ?? 32 * 2 ** 20, 1);
  const redact = redactor(apiKey);
  const log = createLog(settings.logger, settings.logLevel, redact);
  const apiOrigin = `${baseUrl.origin}/`;
  const { rateLimit } = settings;
  const pacer =
    settings.pacer ??
    (rateLimit === false
      ? unpaced
      : createRequestPacer({
          policy: rateLimit ?? (baseUrl.hostname === "api.claid.ai" ? CLAID_RATE_LIMIT : undefined),
          maxConcurrentRequests: settings.maxConcurrentRequests,
        }));
  /** What an error keeps of a response: its status, and its headers without the key. */
  const seen = (response: Response) => ({ status: response.status, headers: redactHeaders(response.headers, redact) });

  /** A response body as text, at most `maxResponseBytes` of it: a longer one is refused, or cut short with `truncate`. */
  async function readBody(response: Response, body: ReadableStream<Uint8Array> | null | undefined, truncate: boolean) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
      size += part.value.byteLength;
      if (size > maxResponseBytes) {
        await reader?.cancel();
        if (truncate) break;
        throw new InvalidResponseError(
          `${response.status}: the response is larger than maxResponseBytes (${maxResponseBytes} bytes); it was not read.`,
          seen(response),
        );
      }
      chunks.push(part.value);
    }
    if (chunks.length === 1) return decoder.decode(chunks[0]);
    const all = new Uint8Array(Math.min(size, maxResponseBytes));
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return decoder.decode(all);
  }

  // The key is added here, per request, only for the API's own origin; redirects
  // are followed by hand so that a hop to another origin carries neither the key
  // nor any header the caller configured (proxy users put their secrets there).
  // The attempt's signal goes to fetch() with the request rather than into it:
  // a Request built with a signal costs undici a second signal link per call.
  async function authorizedFetch(first: Request, signal?: AbortSignal): Promise<Response> {
    let request = first;
    for (let hop = 0; ; hop++) {
      // Same origin ⇔ the URL starts with "<origin>/" (the slash stops "api.claid.ai.evil.test").
      if (apiKey && request.url.startsWith(apiOrigin)) request.headers.set("Authorization", `Bearer ${apiKey}`);
      const response = await (settings.fetch ?? fetch)(request, signal && { signal });
      const { status } = response;
      const followable = status === 303 || (request.method === "GET" && status > 300 && status < 309);
      const location = followable && hop < 5 && response.headers.get("location");
      if (!location) {
        if (response.ok) return response;
        // Error bodies are parsed by openapi-fetch: hand it a copy cut to the size cap.
        return new Response(await readBody(response, response.body, true), response);
      }
      await response.body?.cancel();
      const next = new URL(location, request.url).href;
      request = new Request(
        next,
        next.startsWith(apiOrigin) ? { headers: request.headers, redirect: "manual" } : { redirect: "manual" },
      );
    }
  }

  // Redirects are followed by hand (above), so every request is made with redirect: "manual".
  const client = createClient<paths>({
    baseUrl: baseUrl.href.replace(/\/$/, ""),
    fetch: authorizedFetch,
    redirect: "manual",
    ...(settings.headers && { headers: settings.headers }),
  });

  async function send(
    method: "GET" | "POST",
    path: string,
    call: (init: AttemptInit) => Promise<FetchResult>,
    options: SendOptions = {},
  ): Promise<Sent> {
    const idempotent = method === "GET";
    const retries =
      options.maxRetries === undefined ? maxRetries : checkNumber("maxRetries", options.maxRetries, 0, "integer");
    const attemptMs = options.timeoutMs === undefined ? timeoutMs : checkNumber("timeoutMs", options.timeoutMs, 1);
    const headers = checkHeaders("headers", options.headers);
    const { signal } = options;
    const label = `${method} ${path}`;

    for (let attempt = 1; ; attempt++) {
      // Every attempt waits for a rate-limit slot: requests queue instead of meeting 429s.
      if (log && pacer.delayMs() > 0) log(`${label}: waiting about ${pacer.delayMs()} ms for a rate-limit slot`);
      const release = await pacer.acquire({
        kind: idempotent ? "poll" : "create",
        ...(signal && { signal }),
        ...(options.deadlineAt !== undefined && { deadline: options.deadlineAt }),
      });
      log?.(`${label}: attempt ${attempt} of ${retries + 1}`);
      let error: ClaidError;
      let retryable = idempotent || !!settings.retryNonIdempotent;
      let outcomeUnknown = !idempotent;
      let serverDelay: number | undefined;
      let reached = false;
      try {
        const {
          data,
          error: body,
          response,
        } = await withDeadline(
          signal,
          attemptMs,
          (attemptSignal) =>
            call({
              fetch: (request) => {
                reached = true;
                return authorizedFetch(request, attemptSignal);
              },
              parseAs: "stream",
              ...(headers && { headers }),
            }),
          () => new ClaidTimeoutError(`${label} timed out after ${attemptMs} ms.`),
        );
        release(boundedLimits(response.headers, maxRetryDelayMs));
        if (response.ok) {
          const text = await readBody(response, data as ReadableStream | undefined, false);
          return { data: redactParsed(parseData(text, seen(response)), text, redact), response };
        }
        const { status } = response;
        serverDelay = serverDelayMs(response, Date.now());
        error = toAPIError(response, body, redact, serverDelay);
        retryable &&= RETRY_STATUSES.includes(status);
        retryable ||= status === 429;
        outcomeUnknown &&= status === 408 || status >= 500;
      } catch (cause) {
        release(undefined);
        if (signal?.aborted) throw signal.reason;
        // Nothing left this process: a request that could not even be built is the caller's to fix, never retried.
        if (!reached) {
          throw new InvalidArgumentError({
            argument: "request",
            problem: redact(`(${label}) could not be sent: ${messageOf(cause)}. Nothing was sent.`),
          });
        }
        // An unreadable 2xx is not retried: for a POST the batch was created, only its answer is lost.
        retryable &&= !(cause instanceof InvalidResponseError);
        error =
          cause instanceof InvalidResponseError || cause instanceof ClaidTimeoutError
            ? cause
            : new ClaidConnectionError(redact(`${label} failed: ${messageOf(cause)}.`), {
                cause: redactCause(cause, redact),
              });
      }
      error.attempts = attempt;
      if (!retryable || attempt > retries || (serverDelay ?? 0) > maxRetryDelayMs) {
        if (outcomeUnknown && !retryable) {
          error.outcomeUnknown = true;
          addHint(error, UNKNOWN_OUTCOME);
        }
        throw error;
      }
      const delay = serverDelay ?? Math.random() * Math.min(8000, 500 * 2 ** (attempt - 1));
      log?.(
        `${label}: ${error.message} Retrying in ${Math.round(delay)} ms (${serverDelay === undefined ? "backoff" : "as the server asked"}).`,
      );
      await sleep(delay, signal);
    }
  }

  return { client, log, send, pacer, maxRetryDelayMs, redact };
}

/**
 * The headers the pacer learns from, bounded by what the client sleeps through: a
 * `RateLimit-Reset` longer than `maxRetryDelayMs` is cut to it, and a `RateLimit-Limit`
 * window longer than that (`1;w=1000000000`) is dropped — a hostile or mistaken value
 * cannot park the client for months.
 */
function boundedLimits(headers: Headers, maxRetryDelayMs: number): Headers {
  const reset = Number(headers.get("ratelimit-reset"));
  const limit = headers.get("ratelimit-limit");
  const windows = limit?.split(",");
  const longWindow = (item: string) => Number(/\bw=([\d.]+)/.exec(item)?.[1]) * 1000 > maxRetryDelayMs;
  const dropWindows = !!windows?.some(longWindow);
  if (!(reset * 1000 > maxRetryDelayMs) && !dropWindows) return headers;
  const copy = new Headers(headers);
  if (reset * 1000 > maxRetryDelayMs) copy.set("ratelimit-reset", String(maxRetryDelayMs / 1000));
  if (dropWindows) copy.set("ratelimit-limit", (windows ?? []).filter((item) => !longWindow(item)).join(","));
  return copy;
}

/** A fetch failure's message, with its cause's (undici says only "fetch failed"). */
function messageOf(cause: unknown): string {
  const error = cause as { message?: unknown; cause?: { message?: unknown } } | undefined;
  const inner = error?.cause?.message;
  return `${error?.message ?? cause}${typeof inner === "string" ? ` (${inner})` : ""}`;
}

/** The `data` member of a 2xx body, after checking it is the documented envelope with a usable batch. */
function parseData(text: string, response: { status: number; headers: Headers }): unknown {
  let problem = "had an empty body";
  if (/\S/.test(text)) {
    problem = "is not valid JSON";
    try {
      const data = JSON.parse(text)?.data;
      problem = batchProblem(data) ?? "";
      if (!problem) return data;
      problem = `is not a batch: ${problem}`;
    } catch {}
  }
  throw new InvalidResponseError(`${response.status}: the response ${problem}.`, response);
}
