import { inspect } from "node:util";
import { createClaid, InvalidArgumentError } from "@claid/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../support/fake-clock.ts";
import { API_KEY, mock } from "./mock-handlers.ts";
import { seedRequest } from "./request-bodies.ts";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
});

describe("withResponse()", () => {
  it("gives the data with the response, its request id and rate-limit headers", async () => {
    mock(server, { rateLimit: "50;w=60" });
    const claid = createClaid({ apiKey: API_KEY });
    const outcome = await settle(claid.batches.create(seedRequest).withResponse());
    const { data, response, requestId, rateLimit } = (
      outcome as { value: Awaited<ReturnType<ReturnType<typeof claid.batches.create>["withResponse"]>> }
    ).value;
    expect(data).toMatchObject({ id: 1, status: "ACCEPTED" });
    expect(response.status).toBe(200);
    expect(requestId).toBe("mock-000001");
    expect(rateLimit).toEqual({ limit: 50, remaining: 49, resetSeconds: 60 });
    const plain = await settle(claid.batches.retrieve(1));
    expect(plain).toMatchObject({ ok: true, value: { id: 1 } });
  });

  it("rejects withResponse() with the same typed error, and leaves no unhandled rejection", async () => {
    const store = mock(server);
    store.injectFault({ type: "status", status: 404 });
    const claid = createClaid({ apiKey: API_KEY });
    const outcome = await settle(claid.batches.retrieve(5).withResponse());
    expect(outcome).toMatchObject({ ok: false, error: { status: 404, requestId: "mock-000001" } });
  });
});

describe("per-call options override the client's", () => {
  it("maxRetries and timeoutMs", async () => {
    const store = mock(server);
    await settle(createClaid({ apiKey: API_KEY }).batches.create(seedRequest));
    const claid = createClaid({ apiKey: API_KEY, maxRetries: 5 });
    store.injectFault({ type: "status", status: 503 }, { times: 10 });
    const once = await settle(claid.batches.retrieve(1, { maxRetries: 0 }));
    expect(once).toMatchObject({ ok: false, error: { status: 503, attempts: 1 } });
    store.reset();
    store.injectFault({ type: "latency", ms: 5000 });
    const quick = await settle(claid.batches.create(seedRequest, { timeoutMs: 250 }));
    expect(quick).toMatchObject({ ok: false, elapsedMs: 250, error: { name: "ClaidTimeoutError" } });
  });

  it("headers", async () => {
    let seen: string | null = null;
    mock(server);
    server.use(
      http.get("https://api.claid.ai/v1/image/edit/batch/:id", ({ request }) => {
        seen = request.headers.get("x-trace");
        return HttpResponse.json({ error_code: "1", error_type: "general", error_message: "x" }, { status: 404 });
      }),
    );
    await settle(createClaid({ apiKey: API_KEY }).batches.retrieve(1, { headers: { "X-Trace": "abc" } }));
    expect(seen).toBe("abc");
  });

  it.each([
    ["maxRetries", { maxRetries: -1 }],
    ["maxRetries", { maxRetries: 1.5 }],
    ["timeoutMs", { timeoutMs: 0 }],
    ["maxServerDelayMs", { maxServerDelayMs: Number.NaN }],
  ])("an invalid %s is named", (name, options) => {
    expect(() => createClaid({ apiKey: API_KEY, ...options })).toThrow(new RegExp(`^${name} must be`));
  });
});

describe("logging", () => {
  function collect(level: "debug" | "warn" | undefined) {
    const lines: string[] = [];
    const sink = (line: string) => lines.push(line);
    const logger = { debug: sink, info: sink, warn: sink, error: sink };
    return { lines, claid: createClaid({ apiKey: API_KEY, logger, ...(level ? { logLevel: level } : {}) }) };
  }

  it("logs each attempt, retry (with delay and why) and poll at debug level, never the key", async () => {
    const store = mock(server);
    store.injectFault({ type: "status", status: 429, headers: { "Retry-After": "2" } }, { operation: "create" });
    store.injectFault({ type: "status", status: 503 }, { operation: "retrieve" });
    const { lines, claid } = collect("debug");
    await settle(claid.batches.createAndWait(seedRequest));
    const text = lines.join("\n");
    expect(text).toContain("POST /v1/image/edit/batch: attempt 1 of 3");
    expect(text).toMatch(
      /POST \/v1\/image\/edit\/batch: 429 Too Many Requests: Too many requests\..* Retrying in 2000 ms \(as the server asked\)/,
    );
    expect(text).toMatch(/GET \/v1\/image\/edit\/batch\/\{task_id\}: 503 .* Retrying in \d+ ms \(backoff\)/);
    expect(text).toContain("batch 1: DONE (check 1)");
    expect(lines.every((l) => l.startsWith("[claid] "))).toBe(true);
    expect(text).not.toContain(API_KEY);
    expect(text.toLowerCase()).not.toContain("authorization");
  });

  it.each([undefined, "warn"] as const)("logs nothing at level %s for a normal call", async (level) => {
    mock(server);
    const { lines, claid } = collect(level);
    await settle(claid.batches.createAndWait(seedRequest));
    expect(lines).toEqual([]);
  });
});

describe("security", () => {
  it("never sends the key to another origin, even when the API redirects there", async () => {
    const seen: (string | null)[] = [];
    mock(server);
    server.use(
      http.get("https://api.claid.ai/v1/image/edit/batch/77", () =>
        HttpResponse.redirect("https://cdn.example.test/v1/image/edit/batch/77", 302),
      ),
      http.get("https://cdn.example.test/v1/image/edit/batch/77", ({ request }) => {
        seen.push(request.headers.get("authorization"));
        return HttpResponse.json({ data: { id: 77, status: "DONE", created_at: "2026-11-27T09:00:00Z", request: {} } });
      }),
    );
    const outcome = await settle(createClaid({ apiKey: API_KEY }).batches.retrieve(77));
    expect(outcome).toMatchObject({ ok: true, value: { id: 77 } });
    expect(seen).toEqual([null]);
  });

  it("keeps the key on a same-origin redirect", async () => {
    mock(server);
    await settle(createClaid({ apiKey: API_KEY }).batches.create(seedRequest));
    server.use(
      http.get(
        "https://api.claid.ai/v1/image/edit/batch/78",
        () => new HttpResponse(null, { status: 307, headers: { Location: "/v1/image/edit/batch/1" } }),
      ),
    );
    // The mock answers 401 without the key, so DONE proves it was sent after the hop.
    expect(await settle(createClaid({ apiKey: API_KEY }).batches.retrieve(78))).toMatchObject({
      ok: true,
      value: { id: 1 },
    });
  });

  it("does not send the key to a result_url on another origin through the raw client", async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get("https://results.example.test/v1/image/edit/batch/:id", ({ request }) => {
        seen.push(request.headers.get("authorization"));
        return HttpResponse.json({});
      }),
    );
    const claid = createClaid({ apiKey: API_KEY });
    await claid.client.GET("/v1/image/edit/batch/{task_id}", {
      params: { path: { task_id: 1 } },
      baseUrl: "https://results.example.test",
    });
    expect(seen).toEqual([null]);
  });

  it.each([
    ["http://api.example.com", false, null],
    ["http://10.0.0.5:8080", false, null],
    ["http://localhost:8080", true, null],
    ["http://127.0.0.9:3000/claid", true, null],
    ["http://[::1]:3000", true, null],
    ["https://api.example.com", true, null],
    ["http://api.example.com", true, { allowInsecureHttp: true }],
  ] as const)("baseUrl %s accepted: %s", (baseUrl, accepted, extra) => {
    const create = () => createClaid({ apiKey: API_KEY, baseUrl, ...extra });
    if (accepted) expect(create).not.toThrow();
    else expect(create).toThrow(InvalidArgumentError);
    if (!accepted) expect(create).toThrow(/plain http/);
  });

  it("allows plain http without a key (a same-origin proxy adds it)", () => {
    expect(() => createClaid({ apiKey: null, baseUrl: "http://intranet.example/api/claid" })).not.toThrow();
  });

  it("keeps the key out of the client object and errors", async () => {
    const claid = createClaid({ apiKey: API_KEY });
    expect(inspect(claid, { depth: 20, showHidden: true })).not.toContain(API_KEY);
    const store = mock(server);
    store.injectFault({ type: "network-error" });
    const outcome = await settle(claid.batches.create(seedRequest));
    const error = (outcome as { error: Error }).error;
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack ?? "",
      inspect(error, { depth: 20, showHidden: true }),
    ]) {
      expect(text).not.toContain(API_KEY);
    }
  });
});
