import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ClaidAPIError,
  ClaidConnectionError,
  ClaidError,
  ClaidTimeoutError,
  ConflictError,
  createClaid,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from "../src/index.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";

const KEY = "sk-test-5ecret-key-0123456789";
const body = { input: "storage://s/in/", operations: {} };

describe("requests", () => {
  it("POSTs the body as JSON with the bearer key and returns `data`", async () => {
    const stub = stubFetch(jsonResponse(200, ACCEPTED));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, headers: { "X-Extra": "1" } });
    const accepted = await claid.batches.create(body);
    expect(accepted).toEqual(ACCEPTED.data);
    const [request] = stub.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("https://api.claid.ai/v1/image/edit/batch");
    expect(request?.headers.get("authorization")).toBe(`Bearer ${KEY}`);
    expect(request?.headers.get("content-type")).toBe("application/json");
    expect(request?.headers.get("x-extra")).toBe("1");
    expect(await request?.json()).toEqual(body);
  });

  it.each([
    [7, "7"],
    ["42", "42"],
    [0, "0"],
    [Number.MAX_SAFE_INTEGER, String(Number.MAX_SAFE_INTEGER)],
  ])("retrieve(%j) GETs /v1/image/edit/batch/%s", async (taskId, path) => {
    const stub = stubFetch(jsonResponse(200, { data: { ...ACCEPTED.data, status: "DONE" } }));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch });
    await claid.batches.retrieve(taskId);
    expect(stub.requests[0]?.url).toBe(`https://api.claid.ai/v1/image/edit/batch/${path}`);
    expect(stub.requests[0]?.method).toBe("GET");
  });

  it("honours a baseUrl with a path prefix", async () => {
    const stub = stubFetch(jsonResponse(200, ACCEPTED));
    const claid = createClaid({ apiKey: KEY, baseUrl: "http://127.0.0.1:9999/proxy/", fetch: stub.fetch });
    await claid.batches.create(body);
    expect(stub.requests[0]?.url).toBe("http://127.0.0.1:9999/proxy/v1/image/edit/batch");
  });

  it("sends no Authorization header in proxy mode (apiKey: null)", async () => {
    const stub = stubFetch(jsonResponse(200, ACCEPTED));
    const claid = createClaid({ apiKey: null, baseUrl: "https://example.test/api/claid", fetch: stub.fetch });
    await claid.batches.create(body);
    expect(stub.requests[0]?.headers.has("authorization")).toBe(false);
  });

  it("never sends the key to another origin through the raw client", async () => {
    const stub = stubFetch(jsonResponse(200, ACCEPTED), jsonResponse(200, ACCEPTED));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch });
    await claid.client.GET("/v1/image/edit/batch/{task_id}", { params: { path: { task_id: 1 } } });
    await claid.client.GET("/v1/image/edit/batch/{task_id}", {
      params: { path: { task_id: 1 } },
      baseUrl: "https://downloads.example.test",
    });
    expect(stub.requests[0]?.headers.get("authorization")).toBe(`Bearer ${KEY}`);
    expect(stub.requests[1]?.headers.has("authorization")).toBe(false);
  });
});

describe("bad input is rejected before any request", () => {
  it.each([["four per second"], ["120"], [[{ quota: 0, windowSeconds: 1 }]], [true]])(
    "rateLimit %j → InvalidArgumentError naming rateLimit (the client's option, not the pacer's policy)",
    (rateLimit) => {
      const create = () => createClaid({ apiKey: KEY, rateLimit } as never);
      expect(create).toThrow(InvalidArgumentError);
      expect(create).toThrow(
        expect.objectContaining({ argument: "rateLimit", message: expect.stringMatching(/^rateLimit /) }),
      );
    },
  );

  it.each([
    1.5,
    "+1",
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "",
    " 1",
    "1/../x",
    "1?x",
    "%2e%2e",
    "12a",
    "9007199254740993",
    null,
    undefined,
    {},
  ])("taskId %j", async (taskId) => {
    const stub = stubFetch();
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch });
    const error = await claid.batches.retrieve(taskId as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe("taskId");
    const shown = typeof taskId === "string" ? JSON.stringify(taskId) : String(taskId);
    expect((error as Error).message).toContain(typeof taskId === "object" && taskId ? "an object" : shown);
    expect(stub.requests).toHaveLength(0);
  });

  it.each([null, "x", [], 3])("create body %j", async (value) => {
    const stub = stubFetch();
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch });
    const error = await claid.batches.create(value as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe("body");
    expect(stub.requests).toHaveLength(0);
  });

  it.each([
    [undefined, undefined, /^apiKey is missing\. Pass `apiKey` to createClaid\(\) or set CLAID_API_KEY/],
    ["", undefined, /^apiKey is empty\.$/],
    ["   ", undefined, /^apiKey is empty\.$/],
    [undefined, "", /^CLAID_API_KEY is set but empty\.$/],
    [42, undefined, /^apiKey must be a string, got 42\.$/],
    ["sk-short", undefined, /contains whitespace|only 8/],
    ["abc", undefined, /is shorter than 8 characters: that is not a Claid key/],
    ["x", undefined, /^apiKey is shorter than 8 characters: that is not a Claid key/],
    [" sk-live-0123456789abcdef", undefined, /contains whitespace, control or non-ASCII characters/],
    ["sk-live-0123\n456789abcdef", undefined, /contains whitespace, control or non-ASCII characters/],
    ["sk-live-0123456789abcdéf", undefined, /non-ASCII/],
  ])("apiKey %j (env %j) fails at construction with the real cause", (apiKey, fromEnv, message) => {
    const options = { apiKey: apiKey as never, env: { CLAID_API_KEY: fromEnv } };
    if (apiKey === "sk-short") {
      expect(() => createClaid(options)).not.toThrow(); // 8 characters is the shortest accepted
      return;
    }
    expect(() => createClaid(options)).toThrow(InvalidArgumentError);
    expect(() => createClaid(options)).toThrow(message);
  });

  it("reads CLAID_API_KEY and CLAID_BASE_URL from `env` when the options do not give them", async () => {
    const stub = stubFetch(jsonResponse(200, ACCEPTED), jsonResponse(200, ACCEPTED));
    const env = { CLAID_API_KEY: KEY, CLAID_BASE_URL: "https://eu.example.test" };
    await createClaid({ env, fetch: stub.fetch }).batches.create(body);
    await createClaid({
      env,
      apiKey: "other-key-0123",
      baseUrl: "https://api.claid.ai",
      fetch: stub.fetch,
    }).batches.create(body);
    expect(stub.requests.map((r) => [r.url, r.headers.get("authorization")])).toEqual([
      ["https://eu.example.test/v1/image/edit/batch", `Bearer ${KEY}`],
      ["https://api.claid.ai/v1/image/edit/batch", "Bearer other-key-0123"],
    ]);
    expect(() => createClaid({ env: { CLAID_API_KEY: 1 } })).toThrow(/CLAID_API_KEY/);
  });

  it.each(["not a url", "", "//", "ftp://api.example.test/", "data:text/plain,x"])("baseUrl %j", (baseUrl) => {
    expect(() => createClaid({ apiKey: KEY, baseUrl })).toThrow(/baseUrl must be an absolute http\(s\) URL/);
  });
});

const errorBody = {
  error_code: "150",
  error_type: "validation",
  error_message: "Field is wrong.",
  error_details: { "body.input": ["bad"] },
};

describe("every non-2xx status maps to its error class", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [402, PaymentRequiredError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [418, ClaidAPIError],
  ])("%i → %o", async (status, ErrorClass) => {
    const stub = stubFetch(jsonResponse(status, errorBody, { "x-request-id": "req-123" }));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, maxRetries: 0 });
    const error = (await claid.batches.retrieve(1).catch((e: unknown) => e)) as ClaidAPIError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ClaidAPIError);
    expect(error).toBeInstanceOf(ClaidError);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(ErrorClass.name);
    expect(error).toMatchObject({
      status,
      errorCode: "150",
      errorType: "validation",
      errorMessage: "Field is wrong.",
      errorDetails: { "body.input": ["bad"] },
      requestId: "req-123",
    });
    expect(error.headers.get("x-request-id")).toBe("req-123");
    expect(error.message).toContain(String(status));
    expect(error.message).toContain("Field is wrong.");
    expect(error.message).toContain("req-123");
  });

  it.each([
    [
      "an HTML page from a proxy",
      new Response("<html><title>502 Bad Gateway</title></html>", {
        status: 502,
        headers: { "Content-Type": "text/html" },
      }),
      InternalServerError,
      /not Claid's JSON error body \(text\/html\).*502 Bad Gateway/,
    ],
    ["an empty body", new Response(null, { status: 503 }), InternalServerError, /empty body/],
    ["an empty 401", new Response("", { status: 401 }), AuthenticationError, /empty body/],
    [
      "JSON of another shape",
      jsonResponse(400, { detail: "nope" }),
      BadRequestError,
      /not Claid's JSON error body.*nope/,
    ],
  ])("%s still gives the right class and a clear message", async (_, response, ErrorClass, message) => {
    const claid = createClaid({ apiKey: KEY, fetch: stubFetch(response).fetch });
    const error = (await claid.batches.create(body).catch((e: unknown) => e)) as ClaidAPIError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.message).toMatch(message);
    expect(error.errorCode).toBeUndefined();
  });

  it("wraps a network failure in ClaidConnectionError with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const claid = createClaid({ apiKey: KEY, fetch: stubFetch(cause).fetch });
    const error = (await claid.batches.create(body).catch((e: unknown) => e)) as ClaidConnectionError;
    expect(error).toBeInstanceOf(ClaidConnectionError);
    expect(error.cause).toBe(cause);
    expect(error.message).toMatch(/fetch failed/);
  });

  it("rejects with the caller's abort reason", async () => {
    const controller = new AbortController();
    const reason = new Error("user gave up");
    const claid = createClaid({
      apiKey: KEY,
      fetch: async (_request, init) => {
        controller.abort(reason);
        throw init?.signal.reason;
      },
    });
    await expect(claid.batches.create(body, { signal: controller.signal })).rejects.toBe(reason);
  });

  it("times out and aborts even when the fetch ignores its signal", async () => {
    const deaf = () => new Promise<Response>(() => {});
    const timedOut = createClaid({ apiKey: KEY, fetch: deaf, timeoutMs: 30, maxRetries: 0 });
    await expect(timedOut.batches.retrieve(1)).rejects.toThrow(ClaidTimeoutError);
    const controller = new AbortController();
    const pending = createClaid({ apiKey: KEY, fetch: deaf }).batches.retrieve(1, { signal: controller.signal });
    controller.abort("caller gave up");
    await expect(pending).rejects.toBe("caller gave up");
  });

  it("gives fetch each attempt's signal, aborted when that attempt times out", async () => {
    const signals: AbortSignal[] = [];
    const claid = createClaid({
      apiKey: KEY,
      timeoutMs: 20,
      maxRetries: 1,
      fetch: (_request, init) => {
        if (init) signals.push(init.signal);
        return new Promise<Response>(() => {});
      },
    });
    await expect(claid.batches.retrieve(1)).rejects.toThrow(ClaidTimeoutError);
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    for (const signal of signals) expect(signal.reason).toBeInstanceOf(ClaidTimeoutError);
  });

  it.each([
    ["an empty body", new Response("", { status: 200 }), /empty body/],
    ["truncated JSON", new Response('{"data": {"id": 1', { status: 200 }), /not valid JSON/],
    ["JSON that is not a task", jsonResponse(200, { data: { task: 1 } }), /not a batch: `id` is missing/],
  ])("a 2xx with %s is an InvalidResponseError", async (_, response, message) => {
    const claid = createClaid({ apiKey: KEY, fetch: stubFetch(response).fetch });
    const error = await claid.batches.retrieve(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(message);
  });
});

describe("the API key never leaks", () => {
  const echoes = [
    ["an error body that echoes the key", jsonResponse(401, { ...errorBody, error_message: `Key ${KEY} is invalid` })],
    ["a proxy page that echoes the key", new Response(`<p>Authorization: Bearer ${KEY}</p>`, { status: 502 })],
    ["a network error whose message has the key", new TypeError(`connect failed for ${KEY}`)],
  ] as const;

  it.each(echoes)("%s", async (_, answer) => {
    const claid = createClaid({ apiKey: KEY, fetch: stubFetch(answer).fetch, maxRetries: 0 });
    const error = (await claid.batches.retrieve(1).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ClaidError);
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack ?? "",
      inspect(error, { depth: 0 }),
    ]) {
      expect(text).not.toContain(KEY);
    }
    expect(error.message).toContain("[redacted]");
  });

  it("is not visible on the client object", () => {
    const claid = createClaid({ apiKey: KEY });
    expect(inspect(claid, { depth: 10 })).not.toContain(KEY);
    expect(JSON.stringify(Object.keys(claid))).not.toContain(KEY);
  });
});

describe("rate-limit window", () => {
  /** An API allowing `limit` requests per 30 s window, counting each request as it arrives. */
  function limitedApi(limit: number) {
    const statuses: number[] = [];
    let window = { start: Date.now(), used: 0 };
    const fetch = async () => {
      if (Date.now() - window.start >= 30_000) window = { start: Date.now(), used: 0 };
      window.used += 1;
      const headers = {
        "RateLimit-Remaining": String(Math.max(0, limit - window.used)),
        "RateLimit-Reset": String(Math.ceil((window.start + 30_000 - Date.now()) / 1000)),
      };
      const status = window.used > limit ? 429 : 200;
      statuses.push(status);
      return status === 429 ? jsonResponse(429, errorBody, headers) : jsonResponse(200, ACCEPTED, headers);
    };
    return { fetch, statuses };
  }

  it("holds requests until the reset, and again when those released first use up the next window", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const api = limitedApi(2);
      const claid = createClaid({ apiKey: KEY, fetch: api.fetch });
      await claid.batches.retrieve(7);
      await claid.batches.retrieve(7);
      const started = Date.now();
      const held = Promise.all([1, 2, 3, 4].map(() => claid.batches.retrieve(7)));
      await vi.runAllTimersAsync();
      await held;
      expect(api.statuses).toEqual([200, 200, 200, 200, 200, 200]);
      // Two resets, each plus the pacer's 200 ms margin for clock skew.
      expect(Date.now() - started).toBe(60_400);
    } finally {
      vi.useRealTimers();
    }
  });
});
