import {
  AuthenticationError,
  BadRequestError,
  type BatchStatus,
  type Claid,
  type ClaidAPIError,
  ClaidConnectionError,
  ConflictError,
  createClaid,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from "@claid/core";
import { ClaidMockStore, createClaidHandlers, type MockOperation } from "@claid/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inputs, operations, outputs, seedRequest } from "./request-bodies.ts";

const API_KEY = "mock-api-test-key";
const server = setupServer();
let store: ClaidMockStore;
let claid: Claid;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  store = new ClaidMockStore();
  server.resetHandlers(...createClaidHandlers({ store, apiKey: API_KEY, pollsToComplete: 1 }));
  claid = createClaid({ apiKey: API_KEY });
});

describe("create with each input form", () => {
  it.each(inputs)("%s", async (_, input, images) => {
    const body = { ...seedRequest, input };
    const accepted = await claid.batches.create(body);
    expect(accepted).toMatchObject({ id: 1, status: "ACCEPTED", request: body });
    expect(accepted.result_url).toBe("https://api.claid.ai/v1/image/edit/batch/1");
    const done = await claid.batches.retrieve(accepted.id);
    expect(done.status).toBe("DONE");
    expect(done.results).toHaveLength(images);
  });
});

describe("every operation group of the spec is accepted", () => {
  it.each(operations)("%s", async (_, ops) => {
    const accepted = await claid.batches.create({ input: ["https://image.site/a.png"], operations: ops });
    expect(accepted.request).toEqual({ input: ["https://image.site/a.png"], operations: ops });
    expect((await claid.batches.retrieve(accepted.id)).status).toBe("DONE");
  });
});

describe("output variants", () => {
  it.each(outputs)("%s", async (_, output, format) => {
    const body = { input: ["https://image.site/a.png"], operations: {}, ...(output === undefined ? {} : { output }) };
    const accepted = await claid.batches.create(body);
    const [item] = (await claid.batches.retrieve(String(accepted.id))).results ?? [];
    expect(item?.output_object.ext).toBe(format);
    const stored = typeof output === "string" || (typeof output === "object" && output.destination);
    expect(Boolean(item?.output_object.object_uri)).toBe(Boolean(stored));
    expect(Boolean(item?.output_object.tmp_url)).toBe(!stored);
  });
});

describe("retrieve through each status", () => {
  it("walks ACCEPTED → WAITING → PROCESSING → PAUSED → ERROR with errors[]", async () => {
    const plan: BatchStatus[] = ["WAITING", "PROCESSING", "PAUSED", "PROCESSING", "ERROR"];
    store.planTask(plan);
    const { id, status } = await claid.batches.create(seedRequest);
    const seen: BatchStatus[] = [status];
    let last = await claid.batches.retrieve(id);
    seen.push(last.status);
    while (seen.length <= plan.length) {
      last = await claid.batches.retrieve(id);
      seen.push(last.status);
    }
    expect(seen).toEqual(["ACCEPTED", ...plan]);
    expect(last.errors?.[0]?.error).toMatch(/failed/);
    expect(last.results).toEqual([]);
  });

  it.each(["DONE", "CANCELLED"] as BatchStatus[])("ends %s", async (end) => {
    store.planTask([end]);
    const { id } = await claid.batches.create(seedRequest);
    expect((await claid.batches.retrieve(id)).status).toBe(end);
  });
});

describe("every documented error status maps to its class, with Claid's fields", () => {
  const cases: [number, typeof ClaidAPIError, string][] = [
    [400, BadRequestError, "general"],
    [401, AuthenticationError, "auth"],
    [402, PaymentRequiredError, "billing"],
    [403, PermissionDeniedError, "auth"],
    [404, NotFoundError, "general"],
    [409, ConflictError, "general"],
    [422, ValidationError, "validation"],
    [429, RateLimitError, "general"],
    [500, InternalServerError, "general"],
    [502, InternalServerError, "general"],
    [503, InternalServerError, "general"],
  ];
  describe.each(["create", "retrieve"] as MockOperation[])("%s", (operation) => {
    it.each(cases)("%i → %o", async (status, ErrorClass, errorType) => {
      store.injectFault({ type: "status", status }, { operation });
      const once = createClaid({ apiKey: API_KEY, maxRetries: 0 });
      const call = operation === "create" ? once.batches.create(seedRequest) : once.batches.retrieve(1);
      const error = (await call.catch((e: unknown) => e)) as ClaidAPIError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, errorType, requestId: "mock-000001" });
      expect(error.errorCode).toBeTypeOf("string");
      expect(error.errorMessage).toBeTypeOf("string");
      expect(error.errorDetails).toEqual({});
      expect(error.headers.get("RateLimit-Limit")).toBe("1000, 1000;w=60");
      expect(store.requestsOf(operation)).toHaveLength(1);
    });
  });

  it("a wrong key is an AuthenticationError", async () => {
    const wrong = createClaid({ apiKey: "wrong-key" });
    await expect(wrong.batches.retrieve(1)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("an unknown task is a NotFoundError", async () => {
    await expect(claid.batches.retrieve(12345)).rejects.toMatchObject({
      status: 404,
      errorMessage: "Batch image edit pipeline not found.",
    });
  });

  it("a body that fails the spec's schema is a ValidationError with field details", async () => {
    const invalid = { input: "storage://s/in/", operations: { resizing: { fit: "stretch" }, sharpen: 1 } };
    const error = (await claid.batches.create(invalid as never).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.errorDetails ?? {}).sort()).toEqual([
      "body.operations.resizing.fit",
      "body.operations.sharpen",
    ]);
    expect(error.message).toContain("body.operations.sharpen is not a known property");
  });

  it("a network failure is a ClaidConnectionError", async () => {
    store.injectFault({ type: "network-error" });
    await expect(claid.batches.create(seedRequest)).rejects.toBeInstanceOf(ClaidConnectionError);
    expect(store.requestsOf("create")).toHaveLength(1);
  });
});

describe("bad input never reaches the API", () => {
  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, "", "1/../x", "1?x", "%2e%2e"])("taskId %j", async (taskId) => {
    await expect(claid.batches.retrieve(taskId)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(store.requests).toHaveLength(0);
  });
});
