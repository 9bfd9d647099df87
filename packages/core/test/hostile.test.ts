/**
 * Hostile and odd values: huge or malformed server delays, bodies that cannot be
 * sent, redirects to other origins, keys echoed back, wrapped error bodies,
 * malformed batches and oversized responses. Each case once broke on main.
 */
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../../tests/support/fake-clock.ts";
import {
  BatchWaitTimeoutError,
  ClaidAPIError,
  ClaidConnectionError,
  createClaid,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  RateLimitError,
} from "../src/index.ts";
import { sleep } from "../src/internal/signals.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";

const KEY = "sk-hostile-0123456789abcdef";
const body = { input: "storage://s/in/", operations: {} };
const batch = (status: string, extra: Record<string, unknown> = {}) => ({
  data: { ...ACCEPTED.data, status, ...extra },
});
const DAY = 24 * 3600 * 1000;

describe("timers: every delay is bounded and never fires early", () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  it.each([2 ** 31, 3e9, 40 * DAY])("sleep(%d) waits the whole time (chained timers, no overflow)", async (ms) => {
    const started = Date.now();
    let woke = 0;
    void sleep(ms, undefined).then(() => {
      woke = Date.now();
    });
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(woke).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(woke - started).toBe(ms);
  });

  it.each([
    ["Retry-After: 3000000 (s)", { "Retry-After": "3000000" }],
    ["Retry-After: an HTTP date in 2100", { "Retry-After": "Fri, 01 Jan 2100 00:00:00 GMT" }],
    [
      "RateLimit-Remaining 0 + RateLimit-Reset 1e9 (s)",
      { "RateLimit-Remaining": "0", "RateLimit-Reset": "1000000000" },
    ],
  ])(
    "a 200 poll answered with %s: the next check comes after maxServerDelayMs, never in a hot loop",
    async (_, headers) => {
      const answers = Array.from({ length: 40 }, () => () => jsonResponse(200, batch("PROCESSING"), headers));
      const stub = stubFetch(...answers);
      const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, maxServerDelayMs: 60_000 });
      const first = await settle(claid.batches.check(7));
      // maxServerDelayMs, plus the pacer's 200 ms margin when the server said the window is used up.
      expect(first.ok && first.value.nextCheckAfterMs).toBe("RateLimit-Reset" in headers ? 60_200 : 60_000);
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error("stop")), 10 * 60_000);
      await settle(claid.batches.wait(7, { signal: controller.signal }));
      // 10 minutes of waiting at one check per 60 s (plus the first check above).
      expect(stub.requests.length).toBeLessThanOrEqual(12);
      expect(stub.requests.length).toBeGreaterThanOrEqual(10);
    },
  );

  it("a hostile RateLimit-Limit window (1 per 31 years) is dropped: the next request is not parked", async () => {
    const headers = { "RateLimit-Limit": "1, 1;w=1000000000, 4;w=1" };
    const stub = stubFetch(jsonResponse(200, batch("PROCESSING"), headers), jsonResponse(200, batch("DONE")));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch });
    const first = await settle(claid.batches.check(7));
    expect(first.ok && first.value.nextCheckAfterMs).toBe(2000);
    const second = await settle(claid.batches.retrieve(7));
    expect(second).toMatchObject({ ok: true, elapsedMs: 0 });
  });

  it("wait({ maxWaitMs: 30 days }) keeps waiting for 30 days, then gives up with BatchWaitTimeoutError", async () => {
    const stub = stubFetch(...Array.from({ length: 40 }, () => () => jsonResponse(200, batch("PROCESSING"))));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch });
    const outcome = await settle(
      claid.batches.wait(7, { maxWaitMs: 30 * DAY, pollIntervalMs: DAY, maxPollIntervalMs: DAY }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.ok || outcome.error).toBeInstanceOf(BatchWaitTimeoutError);
    expect(outcome.elapsedMs).toBe(30 * DAY);
    expect(stub.requests).toHaveLength(30);
  });

  it("createClaid({ timeoutMs: 2 ** 31 }) does not time every attempt out at once", async () => {
    const slow = async () => {
      await sleep(5_000, undefined);
      return jsonResponse(200, ACCEPTED);
    };
    const claid = createClaid({ apiKey: KEY, fetch: slow, timeoutMs: 2 ** 31, maxRetries: 0 });
    const outcome = await settle(claid.batches.create(body));
    expect(outcome).toMatchObject({ ok: true, elapsedMs: 5_000 });
  });

  it.each([
    ["0", 0],
    ["59", 59_000],
    ["-5", "backoff"],
    ["abc", "backoff"],
    ["1e400", "backoff"],
    ["Infinity", "backoff"],
    ["0x10", "backoff"],
    ["1e1", "backoff"],
    ["0b101", "backoff"],
    ["1.5", "backoff"],
    ["Wed, 21 Oct 2015 07:28:00 GMT", 0],
    ["Sunday, 06-Nov-94 08:49:37 GMT", 0],
  ])("a 429 with Retry-After %j is retried after %s ms", async (value, expected) => {
    const stub = stubFetch(jsonResponse(429, {}, { "Retry-After": value }), jsonResponse(200, ACCEPTED));
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const outcome = await settle(createClaid({ apiKey: KEY, fetch: stub.fetch }).batches.retrieve(7));
    expect(outcome.ok).toBe(true);
    expect(outcome.elapsedMs).toBe(expected === "backoff" ? 250 : expected);
  });

  // Without Retry-After, a 429's RateLimit-Reset says when to retry; the pacer also holds every request until then.
  it.each([
    ["7", 7200],
    ["1e400", "backoff"],
    ["0x10", "backoff"],
    ["1e1", "backoff"],
    ["0b101", "backoff"],
    ["-5", "backoff"],
    ["Infinity", "backoff"],
    ["9".repeat(400), "backoff"],
  ])("a 429 with RateLimit-Remaining 0 and RateLimit-Reset %j is retried after %s ms", async (value, expected) => {
    const headers = { "RateLimit-Remaining": "0", "RateLimit-Reset": value };
    const stub = stubFetch(jsonResponse(429, {}, headers), jsonResponse(200, batch("DONE")));
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const outcome = await settle(createClaid({ apiKey: KEY, fetch: stub.fetch }).batches.retrieve(7));
    expect(outcome.ok).toBe(true);
    expect(outcome.elapsedMs).toBe(expected === "backoff" ? 250 : expected);
  });

  it.each(["61", "3000000", "10000000"])(
    "a 429 asking for %s s (past maxServerDelayMs) fails at once with RateLimitError carrying the delay",
    async (seconds) => {
      const stub = stubFetch(jsonResponse(429, {}, { "Retry-After": seconds }));
      const outcome = await settle(createClaid({ apiKey: KEY, fetch: stub.fetch }).batches.retrieve(7));
      expect(outcome.elapsedMs).toBe(0);
      expect(outcome.ok || outcome.error).toBeInstanceOf(RateLimitError);
      expect((outcome as { error: RateLimitError }).error.retryAfterMs).toBe(Number(seconds) * 1000);
    },
  );

  it.each([
    ["pollIntervalMs", { pollIntervalMs: 0 }],
    ["pollIntervalMs", { pollIntervalMs: Number.POSITIVE_INFINITY }],
    ["maxPollIntervalMs", { maxPollIntervalMs: Number.NaN }],
    ["maxWaitMs", { maxWaitMs: 0 }],
  ])("a poll schedule that would loop or never fire is refused (%s)", async (argument, options) => {
    const stub = stubFetch();
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.wait(7, options)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect(stub.requests).toHaveLength(0);
  });
});

describe("local failures are local: nothing sent, not retried, not 'outcome unknown'", () => {
  const cyclic: Record<string, unknown> = { input: "storage://s/in/", operations: {} };
  cyclic.self = cyclic;
  it.each([
    ["a BigInt in the body", () => ({ body: { ...body, operations: { adjustments: { hdr: 10n } } } }), "body"],
    ["a cycle in the body", () => ({ body: cyclic }), "body"],
    ["a header value with a newline", () => ({ body, options: { headers: { "X-Trace": "a\nb" } } }), "headers"],
    ["a header name with a space", () => ({ body, options: { headers: { "Bad Name": "1" } } }), "headers"],
  ])("%s", async (_, make, argument) => {
    const stub = stubFetch(jsonResponse(200, ACCEPTED));
    const { body: sent, options } = make() as { body: never; options?: { headers: Record<string, string> } };
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch, retryNonIdempotent: true })
      .batches.create(sent, options)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument, outcomeUnknown: false, attempts: 0 });
    expect((error as Error).message).not.toMatch(/may or may not/);
    expect(stub.requests).toHaveLength(0);
  });

  it("a client-level header that cannot be sent is refused at createClaid()", () => {
    expect(() => createClaid({ apiKey: KEY, headers: { "X-Trace": "a\r\nInjected: 1" } })).toThrow(
      /headers has an invalid header name or value/,
    );
  });
});

describe("redirects", () => {
  const headers = { "X-Proxy-Secret": "client-level" };
  const callHeaders = { "X-Call-Secret": "call-level" };
  it.each([
    ["another origin", "https://files.example.test/v1/image/edit/batch/7", false],
    ["a look-alike host", "https://api.claid.ai.evil.test/v1/image/edit/batch/7", false],
    ["the same origin", "/v2/image/edit/batch/7", true],
  ])("a hop to %s carries the key and configured headers only if same-origin", async (_, location, kept) => {
    const stub = stubFetch(new Response(null, { status: 302, headers: { Location: location } }), () =>
      jsonResponse(200, ACCEPTED),
    );
    await createClaid({ apiKey: KEY, fetch: stub.fetch, headers }).batches.retrieve(7, { headers: callHeaders });
    const hop = stub.requests[1] as Request;
    for (const name of ["authorization", "x-proxy-secret", "x-call-secret"]) {
      expect([name, hop.headers.has(name)]).toEqual([name, kept]);
    }
    expect(stub.requests[0]?.headers.get("x-proxy-secret")).toBe("client-level");
  });
});

describe("a 304 is an answer, not a connection failure", () => {
  it.each([
    ["without Location", {}],
    ["with a Location (not followed)", { Location: "/v1/image/edit/batch/8" }],
  ])("%s: ClaidAPIError 304 at once, not retried", async (_, headers) => {
    const stub = stubFetch(new Response(null, { status: 304, headers }), jsonResponse(200, batch("DONE")));
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaidAPIError);
    expect(error).not.toBeInstanceOf(ClaidConnectionError);
    expect(error).toMatchObject({ status: 304, attempts: 1 });
    expect(stub.requests).toHaveLength(1);
  });
});

describe("the key never shows in util.inspect(error), at any depth", () => {
  const texts = (error: unknown) => [
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY }),
  ];

  it("when the server echoes it in a header and the body", async () => {
    const stub = stubFetch(
      jsonResponse(401, { detail: `Bearer ${KEY} is not valid` }, { "X-Echo": `Bearer ${KEY}`, "x-request-id": "r1" }),
    );
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    for (const text of texts(error)) expect(text).not.toContain(KEY);
    expect((error as { headers: Headers }).headers.get("x-echo")).toBe("Bearer [redacted]");
    expect((error as { body: unknown }).body).toEqual({ detail: "Bearer [redacted] is not valid" });
  });

  it("in a cause chain of any depth", async () => {
    let deep: Error = new Error(`socket to ${KEY}`);
    for (let i = 0; i < 12; i++) deep = new Error(`layer ${i}`, { cause: deep });
    const failing = async () => {
      throw new TypeError("fetch failed", { cause: deep });
    };
    const error = await createClaid({ apiKey: KEY, fetch: failing, maxRetries: 0 })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaidConnectionError);
    for (const text of texts(error)) expect(text).not.toContain(KEY);
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY })).toContain("socket to [redacted]");
  });

  it("redacts the key as a substring, also inside longer words (keys are at least 8 characters)", async () => {
    const key = "password";
    const stub = stubFetch(
      jsonResponse(400, {
        error_message: "Use password-reset: passwords expire; password rejected.",
        error_type: "auth",
        error_code: "1",
        error_details: {},
      }),
    );
    const error = await createClaid({ apiKey: key, fetch: stub.fetch })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain("Use [redacted]-reset: [redacted]s expire; [redacted] rejected.");
  });
});

describe("error bodies at the top level or wrapped in `detail`", () => {
  const details = { error_code: "160", error_type: "general", error_message: "Too many requests.", error_details: {} };
  it.each([
    ["top level", details],
    ["wrapped in detail (Claid's 429 example)", { detail: details }],
  ])("%s", async (_, errorBody) => {
    const stub = stubFetch(jsonResponse(429, errorBody, { "Retry-After": "999" }));
    const error = (await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.retrieve(7)
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      errorCode: "160",
      errorType: "general",
      errorMessage: "Too many requests.",
      body: errorBody,
    });
    expect(error.message).toContain("Too many requests. [error_type general, error_code 160]");
  });

  it("errorDetails is field path → messages, whatever shape the server used", async () => {
    const stub = stubFetch(
      jsonResponse(422, {
        ...details,
        error_details: { "body.input": ["is required"], "body.operations": "bad", n: 3 },
      }),
    );
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.create(body)
      .catch((e: unknown) => e);
    expect((error as { errorDetails: unknown }).errorDetails).toEqual({
      "body.input": ["is required"],
      "body.operations": ["bad"],
      n: ["3"],
    });
  });
});

describe("responses are checked where they are used", () => {
  const done = (extra: Record<string, unknown>) => jsonResponse(200, batch("DONE", extra), { "x-request-id": "req-9" });
  const output = { ext: "png", mime: "image/png", format: "PNG", width: 1, height: 1, mps: 0 };
  it.each([
    ["results is not a list", { results: "nope" }, /`results` is not a list/],
    [
      "a result without output_object",
      { results: [{ input_object: output }] },
      /`results\[0\].output_object` is missing/,
    ],
    [
      "a result without mps",
      { results: [{ input_object: output, output_object: { ...output, mps: undefined } }] },
      /`results\[0\].output_object.mps` is missing/,
    ],
    [
      "a numeric tmp_url",
      { results: [{ input_object: output, output_object: { ...output, tmp_url: 5 } }] },
      /`results\[0\].output_object.tmp_url` is not a string/,
    ],
    ["an error that is not a string", { errors: [{ error: 5 }] }, /`errors\[0\].error` is not a string/],
    ["a missing id", { id: "7" }, /`id` is not an integer/],
  ])("%s → InvalidResponseError with the request id", async (_, extra, message) => {
    const error = await createClaid({ apiKey: KEY, fetch: stubFetch(done(extra)).fetch })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ requestId: "req-9" });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain("(request id req-9)");
  });

  it("an unknown status from a newer API keeps a wait going", async () => {
    useFakeClock();
    try {
      const stub = stubFetch(
        jsonResponse(200, batch("QUEUED_ON_GPU")),
        jsonResponse(200, batch("DONE", { results: [] })),
      );
      const outcome = await settle(createClaid({ apiKey: KEY, fetch: stub.fetch }).batches.wait(7));
      expect(outcome).toMatchObject({ ok: true, value: { status: "DONE" } });
      expect(stub.requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("check() given a final state returns it without another request", async () => {
    const stub = stubFetch(jsonResponse(200, batch("DONE", { results: [] })));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch });
    const final = await claid.batches.check(7);
    expect(await claid.batches.check(JSON.parse(JSON.stringify(final)))).toEqual(JSON.parse(JSON.stringify(final)));
    expect(stub.requests).toHaveLength(1);
  });

  it.each([
    ["with Content-Length", true],
    ["streamed, without Content-Length", false],
  ])("a 2xx body over maxResponseBytes is refused, %s", async (_, withLength) => {
    const big = JSON.stringify(batch("DONE", { padding: "x".repeat(5000) }));
    const stream = new Blob([big]).stream();
    const response = new Response(withLength ? big : stream, {
      headers: withLength ? { "Content-Length": String(big.length) } : {},
    });
    const error = await createClaid({ apiKey: KEY, fetch: stubFetch(response).fetch, maxResponseBytes: 1000 })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/larger than maxResponseBytes \(1000 bytes\)/);
  });

  it("an error body over maxResponseBytes is cut short, and the error keeps its class", async () => {
    const page = `<html>${"x".repeat(100_000)}</html>`;
    const stub = stubFetch(new Response(page, { status: 502, headers: { "Content-Type": "text/html" } }));
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch, maxResponseBytes: 1000, maxRetries: 0 })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as { body: string }).body.length).toBeLessThanOrEqual(1000);
  });

  it("an error body cut short over several chunks is the text that arrived, nothing added", async () => {
    const chunk = new TextEncoder().encode("é".repeat(200)); // 400 bytes: the third one passes 1000
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(chunk);
      },
    });
    const stub = stubFetch(new Response(body, { status: 502, headers: { "Content-Type": "text/plain" } }));
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch, maxResponseBytes: 1000, maxRetries: 0 })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as { body: string }).body).toBe("é".repeat(400));
  });
});
