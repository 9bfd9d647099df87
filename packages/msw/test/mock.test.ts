import type { BatchStatus } from "@claid/core";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ClaidHandlersOptions, ClaidMockStore, createClaidHandlers, type MockFault } from "../src/index.ts";

const BASE = "https://api.claid.ai";
const AUTH = { Authorization: "Bearer test-key" };
const server = setupServer();
let store: ClaidMockStore;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => use());

function use(options: ClaidHandlersOptions = {}) {
  store = options.store ?? new ClaidMockStore();
  server.resetHandlers(...createClaidHandlers({ store, ...options }));
}

async function post(body: unknown, headers: Record<string, string> = AUTH) {
  const response = await fetch(`${BASE}/v1/image/edit/batch`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { response, body: await response.json().catch(() => undefined) };
}

async function get(id: number | string, headers: Record<string, string> = AUTH) {
  const response = await fetch(`${BASE}/v1/image/edit/batch/${id}`, { headers });
  return { response, body: await response.json().catch(() => undefined) };
}

const seedRequest = {
  input: "storage://storage_1/input_folder/",
  operations: { resizing: { width: 1000 }, background: { remove: false } },
  output: "storage://storage_1/output_folder/",
};

describe("auth", () => {
  it.each([
    ["no Authorization header", {}],
    ["a non-bearer scheme", { Authorization: "Token abc" }],
    ["an empty bearer", { Authorization: "Bearer " }],
  ])("%s → 401 with Claid's error body", async (_, headers) => {
    const { response, body } = await post(seedRequest, headers);
    expect(response.status).toBe(401);
    expect(body).toEqual({
      error_code: "111",
      error_type: "auth",
      error_message: "Authorization is required.",
      error_details: {},
    });
    expect(store.tasks.size).toBe(0);
  });

  it("checks the key itself when one is configured", async () => {
    use({ apiKey: "right" });
    expect((await get(1, { Authorization: "Bearer wrong" })).response.status).toBe(401);
    expect((await post(seedRequest, { Authorization: "Bearer right" })).response.status).toBe(200);
  });
});

describe("request validation against the spec", () => {
  it.each([
    [
      "unknown operation key",
      { ...seedRequest, operations: { sharpen: true } },
      "body.operations.sharpen",
      "is not a known property",
    ],
    [
      "bad enum value",
      { ...seedRequest, operations: { resizing: { fit: "stretch" } } },
      "body.operations.resizing.fit",
      "must be one of",
    ],
    ["missing operations", { input: seedRequest.input }, "body.operations", "is required"],
    [
      "width not a number or string",
      { ...seedRequest, operations: { resizing: { width: true } } },
      "body.operations.resizing.width",
      "must be",
    ],
    ["empty URL list", { ...seedRequest, input: [] }, "body.input", "must"],
    [
      "out-of-range hdr",
      { ...seedRequest, operations: { adjustments: { hdr: 101 } } },
      "body.operations.adjustments.hdr",
      "must be",
    ],
    ["input that is not a URI", { ...seedRequest, input: "not a uri" }, "body.input", 'must match format "uri"'],
  ])("%s → 422 naming the field", async (_, request, field, message) => {
    const { response, body } = await post(request);
    expect(response.status).toBe(422);
    expect(body.error_type).toBe("validation");
    expect(Object.keys(body.error_details)).toContain(field);
    expect(body.error_details[field].join(" ")).toContain(message);
    expect(body.error_message).toContain(field);
    expect(store.tasks.size).toBe(0);
  });

  // Where the spec allows alternatives (anyOf), the closest one's problem, not every alternative's.
  it.each([
    ["an empty URL list", { input: [] }, { "body.input": ["must NOT have fewer than 1 items"] }],
    ["a list item that is not a URI", { input: ["not a uri"] }, { "body.input.0": ['must match format "uri"'] }],
    ["a folder object with a bad field", { input: { source: 5 } }, { "body.input.source": ["must be string"] }],
    [
      "a width of no allowed kind",
      { operations: { resizing: { width: true } } },
      { "body.operations.resizing.width": ["must be integer or string"] },
    ],
    ["an output of no allowed kind", { output: 5 }, { "body.output": ["must be object or string"] }],
    [
      "a webp compression that is none of webp's",
      { output: { format: { type: "webp", compression: "nope" } } },
      { "body.output.format.compression": ['must be one of "lossy", "lossless"'] },
    ],
  ])("%s → 422 with the closest alternative's problem only", async (_, change, details) => {
    const { response, body } = await post({ ...seedRequest, ...change });
    expect(response.status).toBe(422);
    expect(body.error_details).toEqual(details);
    const [[field, [message]]] = Object.entries(details) as [[string, [string]]];
    expect(body.error_message).toBe(`${field} ${message}.`);
  });

  it("invalid JSON → 400", async () => {
    const { response, body } = await post("{not json");
    expect(response.status).toBe(400);
    expect(body.error_message).toMatch(/not valid JSON/);
  });
});

describe("stateful tasks", () => {
  it("creates tasks with increasing ids, echoing the request", async () => {
    const first = await post(seedRequest);
    const second = await post(seedRequest);
    expect(first.response.status).toBe(200);
    expect(first.body.data).toMatchObject({
      id: 1,
      status: "ACCEPTED",
      request: seedRequest,
      result_url: `${BASE}/v1/image/edit/batch/1`,
    });
    expect(new Date(first.body.data.created_at).toISOString()).toBe(first.body.data.created_at);
    expect(second.body.data.id).toBe(2);
  });

  it("advances ACCEPTED → PROCESSING → DONE over the configured polls", async () => {
    use({ pollsToComplete: 3 });
    const { body } = await post(seedRequest);
    const statuses: BatchStatus[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(body.data.id)).body.data.status);
    expect(statuses).toEqual(["PROCESSING", "PROCESSING", "DONE", "DONE"]);
  });

  it("returns one result per URL, with the output format asked for", async () => {
    use({ pollsToComplete: 1 });
    const urls = ["https://img.example/a.png", "https://img.example/b.jpg", "https://img.example/c.jpeg"];
    const { body } = await post({
      input: urls,
      operations: { resizing: { width: 500, height: 400 } },
      output: { format: "webp" },
    });
    const { data } = (await get(body.data.id)).body;
    expect(data.results).toHaveLength(3);
    expect(data.results.map((r: { output_object: { tmp_url: string } }) => r.output_object.tmp_url)).toEqual([
      `${BASE}/mock-storage/1/a.webp`,
      `${BASE}/mock-storage/1/b.webp`,
      `${BASE}/mock-storage/1/c.webp`,
    ]);
    expect(data.results[0].output_object).toMatchObject({
      ext: "webp",
      mime: "image/webp",
      width: 500,
      height: 400,
      mps: 0.2,
    });
  });

  it("returns the configured number of results for a folder, stored at the output URI", async () => {
    use({ pollsToComplete: 1, folderImageCount: 4 });
    const { body } = await post({ ...seedRequest, input: { source: "storage://s/in/", recursive: true } });
    const { data } = (await get(body.data.id)).body;
    expect(data.results).toHaveLength(4);
    expect(data.results[0].output_object).toMatchObject({
      ext: "jpeg",
      width: 1000,
      height: 1000,
      object_uri: "storage://storage_1/output_folder/image-1.jpeg",
      object_bucket: "storage_1",
      object_key: "output_folder/image-1.jpeg",
    });
  });

  it.each([
    [["ERROR"], "ERROR", 0, 1],
    [["CANCELLED"], "CANCELLED", 0, 0],
    [["PAUSED", "PAUSED", "DONE"], "DONE", 2, 0],
  ] as [BatchStatus[], BatchStatus, number, number][])(
    "a task planned as %j ends %s",
    async (plan, end, results, errors) => {
      store.planTask(plan);
      const { body } = await post(seedRequest);
      let data: { status: BatchStatus; results: unknown[]; errors: unknown[] } | undefined;
      for (let i = 0; i < plan.length; i++) data = (await get(body.data.id)).body.data;
      expect(data?.status).toBe(end);
      expect(data?.results).toHaveLength(results);
      expect(data?.errors).toHaveLength(errors);
    },
  );

  it("a task planned with afterMs runs on the mock's clock: PROCESSING until then, then its last status", async () => {
    let clock = 1_000_000;
    use({ now: () => clock });
    store.planTask(["ERROR"], { afterMs: 60_000 });
    const { body } = await post(seedRequest);
    const statusAt = async (ms: number) => {
      clock = 1_000_000 + ms;
      return (await get(body.data.id)).body.data.status;
    };
    expect([await statusAt(0), await statusAt(59_999), await statusAt(60_000), await statusAt(61_000)]).toEqual([
      "PROCESSING",
      "PROCESSING",
      "ERROR",
      "ERROR",
    ]);
  });

  it.each([
    [999, 404],
    ["abc", 422],
  ])("GET %j → %i", async (id, status) => {
    const { response, body } = await get(id);
    expect(response.status).toBe(status);
    expect(typeof body.error_message).toBe("string");
  });
});

describe("scenarios and headers", () => {
  it("sends x-request-id on every answer", async () => {
    const a = await post(seedRequest);
    const b = await get(1);
    expect(a.response.headers.get("x-request-id")).toBe("mock-000001");
    expect(b.response.headers.get("x-request-id")).toBe("mock-000002");
  });

  it.each([400, 402, 403, 409, 429, 500, 502, 503])(
    "injected %i answers once with Claid's body, then recovers",
    async (status) => {
      store.injectFault({ type: "status", status }, { operation: "create" });
      const failed = await post(seedRequest);
      expect(failed.response.status).toBe(status);
      expect(failed.body.error_code).toBeTypeOf("string");
      expect((await post(seedRequest)).response.status).toBe(200);
      expect(store.requestsOf("create").map((r) => r.status)).toEqual([status, 200]);
    },
  );

  it("injects a network error", async () => {
    store.injectFault({ type: "network-error" }, { times: 2 });
    await expect(get(1)).rejects.toThrow(TypeError);
    await expect(post(seedRequest)).rejects.toThrow(TypeError);
    expect(store.requests.map((r) => r.status)).toEqual([0, 0]);
  });

  it("adds latency", async () => {
    store.injectFault({ type: "latency", ms: 120 });
    const started = performance.now();
    expect((await post(seedRequest)).response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it.each([
    [{ type: "truncated-json" }, '{"data": {"id": 1, "status": "ACC'],
    [{ type: "empty-body" }, ""],
    [{ type: "status", status: 502, body: "html" }, "<html>"],
  ] as [MockFault, string][])("malformed answer %j", async (fault, starts) => {
    store.injectFault(fault);
    const response = await fetch(`${BASE}/v1/image/edit/batch/1`, { headers: AUTH });
    expect((await response.text()).startsWith(starts)).toBe(true);
  });
});
