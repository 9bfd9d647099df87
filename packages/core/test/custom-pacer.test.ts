/**
 * A custom pacer (a Durable Object over RPC, a Redis client) can fail in ways the built-in one
 * cannot: its acquire rejects with a non-SDK error, its release throws or rejects, or acquire
 * resolves to something that is not a function. After a create was answered, none of that may
 * turn the created batch into an error without its id, or crash the process.
 */
import { describe, expect, it } from "vitest";
import { ClaidError, createClaid, type RequestPacer } from "../src/index.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";

const KEY = "sk-pacer-0123456789abcdef";
const body = { input: "storage://s/in/", operations: {} };
const RUNNING = { data: { ...ACCEPTED.data, status: "PROCESSING" } };

/** A pacer whose n-th acquire (1-based) fails with `failure`; the others grant a slot whose release is `release`. */
function pacer(release: unknown, failAt?: number, failure: unknown = new TypeError("Network connection lost.")) {
  let acquired = 0;
  return {
    acquire: async () => {
      acquired++;
      if (acquired === failAt) throw failure;
      return release;
    },
    delayMs: () => 0,
  } as unknown as RequestPacer;
}

describe("a custom pacer failing after the create was answered", () => {
  it.each([
    [
      "release throws",
      () => {
        throw new Error("report boom");
      },
    ],
    [
      "release rejects",
      async () => {
        throw new Error("report boom");
      },
    ],
    ["acquire resolves to something that is not a function", 42],
  ])("%s: create() still yields the batch's id, and nothing is left unhandled", async (_, release) => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const stub = stubFetch(jsonResponse(200, ACCEPTED));
      const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, pacer: pacer(release) });
      await expect(claid.batches.create(body)).resolves.toMatchObject({ id: 7 });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it.each([
    ["a TypeError (an RPC that failed)", new TypeError("Network connection lost.")],
    ["a plain object", { code: "EPIPE" }],
  ])(
    "acquire for a poll rejects with %s: createAndWait's error is a ClaidError with the taskId",
    async (_, failure) => {
      const stub = stubFetch(jsonResponse(200, ACCEPTED), jsonResponse(200, RUNNING));
      const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, pacer: pacer(() => {}, 2, failure) });
      const error = (await claid.batches
        .createAndWait(body, { pollIntervalMs: 1 })
        .catch((e: unknown) => e)) as ClaidError;
      expect(error).toBeInstanceOf(ClaidError);
      expect(error).toMatchObject({ taskId: 7 });
      expect(error.hint).toMatch(/Batch 7 was created/);
      expect(error.cause).toBe(failure);
      expect(stub.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    },
  );

  it("acquire for a retried create (retryNonIdempotent) rejects with a TypeError: a ClaidError, outcome unknown", async () => {
    const stub = stubFetch(jsonResponse(503, {}));
    const claid = createClaid({
      apiKey: KEY,
      fetch: stub.fetch,
      retryNonIdempotent: true,
      pacer: pacer(() => {}, 2),
    });
    const error = (await claid.batches.create(body).catch((e: unknown) => e)) as ClaidError;
    expect(error).toBeInstanceOf(ClaidError);
    expect(error.outcomeUnknown).toBe(true);
    expect(stub.requests).toHaveLength(1);
  });
});

describe("a create answered with a negative id (the spec's task_id has no minimum)", () => {
  it("createAndWait() waits on that id instead of refusing it as an argument", async () => {
    const created = { data: { ...ACCEPTED.data, id: -5 } };
    const done = { data: { ...ACCEPTED.data, id: -5, status: "DONE", results: [], errors: [] } };
    const stub = stubFetch(jsonResponse(200, created), jsonResponse(200, done));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, rateLimit: false });
    await expect(claid.batches.createAndWait(body, { pollIntervalMs: 1 })).resolves.toMatchObject({
      id: -5,
      status: "DONE",
    });
    expect(new URL(stub.requests[1]?.url ?? "").pathname).toBe("/v1/image/edit/batch/-5");
  });
});
