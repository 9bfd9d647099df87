import createClient, { type Client } from "openapi-fetch";
import { ClaidConnectionError, InvalidArgumentError, InvalidResponseError } from "./errors.ts";
import type { paths } from "./generated/schema.ts";
import { type Redact, redactCause, redactor, toAPIError } from "./internal/errors.ts";
import { requireObject, toTaskId } from "./internal/validate.ts";
import type { BatchAccepted, BatchEditRequest, BatchResult, TaskId } from "./types.ts";

export const DEFAULT_BASE_URL = "https://api.claid.ai";

export interface ClaidOptions {
  /**
   * Your Claid API key, sent as `Authorization: Bearer <key>` to `baseUrl` only.
   * Pass `null` when requests go through your own proxy that adds the key.
   */
  apiKey: string | null;
  /** Defaults to `https://api.claid.ai`. A relative URL resolves against the page in browsers. */
  baseUrl?: string | undefined;
  /** A WHATWG-compatible fetch; defaults to `globalThis.fetch`, looked up at call time. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined;
}

/** Per-call settings; they override the client's for that call only. */
export interface RequestOptions {
  /** Aborts the call; it rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

export interface Batches {
  /** Submits a batch: `POST /v1/image/edit/batch`. Resolves with the accepted task. */
  create(body: BatchEditRequest, options?: RequestOptions): Promise<BatchAccepted>;
  /** Reads a batch's status and results: `GET /v1/image/edit/batch/{task_id}`. */
  retrieve(taskId: TaskId, options?: RequestOptions): Promise<BatchResult>;
}

export interface Claid {
  batches: Batches;
  /** The typed openapi-fetch client (with auth), for anything the helpers do not cover. */
  client: Client<paths>;
}

type FetchResult = { data?: unknown; error?: unknown; response: Response };

/** Creates a client. Throws `InvalidArgumentError` for a missing key or a bad `baseUrl`. */
export function createClaid(options: ClaidOptions): Claid {
  requireObject(options, "options");
  const { apiKey, headers } = options;
  if (apiKey !== null && (typeof apiKey !== "string" || apiKey.trim() === "")) {
    throw new InvalidArgumentError(
      "apiKey",
      "Missing API key: pass `apiKey` to createClaid() (or `apiKey: null` when a proxy adds it).",
    );
  }
  const baseUrl = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const redact = redactor(apiKey ?? undefined);
  const userFetch = options.fetch;

  // The key is added here, per request, and only for the API's own origin: a URL
  // taken from a response (result_url, tmp_url, a redirect target) never gets it.
  const authorizedFetch = (request: Request): Promise<Response> => {
    if (apiKey && new URL(request.url).origin === baseUrl.origin) {
      request.headers.set("Authorization", `Bearer ${apiKey}`);
    }
    return (userFetch ?? globalThis.fetch)(request);
  };

  const client = createClient<paths>({
    baseUrl: baseUrl.href.replace(/\/$/, ""),
    fetch: authorizedFetch,
    headers,
  });

  async function send(call: () => Promise<FetchResult>, signal: AbortSignal | undefined): Promise<unknown> {
    let result: FetchResult;
    try {
      result = await call();
    } catch (error) {
      throw transportError(error, signal, redact);
    }
    const { response } = result;
    if (!response.ok) throw toAPIError(response, result.error, redact);
    return parseData(result.data, response);
  }

  return {
    client,
    batches: {
      async create(body, callOptions) {
        requireObject(body, "body");
        const signal = callOptions?.signal;
        const data = await send(
          () => client.POST("/v1/image/edit/batch", { body, parseAs: "text", signal, headers: callOptions?.headers }),
          signal,
        );
        return data as BatchAccepted;
      },
      async retrieve(taskId, callOptions) {
        const task_id = toTaskId(taskId);
        const signal = callOptions?.signal;
        const data = await send(
          () =>
            client.GET("/v1/image/edit/batch/{task_id}", {
              params: { path: { task_id } },
              parseAs: "text",
              signal,
              headers: callOptions?.headers,
            }),
          signal,
        );
        return data as BatchResult;
      },
    },
  };
}

function parseBaseUrl(value: unknown): URL {
  try {
    if (typeof value !== "string" || value === "") throw new TypeError();
    return new URL(value, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    throw new InvalidArgumentError("baseUrl", `baseUrl must be an absolute URL, got ${JSON.stringify(value)}.`);
  }
}

function transportError(error: unknown, signal: AbortSignal | undefined, redact: Redact): unknown {
  if (signal?.aborted) return signal.reason;
  const reason = error instanceof Error ? error.message : String(error);
  return new ClaidConnectionError(redact(`Connection error: ${reason}`), { cause: redactCause(error, redact) });
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
