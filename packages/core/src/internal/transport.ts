/**
 * Everything between a batch method and the network: auth, redirects, per-attempt
 * timeouts, retries with backoff, rate-limit bookkeeping, response parsing,
 * error mapping, logging. One place, so every target behaves the same.
 */
import createClient, { type Client } from "openapi-fetch";
import type { ClaidOptions } from "../client.ts";
import {
  ClaidConnectionError,
  type ClaidError,
  ClaidTimeoutError,
  InvalidArgumentError,
  InvalidResponseError,
} from "../errors.ts";
import type { paths } from "../generated/schema.ts";
import { type Redact, redactCause, redactor, toAPIError } from "./errors.ts";
import { rateLimitOf, serverDelayMs } from "./headers.ts";
import { createLog, type Log } from "./log.ts";
import { linkedSignal, raceAbort, sleep } from "./signals.ts";
import { checkNumber } from "./validate.ts";

/** Claid's API, used when no `baseUrl` is given. */
export const DEFAULT_BASE_URL = "https://api.claid.ai";

/** The client's options once `env` has been applied. */
export type ClientSettings = Omit<ClaidOptions, "env">;

/** Per-call settings; they override the client's for that call only. */
export interface RequestOptions {
  /** Aborts the call — during a request or a backoff sleep; it rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout, ms. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. */
  maxRetries?: number | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
}

export type FetchResult = { data?: unknown; error?: unknown; response: Response };

export interface Sent {
  data: unknown;
  response: Response;
}

export interface Transport {
  client: Client<paths>;
  /** Undefined when silent. */
  log: Log | undefined;
  /** Sends one logical call with retries; resolves with the response's `data` envelope member. */
  send(
    method: "GET" | "POST",
    path: string,
    call: (signal: AbortSignal, headers: Record<string, string> | undefined) => Promise<FetchResult>,
    options: RequestOptions | undefined,
  ): Promise<Sent>;
  /** Epoch ms before which the rate-limit window is known to be used up (0 if not). */
  rateLimitedUntil(): number;
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8000;
const MAX_REDIRECTS = 5;
const UNKNOWN_OUTCOME =
  " The batch may or may not have been created. It was not retried, so it was not submitted twice; check for it (e.g. in your output location) before submitting again, or set `retryNonIdempotent: true` to retry automatically.";

export function createTransport(settings: ClientSettings): Transport {
  const { apiKey } = settings;
  if (apiKey !== null && (typeof apiKey !== "string" || apiKey.trim() === "")) {
    throw new InvalidArgumentError(
      "apiKey",
      "Missing API key: pass `apiKey` to createClaid() or set the CLAID_API_KEY environment variable (or pass `apiKey: null` when a proxy adds the key).",
    );
  }
  const baseUrl = parseBaseUrl(settings.baseUrl ?? DEFAULT_BASE_URL, apiKey !== null && !settings.allowInsecureHttp);
  const defaults = {
    maxRetries: checkNumber("maxRetries", settings.maxRetries ?? 2, { integer: true }),
    timeoutMs: checkNumber("timeoutMs", settings.timeoutMs ?? 60_000, { min: 1 }),
    maxRetryDelayMs: checkNumber("maxRetryDelayMs", settings.maxRetryDelayMs ?? 60_000, {}),
  };
  const retryNonIdempotent = settings.retryNonIdempotent ?? false;
  const redact = redactor(apiKey ?? undefined);
  const log = createLog(settings.logger, settings.logLevel ?? "silent", redact);
  const userFetch = settings.fetch;
  const apiOrigin = `${baseUrl.origin}/`;
  let limitedUntil = 0;

  // The key is added here, per request, only for the API's own origin; redirects
  // are followed by hand so that a hop to another origin never carries it.
  async function authorizedFetch(first: Request): Promise<Response> {
    let request = first;
    for (let hop = 0; ; hop++) {
      // Same origin ⇔ the URL starts with "<origin>/" (the slash stops "api.claid.ai.evil.test").
      if (apiKey && request.url.startsWith(apiOrigin)) {
        request.headers.set("Authorization", `Bearer ${apiKey}`);
      } else {
        request.headers.delete("Authorization");
      }
      // `request` stays referenced until the fetch settles (it is read below):
      // undici lets an unreferenced Request be collected, and with it the link to its signal.
      const response = await (userFetch ?? globalThis.fetch)(request);
      const location = response.headers.get("location");
      const followable =
        response.status === 303 || (request.method === "GET" && response.status >= 301 && response.status <= 308);
      if (!followable || !location || hop === MAX_REDIRECTS) return response;
      await response.body?.cancel();
      request = new Request(new URL(location, request.url), {
        headers: request.headers,
        signal: request.signal,
        redirect: "manual",
      });
      log?.("debug", `following a ${response.status} redirect to ${new URL(request.url).origin}`);
    }
  }

  // Redirects are followed by hand (above), so every request is made with redirect: "manual".
  const client = createClient<paths>({
    baseUrl: baseUrl.href.replace(/\/$/, ""),
    fetch: authorizedFetch,
    headers: settings.headers,
    redirect: "manual",
  });

  async function send(
    method: "GET" | "POST",
    path: string,
    call: (signal: AbortSignal, headers: Record<string, string> | undefined) => Promise<FetchResult>,
    options: RequestOptions | undefined,
  ): Promise<Sent> {
    const idempotent = method === "GET";
    const maxRetries = checkNumber("maxRetries", options?.maxRetries ?? defaults.maxRetries, { integer: true });
    const timeoutMs = checkNumber("timeoutMs", options?.timeoutMs ?? defaults.timeoutMs, { min: 1 });
    const signal = options?.signal;
    const label = `${method} ${path}`;

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      log?.("debug", `${label}: attempt ${attempt} of ${maxRetries + 1}`);
      const outcome = await attemptOnce(label, idempotent, timeoutMs, signal, (s) => call(s, options?.headers));
      if ("sent" in outcome) return outcome.sent;
      const { error, serverDelay } = outcome;
      error.attempts = attempt;
      if (!outcome.retryable || attempt > maxRetries || (serverDelay ?? 0) > defaults.maxRetryDelayMs) {
        if (outcome.outcomeUnknown && !outcome.retryable) {
          error.outcomeUnknown = true;
          error.message += UNKNOWN_OUTCOME;
        }
        log?.("debug", `${label}: giving up after ${attempt} attempt(s): ${error.message}`);
        throw error;
      }
      const delay = serverDelay ?? Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
      const why = serverDelay === undefined ? "backoff" : "as the server asked";
      log?.("debug", `${label}: ${error.message} Retrying in ${Math.round(delay)} ms (${why}).`);
      await sleep(delay, signal);
    }
  }

  type Outcome =
    | { sent: Sent }
    | { error: ClaidError; retryable: boolean; outcomeUnknown: boolean; serverDelay?: number | undefined };

  /** One HTTP attempt under its own timeout, classified for the retry loop. */
  async function attemptOnce(
    label: string,
    idempotent: boolean,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    call: (signal: AbortSignal) => Promise<FetchResult>,
  ): Promise<Outcome> {
    const linked = linkedSignal(signal, timeoutMs);
    let result: FetchResult;
    try {
      result = await raceAbort(call(linked.signal), linked.signal);
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      const error = linked.timedOut()
        ? new ClaidTimeoutError(`${label} timed out after ${timeoutMs} ms.`)
        : new ClaidConnectionError(redact(`${label} failed: ${messageOf(cause)}.`), {
            cause: redactCause(cause, redact),
          });
      return { error, retryable: idempotent || retryNonIdempotent, outcomeUnknown: !idempotent };
    } finally {
      linked.release();
    }
    const { response } = result;
    const limits = rateLimitOf(response.headers);
    if (limits?.remaining === 0 && limits.resetSeconds !== undefined) {
      limitedUntil = Math.max(limitedUntil, Date.now() + limits.resetSeconds * 1000);
    }
    log?.("debug", `${label}: ${response.status} (request id ${response.headers.get("x-request-id") ?? "none"})`);
    if (response.ok) {
      try {
        return { sent: { data: parseData(result.data, response), response } };
      } catch (invalid) {
        // Not retried: for a POST the batch was created, only its answer is unreadable.
        return { error: invalid as InvalidResponseError, retryable: false, outcomeUnknown: !idempotent };
      }
    }
    const serverDelay = serverDelayMs(response, Date.now());
    const { status } = response;
    return {
      error: toAPIError(response, result.error, redact, serverDelay),
      retryable: RETRY_STATUSES.has(status) && (idempotent || retryNonIdempotent || status === 429),
      outcomeUnknown: !idempotent && (status === 408 || status >= 500),
      serverDelay,
    };
  }

  return { client, log, send, rateLimitedUntil: () => limitedUntil };
}

function messageOf(cause: unknown): string {
  const error = cause as { message?: unknown; cause?: { message?: unknown } } | undefined;
  const inner = typeof error?.cause?.message === "string" ? ` (${error.cause.message})` : "";
  return `${typeof error?.message === "string" ? error.message : String(cause)}${inner}`;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function parseBaseUrl(value: unknown, refuseInsecure: boolean): URL {
  let url: URL;
  try {
    if (typeof value !== "string" || value === "") throw new TypeError();
    url = new URL(value, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    throw new InvalidArgumentError("baseUrl", `baseUrl must be an absolute URL, got ${JSON.stringify(value)}.`);
  }
  if (refuseInsecure && url.protocol === "http:" && !LOOPBACK.test(url.hostname)) {
    throw new InvalidArgumentError(
      "baseUrl",
      `baseUrl ${JSON.stringify(url.origin)} is plain http, which would send the API key unencrypted. Use https, a loopback host, or \`allowInsecureHttp: true\`.`,
    );
  }
  return url;
}

/** The `data` member of a 2xx body, after checking it is the documented envelope. */
function parseData(text: unknown, response: Response): unknown {
  if (typeof text !== "string" || text.trim() === "") {
    throw new InvalidResponseError(`${response.status}: the response had an empty body.`, response);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidResponseError(`${response.status}: the response body is not valid JSON.`, response);
  }
  const data = (body as { data?: unknown } | null)?.data as Record<string, unknown> | undefined;
  if (typeof data !== "object" || data === null || !Number.isInteger(data.id) || typeof data.status !== "string") {
    throw new InvalidResponseError(
      `${response.status}: the response body is not a batch task ({ data: { id, status, … } }).`,
      response,
    );
  }
  return data;
}
