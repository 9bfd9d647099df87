/**
 * Errors carry data: every InvalidArgumentError says what is wrong without its
 * argument's name (`problem`), advice sits in `hint`, and every error about a
 * created batch names it (`taskId`), so callers never parse messages.
 */
import { describe, expect, it } from "vitest";
import {
  BatchCancelledError,
  BatchFailedError,
  BatchWaitTimeoutError,
  ClaidError,
  createClaid,
  createRequestPacer,
  describeValue,
  InternalServerError,
  InvalidArgumentError,
  parseTaskId,
} from "../src/index.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";

const KEY = "sk-errors-0123456789abcdef";
const stub = () => stubFetch(jsonResponse(200, ACCEPTED));

/** A call that throws (or rejects with) an InvalidArgumentError. */
const REJECTED: [string, () => unknown][] = [
  ["apiKey missing", () => createClaid({ apiKey: undefined, env: {} })],
  ["apiKey not a string", () => createClaid({ apiKey: 42 as never })],
  ["apiKey too short", () => createClaid({ apiKey: "abc" })],
  ["apiKey with whitespace", () => createClaid({ apiKey: " sk-live-0123456789" })],
  ["CLAID_API_KEY empty", () => createClaid({ env: { CLAID_API_KEY: "" } })],
  ["baseUrl not a URL", () => createClaid({ apiKey: KEY, baseUrl: "nope" })],
  ["baseUrl plain http", () => createClaid({ apiKey: KEY, baseUrl: "http://api.example.test" })],
  ["options not an object", () => createClaid(null as never)],
  ["headers invalid", () => createClaid({ apiKey: KEY, headers: { "X-A": "a\r\nB: 1" } })],
  ["maxRetries negative", () => createClaid({ apiKey: KEY, maxRetries: -1 })],
  ["taskId", () => parseTaskId("1/../x")],
  ["pacer policy", () => createRequestPacer({ policy: "nonsense" })],
  ["create body", () => createClaid({ apiKey: KEY, fetch: stub().fetch }).batches.create(null as never)],
  [
    "create body not JSON",
    () => createClaid({ apiKey: KEY, fetch: stub().fetch }).batches.create({ input: 1n } as never),
  ],
  [
    "check state",
    () => createClaid({ apiKey: KEY, fetch: stub().fetch }).batches.check({ taskId: 7, checks: -1 } as never),
  ],
  [
    "per-call headers invalid",
    () => createClaid({ apiKey: KEY, fetch: stub().fetch }).batches.retrieve(7, { headers: { "X-A": "a\nb" } }),
  ],
];

async function rejection(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("InvalidArgumentError: argument and problem", () => {
  it.each(REJECTED)("%s: the message is argument + problem (+ hint), the problem without the name", async (_, call) => {
    const error = (await rejection(call)) as InvalidArgumentError;
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.problem).toMatch(/\S/);
    expect(error.problem.startsWith(error.argument)).toBe(false);
    expect(error.message).toBe(`${error.argument} ${error.problem}${error.hint ? ` ${error.hint}` : ""}`);
  });

  it("advice in SDK terms is the hint, apart from the problem", async () => {
    const error = (await rejection(REJECTED[6]?.[1] as () => unknown)) as InvalidArgumentError;
    expect(error).toMatchObject({ argument: "baseUrl", hint: expect.stringContaining("allowInsecureHttp") });
    expect(error.problem).not.toContain("allowInsecureHttp");
  });
});

describe("hint and taskId", () => {
  it("a create() of unknown outcome says so in outcomeUnknown and its advice in hint, the message ending with it", async () => {
    const { fetch } = stubFetch(jsonResponse(500, {}));
    const error = (await createClaid({ apiKey: KEY, fetch })
      .batches.create({ input: "storage://s/in/", operations: {} })
      .catch((e: unknown) => e)) as ClaidError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ outcomeUnknown: true, taskId: undefined, hint: expect.stringMatching(/\S/) });
    expect(error.message.endsWith(` ${error.hint}`)).toBe(true);
  });

  it("a GET error has no hint", async () => {
    const { fetch } = stubFetch(jsonResponse(404, {}));
    const error = (await createClaid({ apiKey: KEY, fetch })
      .batches.retrieve(7)
      .catch((e: unknown) => e)) as ClaidError;
    expect(error).toMatchObject({ hint: undefined, outcomeUnknown: false });
  });

  const result = {
    id: 7,
    status: "ERROR" as const,
    created_at: "2026-11-27T08:00:00+00:00",
    request: { input: "storage://s/in/", operations: {} },
  };
  it.each([
    ["BatchFailedError", new BatchFailedError(result), 7],
    ["BatchCancelledError", new BatchCancelledError({ ...result, status: "CANCELLED" }), 7],
    ["BatchWaitTimeoutError after the create", new BatchWaitTimeoutError(7, "PROCESSING", 1000), 7],
    [
      "BatchWaitTimeoutError before the create answered",
      new BatchWaitTimeoutError(undefined, undefined, 1000),
      undefined,
    ],
  ])("%s carries taskId %s", (_, error, taskId) => {
    expect(error.taskId).toBe(taskId);
  });

  it("a ClaidError built with a hint keeps it and appends it to the message", () => {
    const error = new ClaidError("It failed.", { hint: "Try again.", taskId: 3 });
    expect(error).toMatchObject({ message: "It failed. Try again.", hint: "Try again.", taskId: 3 });
  });
});

describe("describeValue", () => {
  it.each([
    ["a short string", "abc", '"abc"'],
    ["a long string, cut", "x".repeat(100), JSON.stringify(`${"x".repeat(80)}…`)],
    ["a number", 3, "3"],
    ["null", null, "null"],
    ["an array", [1], "an array"],
    ["an object", { a: 1 }, "an object"],
    ["a function", () => 1, "a function"],
  ])("%s", (_, value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });
});
