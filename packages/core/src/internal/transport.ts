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
import { redactCause, redactor, toAPIError } from "./errors.ts";
import { rateLimitOf, serverDelayMs } from "./headers.ts";
import { createLog, type Log } from "./log.ts";
import { sleep, withDeadline } from "./signals.ts";
import { checkNumber, describe } from "./validate.ts";

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

/** What a batch method passes on to the openapi-fetch call of one attempt. */
export interface AttemptInit {
  fetch: (request: Request) => Promise<Response>;
  headers: Record<string, string> | undefined;
}

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
    call: (init: AttemptInit) => Promise<FetchResult>,
    options: RequestOptions | undefined,
  ): Promise<Sent>;
  /** Epoch ms before which the rate-limit window is known to be used up (0 if not). */
  rateLimitedUntil(): number;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const UNKNOWN_OUTCOME =
  " The batch may or may not have been created. It was not retried, so not submitted twice: check before submitting again, or set `retryNonIdempotent: true`.";

export function createTransport(settings: ClientSettings): Transport {
  const { apiKey } = settings;
  if (apiKey !== null && !(typeof apiKey === "string" && apiKey.trim())) {
    throw new InvalidArgumentError(
      "apiKey",
      "Missing API key: pass `apiKey` to createClaid() or set CLAID_API_KEY (`apiKey: null` when a proxy adds the key).",
    );
  }
  const baseUrl = parseBaseUrl(settings.baseUrl ?? DEFAULT_BASE_URL, apiKey !== null && !settings.allowInsecureHttp);
  const maxRetries = checkNumber("maxRetries", settings.maxRetries ?? 2, 0, true);
  const timeoutMs = checkNumber("timeoutMs", settings.timeoutMs ?? 60_000, 1);
  const maxRetryDelayMs = checkNumber("maxRetryDelayMs", settings.maxRetryDelayMs ?? 60_000);
  const redact = redactor(apiKey);
  const log = createLog(settings.logger, settings.logLevel, redact);
  const apiOrigin = `${baseUrl.origin}/`;
  let limitedUntil = 0;

  // The key is added here, per request, only for the API's own origin; redirects
  // are followed by hand so that a hop to another origin never carries it.
  // The attempt's signal goes to fetch() with the request rather than into it:
  // a Request built with a signal costs undici a second signal link per call.
  async function authorizedFetch(first: Request, signal?: AbortSignal): Promise<Response> {
    let request = first;
    for (let hop = 0; ; hop++) {
      // Same origin ⇔ the URL starts with "<origin>/" (the slash stops "api.claid.ai.evil.test").
      if (apiKey && request.url.startsWith(apiOrigin)) request.headers.set("Authorization", `Bearer ${apiKey}`);
      else request.headers.delete("Authorization");
      const response = await (settings.fetch ?? fetch)(request, signal && { signal });
      const { status } = response;
      const followable = status === 303 || (request.method === "GET" && status > 300 && status < 309);
      const location = followable && hop < 5 && response.headers.get("location");
      if (!location) return response;
      await response.body?.cancel();
      request = new Request(new URL(location, request.url), {
        headers: request.headers,
        signal: request.signal,
        redirect: "manual",
      });
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
    call: (init: AttemptInit) => Promise<FetchResult>,
    options: RequestOptions = {},
  ): Promise<Sent> {
    const idempotent = method === "GET";
    const retries =
      options.maxRetries === undefined ? maxRetries : checkNumber("maxRetries", options.maxRetries, 0, true);
    const attemptMs = options.timeoutMs === undefined ? timeoutMs : checkNumber("timeoutMs", options.timeoutMs, 1);
    const { signal } = options;
    const label = `${method} ${path}`;

    for (let attempt = 1; ; attempt++) {
      // A window known to be used up: hold the request until it resets instead of spending it on a 429
      // (again if, meanwhile, other requests used up the next window).
      for (let heldMs = limitedUntil - Date.now(); heldMs > 0 && heldMs <= maxRetryDelayMs; ) {
        log?.(`${label}: rate limit used up, waiting ${heldMs} ms for the reset`);
        await sleep(heldMs, signal);
        heldMs = limitedUntil - Date.now();
      }
      log?.(`${label}: attempt ${attempt} of ${retries + 1}`);
      let error: ClaidError;
      let retryable = idempotent || !!settings.retryNonIdempotent;
      let outcomeUnknown = !idempotent;
      let serverDelay: number | undefined;
      try {
        const {
          data,
          error: body,
          response,
        } = await withDeadline(
          signal,
          attemptMs,
          (attemptSignal) =>
            call({ fetch: (request) => authorizedFetch(request, attemptSignal), headers: options.headers }),
          () => new ClaidTimeoutError(`${label} timed out after ${attemptMs} ms.`),
        );
        const limits = response.headers.get("ratelimit-remaining") === "0" && rateLimitOf(response.headers);
        if (limits && limits.resetSeconds !== undefined) {
          limitedUntil = Math.max(limitedUntil, Date.now() + limits.resetSeconds * 1000);
        }
        if (response.ok) return { data: parseData(data, response), response };
        const { status } = response;
        serverDelay = serverDelayMs(response, Date.now());
        error = toAPIError(response, body, redact, serverDelay);
        retryable &&= RETRY_STATUSES.includes(status);
        retryable ||= status === 429;
        outcomeUnknown &&= status === 408 || status >= 500;
      } catch (cause) {
        if (signal?.aborted) throw signal.reason;
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
          error.message += UNKNOWN_OUTCOME;
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

  return { client, log, send, rateLimitedUntil: () => limitedUntil };
}

/** A fetch failure's message, with its cause's (undici says only "fetch failed"). */
function messageOf(cause: unknown): string {
  const error = cause as { message?: unknown; cause?: { message?: unknown } } | undefined;
  const inner = error?.cause?.message;
  return `${error?.message ?? cause}${typeof inner === "string" ? ` (${inner})` : ""}`;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function parseBaseUrl(value: unknown, refuseInsecure: boolean): URL {
  let url: URL | undefined;
  try {
    if (value && typeof value === "string")
      url = new URL(value, (globalThis as { location?: { href: string } }).location?.href);
  } catch {}
  if (!url) throw new InvalidArgumentError("baseUrl", `baseUrl must be an absolute URL, got ${describe(value)}.`);
  if (refuseInsecure && url.protocol === "http:" && !LOOPBACK.test(url.hostname)) {
    throw new InvalidArgumentError(
      "baseUrl",
      `baseUrl ${url.origin} is plain http, which would send the API key unencrypted: use https, a loopback host, or \`allowInsecureHttp: true\`.`,
    );
  }
  return url;
}

/** The `data` member of a 2xx body, after checking it is the documented envelope. */
function parseData(text: unknown, response: Response): unknown {
  let problem = "had an empty body";
  if (typeof text === "string" && /\S/.test(text)) {
    problem = "is not valid JSON";
    try {
      const data = JSON.parse(text)?.data;
      problem = "is not a batch task ({ data: { id, status, … } })";
      if (Number.isInteger(data?.id) && typeof data.status === "string") return data;
    } catch {}
  }
  throw new InvalidResponseError(`${response.status}: the response ${problem}.`, response);
}
