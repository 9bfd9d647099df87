import {
  type BatchEditRequest,
  type BatchResult,
  type BatchResultItem,
  type BatchStatus,
  DEFAULT_BASE_URL,
  type HttpErrorDetails,
  parseTaskId,
} from "@claid/core";
import {
  CREATE_BATCH,
  GET_BATCH,
  problemsOf,
  requestSchemaPointer,
  type SpecOperation,
  validationDetails,
  validatorFor,
} from "@claid/core/spec";
import { delay, type HttpHandler, HttpResponse, http } from "msw";
import { type ClaidHandlersOptions, DEFAULT_MAX_BODY_BYTES } from "./options.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { buildResults, resultFile } from "./results.ts";
import { ClaidMockStore, type MockFault, type MockRequest } from "./store.ts";

const ERROR_BODIES: Record<number, Omit<HttpErrorDetails, "error_details">> = {
  400: { error_code: "100", error_type: "general", error_message: "Bad request." },
  401: { error_code: "111", error_type: "auth", error_message: "Authorization is required." },
  402: { error_code: "120", error_type: "billing", error_message: "No API calls left." },
  403: { error_code: "112", error_type: "auth", error_message: "Not enough permissions." },
  404: { error_code: "130", error_type: "general", error_message: "Batch image edit pipeline not found." },
  409: { error_code: "140", error_type: "general", error_message: "The request conflicts with the resource's state." },
  413: { error_code: "413", error_type: "general", error_message: "Request body too large." },
  422: { error_code: "150", error_type: "validation", error_message: "Unprocessable Entity." },
  429: { error_code: "160", error_type: "general", error_message: "Too many requests." },
  500: { error_code: "500", error_type: "general", error_message: "Internal server error." },
  502: { error_code: "502", error_type: "general", error_message: "Bad gateway." },
  503: { error_code: "503", error_type: "general", error_message: "Service unavailable." },
  504: { error_code: "504", error_type: "general", error_message: "Gateway timeout." },
};

/** MSW request handlers for both Batch API operations, built from the spec. */
export function createClaidHandlers(options: ClaidHandlersOptions = {}): HttpHandler[] {
  const store = options.store ?? new ClaidMockStore();
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/$/, "");
  // Not `?? Date.now`: a clock kept from before `vi.useFakeTimers()` would stay real while the client's goes fake.
  const now = options.now ?? (() => Date.now());
  const pollsToComplete = Math.max(1, options.pollsToComplete ?? 2);
  const defaultStatuses: BatchStatus[] = options.lifecycle?.length
    ? options.lifecycle
    : [...Array<BatchStatus>(pollsToComplete - 1).fill("PROCESSING"), "DONE"];
  const rateLimit = options.rateLimit ?? "1000;w=60";
  const admit = rateLimit === false ? undefined : createRateLimiter(rateLimit, now);
  /** Each API request's `RateLimit-*` headers, fixed when it arrived. */
  const rateLimitHeaders = new WeakMap<MockRequest, Record<string, string>>();

  const errorBody = (status: number, message?: string, details: Record<string, unknown> = {}): HttpErrorDetails => {
    const base = ERROR_BODIES[status] ?? { error_code: String(status), error_type: "general", error_message: "Error." };
    return { ...base, error_message: message ?? base.error_message, error_details: details };
  };

  function respond(entry: MockRequest, status: number, body: BodyInit | null, headers: Record<string, string>) {
    entry.status = status;
    return new HttpResponse(body, {
      status,
      headers: { "x-request-id": store.nextRequestId(), ...rateLimitHeaders.get(entry), ...headers },
    });
  }
  const json = (entry: MockRequest, status: number, body: unknown, headers: Record<string, string> = {}) =>
    respond(entry, status, JSON.stringify(body), { "Content-Type": "application/json", ...headers });

  async function faultResponse(entry: MockRequest, fault: MockFault) {
    switch (fault.type) {
      case "network-error":
        return HttpResponse.error();
      case "latency":
        await delay(fault.ms);
        return undefined;
      case "truncated-json":
        return respond(entry, 200, '{"data": {"id": 1, "status": "ACC', {
          "Content-Type": "application/json",
        });
      case "empty-body":
        return respond(entry, 200, null, { "Content-Type": "application/json" });
      case "invalid-shape":
        return json(entry, 200, { data: { task: "unexpected" } });
      case "status": {
        // Default 429 asks for a 1 s pause; explicit headers replace that (and override RateLimit-*).
        const extra = fault.headers ?? (fault.status === 429 ? { "Retry-After": "1" } : {});
        if (fault.body === "html") {
          const page = `<html><head><title>${fault.status} Bad Gateway</title></head><body><h1>${fault.status}</h1></body></html>`;
          return respond(entry, fault.status, page, { "Content-Type": "text/html", ...extra });
        }
        if (fault.body === "empty") return respond(entry, fault.status, null, extra);
        return json(entry, fault.status, errorBody(fault.status), extra);
      }
    }
  }

  /** Common steps of every operation: log, latency, scenarios, auth, rate limit. */
  async function guard(request: Request, entry: MockRequest): Promise<Response | undefined> {
    const token = bearerToken(request);
    // Counted per key on arrival, so concurrent requests cannot all slip in.
    const decision = admit?.(token ?? "");
    if (decision) rateLimitHeaders.set(entry, decision.headers);
    if (options.latencyMs) await delay(options.latencyMs);
    const fault = store.takeFault(entry.operation);
    if (fault) {
      const answered = await faultResponse(entry, fault);
      if (answered) return answered;
    }
    if (!token) return json(entry, 401, errorBody(401));
    if (options.apiKey !== undefined && token !== options.apiKey) {
      return json(entry, 401, errorBody(401, "Invalid API key."));
    }
    // Claid's 429: no Retry-After (RateLimit-Reset says when), the error body wrapped in `detail`.
    if (decision?.limited) return json(entry, 429, { detail: errorBody(429) });
    return undefined;
  }

  const createSchema = requestSchemaPointer(CREATE_BATCH);
  const validateCreate = validatorFor(createSchema);
  const maxBodyBytes = nonNegative("maxBodyBytes", options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (options.taskDurationMs !== undefined) nonNegative("taskDurationMs", options.taskDurationMs);

  const createHandler = http[method(CREATE_BATCH)](url(baseUrl, CREATE_BATCH), async ({ request }) => {
    const entry = store.logRequest("create", request, now());
    const early = await guard(request, entry);
    if (early) return early;
    const text = await readCapped(request, maxBodyBytes);
    if (text === undefined) {
      return json(entry, 413, errorBody(413, `The request body is larger than ${maxBodyBytes} bytes.`));
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return json(entry, 400, errorBody(400, "The request body is not valid JSON."));
    }
    if (!validateCreate(body)) {
      const details = validationDetails(problemsOf(createSchema, body));
      const message = Object.entries(details)
        .map(([field, messages]) => `${field} ${messages.join("; ")}.`)
        .join(" ");
      return json(entry, 422, errorBody(422, message, details));
    }
    const batch = body as BatchEditRequest;
    const id = store.allocateTaskId();
    const result: BatchResult = {
      id,
      status: "ACCEPTED",
      result_url: new URL(url(baseUrl, GET_BATCH).replace(":task_id", String(id)), request.url).href,
      created_at: new Date(now()).toISOString(),
      request: batch,
      errors: [],
      results: [],
    };
    const { statuses, afterMs } = store.takeTaskPlan(defaultStatuses);
    const runsFor = afterMs ?? options.taskDurationMs;
    const readyAt = runsFor === undefined ? undefined : now() + runsFor;
    store.keepTask(bearerToken(request) ?? "", { result, statuses, polls: 0, readyAt });
    const { errors: _e, results: _r, ...accepted } = result;
    return json(entry, 200, { data: accepted });
  });

  const getHandler = http[method(GET_BATCH)](url(baseUrl, GET_BATCH), async ({ request, params }) => {
    const entry = store.logRequest("retrieve", request, now());
    const early = await guard(request, entry);
    if (early) return early;
    let taskId: number;
    try {
      taskId = parseTaskId(String(params.task_id));
    } catch {
      const details = { "path.task_id": ["Input should be a valid integer."] };
      return json(entry, 422, errorBody(422, "path.task_id Input should be a valid integer.", details));
    }
    const task = store.tasks.get(taskId);
    if (!task) return json(entry, 404, errorBody(404));
    task.polls += 1;
    const final = task.statuses.at(-1) ?? "DONE";
    const status = options.finishOnFirstPoll
      ? final
      : task.readyAt === undefined
        ? (task.statuses[Math.min(task.polls, task.statuses.length) - 1] ?? final)
        : now() >= task.readyAt
          ? final
          : "PROCESSING";
    const storage = options.storageBaseUrl ?? `${new URL(request.url).origin}/mock-storage`;
    return json(entry, 200, { data: snapshot(task.result, status, storage) });
  });

  // Temporary result files: like Claid's pre-signed URLs, they need no key.
  const downloadHandler = http.get("*/mock-storage/:taskId/:file", async ({ request, params }) => {
    const entry = store.logRequest("download", request, now());
    if (options.latencyMs) await delay(options.latencyMs);
    const fault = store.takeFault("download");
    if (fault) {
      const answered = await faultResponse(entry, fault);
      if (answered) return answered;
    }
    const task = store.tasks.get(Number(params.taskId));
    const { origin, pathname } = new URL(request.url);
    const results = task ? resultsOf(task.result, options.storageBaseUrl ?? `${origin}/mock-storage`) : [];
    const file = resultFile(results, pathname);
    entry.status = 200;
    return new HttpResponse(file.bytes, { headers: file.headers });
  });

  /**
   * A task's results, built once per base URL of its files: every download looks its file up in them, and
   * building them per download made a batch of n files n² work (the mock, not the client, set the pace).
   */
  const builtResults = new WeakMap<BatchResult, Map<string, BatchResultItem[]>>();
  function resultsOf(result: BatchResult, tmpBaseUrl: string) {
    let byBaseUrl = builtResults.get(result);
    if (!byBaseUrl) {
      byBaseUrl = new Map();
      builtResults.set(result, byBaseUrl);
    }
    let results = byBaseUrl.get(tmpBaseUrl);
    if (!results) {
      const folderImageCount = options.folderImageCount ?? 2;
      results = buildResults(result.request as BatchEditRequest, { taskId: result.id, folderImageCount, tmpBaseUrl });
      byBaseUrl.set(tmpBaseUrl, results);
    }
    return results;
  }

  function snapshot(result: BatchResult, status: BatchStatus, tmpBaseUrl: string): BatchResult {
    const base = { ...result, status, errors: [], results: [] };
    if (status === "DONE") return { ...base, results: resultsOf(result, tmpBaseUrl) };
    if (status === "ERROR") {
      return {
        ...base,
        errors: [
          {
            error: "Image processing failed: the input could not be decoded.",
            created_at: new Date(now()).toISOString(),
          },
        ],
      };
    }
    return base;
  }

  return [createHandler, getHandler, downloadHandler];
}

/** The API key a request carries, if well-formed. */
function bearerToken(request: Request): string | undefined {
  return /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
}

function method(op: SpecOperation): "get" | "post" {
  if (op.method !== "get" && op.method !== "post") throw new Error(`Unsupported method ${op.method}`);
  return op.method;
}

/** The spec path as an MSW route: `{task_id}` → `:task_id`. */
function url(baseUrl: string, op: SpecOperation): string {
  return `${baseUrl}${op.path.replace(/\{(\w+)\}/g, ":$1")}`;
}

function nonNegative(name: string, value: number): number {
  if (!(typeof value === "number" && value >= 0)) throw new RangeError(`${name} must be a number ≥ 0, got ${value}.`);
  return value;
}

/** The body as text, or undefined once it is known to exceed `limit` bytes (it is not read further). */
async function readCapped(request: Request, limit: number): Promise<string | undefined> {
  if (Number(request.headers.get("content-length")) > limit) return undefined;
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a cancel can wait on the sender (MSW's interceptor stream never settles it).
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}
