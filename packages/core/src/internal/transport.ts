/**
 * Everything between a batch method and the network: auth, redirects, per-attempt
 * timeouts, retries (as `retry.ts` decides), rate-limit bookkeeping, response parsing
 * (checked by the caller's check), error mapping, logging. One place, so every target
 * behaves the same; it knows nothing of the batch's shape.
 */
import createClient, { type Client } from "openapi-fetch";
import { CLAID_RATE_LIMIT, isClaidHost } from "../claid-api.ts";
import type { ClaidOptions } from "../client.ts";
import {
  ClaidConnectionError,
  ClaidError,
  ClaidTimeoutError,
  InvalidArgumentError,
  InvalidResponseError,
} from "../errors.ts";
import type { paths } from "../generated/schema.ts";
import { createRequestPacer, type RequestPacer } from "../pacer.ts";
import { type AttemptEvent, type ClaidTelemetry, emitTelemetry, reportEnd, type WaitEvent } from "../telemetry.ts";
import type { RequestOptions } from "../types.ts";
import { addHint, type Redact, redactCause, redactHeaders, redactor, redactParsed, toAPIError } from "./errors.ts";
import { messageOf, provesNotSent } from "./fetch-failure.ts";
import { pacerHeaders, rateLimitOf, serverDelayMs } from "./headers.ts";
import { createLog, type Log } from "./log.ts";
import { type AttemptOutcome, decideRetry } from "./retry.ts";
import { sleep, withDeadline } from "./signals.ts";
import { checkHeaders, checkNumber } from "./validate.ts";

/** The client's options once `env` and defaults for the key and base URL have been applied. */
export type ClientSettings = Omit<ClaidOptions, "env" | "apiKey" | "baseUrl"> & { apiKey: string | null; baseUrl: URL };

/**
 * What batch methods add to a call's options internally: the epoch ms of the caller's deadline (a wait's
 * maxWaitMs), and the wait the call belongs to (for telemetry).
 */
export type SendOptions = RequestOptions & { deadlineAt?: number; wait?: WaitEvent };

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

/** One logical call: what the batch method sends, and how its 2xx answer is checked. */
export interface Operation {
  method: "GET" | "POST";
  path: string;
  call: (init: AttemptInit) => Promise<FetchResult>;
  /** Why a 2xx answer's `data` is not usable, as a clause of the error message ("is not a batch: …"); undefined when it is. */
  check: (data: unknown) => string | undefined;
}

export interface Transport {
  client: Client<paths>;
  /** Undefined when silent. */
  log: Log | undefined;
  /** Sends one logical call with retries, each attempt paced; resolves with the response's checked `data` envelope member. */
  send(operation: Operation, options: SendOptions | undefined): Promise<Sent>;
  /** The client's pacer (a no-op one with `rateLimit: false`). */
  pacer: RequestPacer;
  /** Longest server-requested wait the client sleeps through, ms. */
  maxServerDelayMs: number;
  /** Removes the API key from a text, in every form a server may echo it. */
  redact: Redact;
  telemetry: ClaidTelemetry | undefined;
}

/** Redirects followed for a GET; a POST's are never followed (see `authorizedFetch`). */
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 5;
/** What a create whose outcome is unknown advises, by why it is unknown. */
function unknownOutcomeHint(outcome: AttemptOutcome, earlierOutcomeUnknown: boolean): string {
  if (earlierOutcomeUnknown) {
    return "An earlier attempt may have created the batch (it was retried, as `retryNonIdempotent` allows): check before submitting again.";
  }
  if ("status" in outcome && outcome.status >= 300 && outcome.status < 400) {
    return "The batch may or may not have been created. A create's redirect is never followed (that could submit the batch twice): check before submitting again.";
  }
  if ("failure" in outcome && (outcome.failure === "cut-off" || outcome.failure === "invalid-response")) {
    return "The API answered 2xx, so the batch was most likely created, but its answer could not be used. It was not retried, so not submitted twice: check before submitting again.";
  }
  return "The batch may or may not have been created. It was not retried, so not submitted twice: check before submitting again, or set `retryNonIdempotent: true`.";
}

const unpaced: RequestPacer = { acquire: async () => () => {}, delayMs: () => 0 };

export function createTransport(settings: ClientSettings): Transport {
  const { apiKey, baseUrl } = settings;
  const maxRetries = checkNumber("maxRetries", settings.maxRetries ?? 2, 0, "integer");
  const timeoutMs = checkNumber("timeoutMs", settings.timeoutMs ?? 60_000, 1);
  const maxServerDelayMs = checkNumber("maxServerDelayMs", settings.maxServerDelayMs ?? 60_000, 0, "finite");
  const maxResponseBytes = checkNumber("maxResponseBytes", settings.maxResponseBytes ?? 32 * 2 ** 20, 1);
  const retryNonIdempotent = !!settings.retryNonIdempotent;
  const { telemetry } = settings;
  const redact = redactor(apiKey);
  const log = createLog(settings.logger, settings.logLevel, redact);
  const apiOrigin = `${baseUrl.origin}/`;
  const { rateLimit } = settings;
  const pacer =
    settings.pacer ??
    (rateLimit === false
      ? unpaced
      : createRequestPacer({
          policy: rateLimit ?? (isClaidHost(baseUrl.hostname) ? CLAID_RATE_LIMIT : undefined),
          maxConcurrentRequests: settings.maxConcurrentRequests,
        }));
  /** What an error keeps of a response: its status, and its headers without the key. */
  const seen = (response: Response) => ({ status: response.status, headers: redactHeaders(response.headers, redact) });

  /**
   * A response body as text, at most `maxResponseBytes` of it: a longer one is refused, or cut
   * short with `truncate`. `signal` (the attempt's) cancels the read, so a stalled body is let go.
   */
  async function readBody(
    response: Response,
    body: ReadableStream<Uint8Array> | null | undefined,
    truncate: boolean,
    signal: AbortSignal | undefined,
  ) {
    // One decoder per body: it keeps a character split across chunks until the next one.
    const decoder = new TextDecoder();
    let text = "";
    let size = 0;
    const reader = body?.getReader();
    const cancel = () => void reader?.cancel(signal?.reason).catch(() => {});
    signal?.addEventListener("abort", cancel);
    try {
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
        text += decoder.decode(part.value, { stream: true });
      }
    } finally {
      signal?.removeEventListener("abort", cancel);
    }
    return text + decoder.decode();
  }

  // The key is added here, per request, only for the API's own origin; a GET's redirects
  // are followed by hand so that a hop to another origin carries neither the key
  // nor any header the caller configured (proxy users put their secrets there).
  // A POST's redirect is never followed: the server has answered the create (a 303 may
  // point at a batch it made), and a GET or a second POST after it could only guess, or
  // bill twice. The caller gets the 3xx, and reports the create's outcome as unknown.
  // The attempt's signal goes to fetch() with the request rather than into it:
  // a Request built with a signal costs undici a second signal link per call.
  async function authorizedFetch(first: Request, signal?: AbortSignal): Promise<Response> {
    let request = first;
    for (let hop = 0; ; hop++) {
      // Same origin ⇔ the URL starts with "<origin>/" (the slash stops "api.claid.ai.evil.test").
      if (apiKey && request.url.startsWith(apiOrigin)) request.headers.set("Authorization", `Bearer ${apiKey}`);
      const response = await (settings.fetch ?? fetch)(request, signal && { signal });
      const { status } = response;
      const followable = request.method === "GET" && REDIRECT_STATUSES.includes(status) && hop < MAX_REDIRECTS;
      const location = followable && response.headers.get("location");
      if (!location) {
        if (response.ok) return response;
        // Error bodies are parsed by openapi-fetch: hand it a copy cut to the size cap (a 304 has no body).
        const text = status === 304 ? null : await readBody(response, response.body, true, signal);
        return new Response(text, response);
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

  async function send({ method, path, call, check }: Operation, options: SendOptions = {}): Promise<Sent> {
    const idempotent = method === "GET";
    const retries =
      options.maxRetries === undefined ? maxRetries : checkNumber("maxRetries", options.maxRetries, 0, "integer");
    const attemptMs = options.timeoutMs === undefined ? timeoutMs : checkNumber("timeoutMs", options.timeoutMs, 1);
    const headers = checkHeaders("headers", options.headers);
    const { signal } = options;
    const label = `${method} ${path}`;
    let earlierOutcomeUnknown = false;

    for (let attempt = 1; ; attempt++) {
      // Every attempt waits for a rate-limit slot: requests queue instead of meeting 429s.
      if (log && pacer.delayMs() > 0) log(`${label}: waiting about ${pacer.delayMs()} ms for a rate-limit slot`);
      // Telemetry (when on for this attempt) sees the time queued for the slot.
      const queuedAt = telemetry && telemetry.enabled?.() !== false && Date.now();
      const release = guardedRelease(
        await pacer
          .acquire({
            kind: idempotent ? "poll" : "create",
            signal,
            deadlineAt: options.deadlineAt,
          })
          .catch((cause: unknown) => {
            if (signal?.aborted && cause === signal.reason) throw cause;
            // A custom pacer (an RPC to a Durable Object, a Redis client) may fail with anything: a ClaidError it is.
            const error =
              cause instanceof ClaidError
                ? cause
                : new ClaidError(
                    redact(`${label}: the rate-limit pacer failed (${messageOf(cause)}); this attempt was not sent.`),
                    {
                      cause,
                    },
                  );
            // No slot for this attempt, but an earlier one may have created the batch: never "nothing was sent".
            if (earlierOutcomeUnknown) {
              error.outcomeUnknown = true;
              addHint(error, unknownOutcomeHint({ failure: "not-sent" }, true));
            }
            throw error;
          }),
        log,
      );
      const event: AttemptEvent | undefined = queuedAt
        ? {
            method,
            urlTemplate: path,
            url: "",
            attempt,
            wait: options.wait,
          }
        : undefined;
      if (event) emitTelemetry(telemetry, "pacerWait", { ...event, waitedMs: Date.now() - (queuedAt as number) });
      log?.(`${label}: attempt ${attempt} of ${retries + 1}`);
      const attempted = attemptOnce(label, call, check, { signal, attemptMs, headers, release, event });
      const result = await (event ? reportEnd(telemetry as ClaidTelemetry, "attemptEnd", event, attempted) : attempted);
      if ("sent" in result) return result.sent;
      const { error, outcome, serverDelay } = result;
      error.attempts = attempt;
      const decision = decideRetry({
        outcome,
        idempotent,
        retryNonIdempotent,
        attempt,
        maxRetries: retries,
        earlierOutcomeUnknown,
        serverDelayMs: serverDelay,
        maxServerDelayMs,
        random: Math.random,
      });
      if (!decision.retry) {
        if (decision.outcomeUnknown) {
          error.outcomeUnknown = true;
          addHint(error, unknownOutcomeHint(outcome, earlierOutcomeUnknown));
        }
        throw error;
      }
      earlierOutcomeUnknown = decision.outcomeUnknown;
      log?.(
        `${label}: ${error.message} Retrying in ${Math.round(decision.delayMs)} ms (${decision.reason === "backoff" ? "backoff" : "as the server asked"}).`,
      );
      await sleep(decision.delayMs, signal);
    }
  }

  /** The answer's checked data, or the error and what happened (for the retry decision). */
  type AttemptResult =
    | { sent: Sent }
    | { error: ClaidError; outcome: AttemptOutcome; serverDelay?: number | undefined };

  /**
   * One attempt, within its `timeoutMs` from sending to the last byte of the body. Throws only
   * what ends the call whatever the retry policy: the caller's abort, or a request that could not be built.
   */
  async function attemptOnce(
    label: string,
    call: Operation["call"],
    check: Operation["check"],
    attempt: {
      signal: AbortSignal | undefined;
      attemptMs: number;
      headers: Record<string, string> | undefined;
      release: (headers: Headers | undefined) => void;
      /** Telemetry's view of this attempt: started once the request is built, ended once it settles. */
      event: AttemptEvent | undefined;
    },
  ): Promise<AttemptResult> {
    const { signal, attemptMs, headers, release, event } = attempt;
    let reached = false;
    /** The 2xx answer, once its headers are in: a failure after that is a cut-off body. */
    let answered: Response | undefined;
    try {
      return await withDeadline(
        signal,
        attemptMs,
        async (attemptSignal): Promise<AttemptResult> => {
          const {
            data,
            error: body,
            response,
          } = await call({
            fetch: (request) => {
              reached = true;
              if (event) {
                event.url = request.url.replace(/[?#].*/s, "");
                const added = emitTelemetry(telemetry, "attemptStart", event);
                // A header the hook got wrong (a bad name or value) is left out: telemetry never fails a call.
                for (const name in added)
                  try {
                    request.headers.set(name, added[name] as string);
                  } catch {}
              }
              return authorizedFetch(request, attemptSignal);
            },
            parseAs: "stream",
            ...(headers && { headers }),
          });
          release(pacerHeaders(response.headers, maxServerDelayMs));
          if (event) {
            event.status = response.status;
            event.rateLimit = rateLimitOf(response.headers);
          }
          if (!response.ok) {
            const serverDelay = serverDelayMs(response, Date.now());
            const error = toAPIError(response, body, redact, serverDelay);
            const location = response.status < 400 && response.headers.get("location");
            if (location) error.message += redact(` It redirects to ${location}, which was not followed.`);
            return {
              error,
              outcome: { status: response.status },
              serverDelay,
            };
          }
          answered = response;
          const text = await readBody(response, data as ReadableStream | undefined, false, attemptSignal);
          return { sent: { data: redactParsed(parseData(text, seen(response), check), text, redact), response } };
        },
        () =>
          new ClaidTimeoutError(
            answered
              ? `${label}: the ${answered.status} answer's body did not arrive within ${attemptMs} ms.`
              : `${label} timed out after ${attemptMs} ms.`,
          ),
      );
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
      if (cause instanceof InvalidResponseError) return { error: cause, outcome: { failure: "invalid-response" } };
      if (cause instanceof ClaidTimeoutError)
        return { error: cause, outcome: { failure: answered ? "cut-off" : "timeout" } };
      const notSent = !answered && provesNotSent(cause);
      const what = answered
        ? `the ${answered.status} answer's body broke off`
        : notSent
          ? "failed before anything reached the server"
          : "failed";
      const error = new ClaidConnectionError(
        redact(`${label} ${what}: ${messageOf(cause)}.${notSent ? " Nothing was sent." : ""}`),
        {
          cause: redactCause(cause, redact),
        },
      );
      return { error, outcome: { failure: answered ? "cut-off" : notSent ? "not-sent" : "connection" } };
    }
  }

  return { client, log, send, pacer, maxServerDelayMs, redact, telemetry };
}

/** `release`, callable any number of times, calling through once. */
/**
 * The pacer's release, called at most once and never able to fail the call: a custom pacer's report
 * (an RPC) may throw or reject after the request was answered — for a create, after the batch exists.
 */
function guardedRelease(release: unknown, log: Log | undefined): (headers: Headers | undefined) => void {
  let open = true;
  const failed = (error: unknown) => log?.(`the rate-limit pacer's release failed: ${messageOf(error)}`);
  return (headers) => {
    if (!open || typeof release !== "function") return;
    open = false;
    try {
      (release(headers) as Promise<unknown> | undefined)?.then?.(undefined, failed);
    } catch (error) {
      failed(error);
    }
  };
}

/** The `data` member of a 2xx body, after checking it is the documented envelope and passes the caller's check. */
function parseData(
  text: string,
  response: { status: number; headers: Headers },
  check: (data: unknown) => string | undefined,
): unknown {
  let problem = "had an empty body";
  if (/\S/.test(text)) {
    problem = "is not valid JSON";
    try {
      const data = JSON.parse(text)?.data;
      problem = check(data) ?? "";
      if (!problem) return data;
    } catch {}
  }
  throw new InvalidResponseError(`${response.status}: the response ${problem}.`, response);
}
