import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createClaid, InvalidArgumentError, isClaidHost, isLoopbackHost, parseTaskId } from "../src/index.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";

describe("isLoopbackHost", () => {
  test.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["[::1]", true],
    ["localhost.evil.test", false],
    ["127.0.0.1.evil.test", false],
    ["128.0.0.1", false],
    ["::1", false],
    ["api.claid.ai", false],
    ["", false],
  ])("%j → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe("parseTaskId", () => {
  test.each([
    [42, 42],
    ["42", 42],
    [0, 0],
    ["007", 7],
    // The spec types task_id as an integer without a minimum: an id a create answered with is usable.
    [-5, -5],
    ["-5", -5],
  ])("%j → %d", (value, expected) => {
    expect(parseTaskId(value)).toBe(expected);
  });

  test.each([
    "",
    "0x1F",
    "1e1",
    "--1",
    "1.0",
    " 1",
    "-",
    "1/../x",
    "٣",
    1.5,
    Number.NaN,
    2 ** 53,
    -(2 ** 53),
    null,
    {},
  ])("refuses %j, naming taskId", (value) => {
    const error = (() => {
      try {
        parseTaskId(value);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe("taskId");
  });
});

describe("isClaidHost", () => {
  test.each([
    ["api.claid.ai", true],
    ["API.Claid.AI", true],
    ["api.claid.ai.", true],
    ["API.CLAID.AI.", true],
    ["api.claid.ai..", false],
    ["api.claid.ai.evil.test", false],
    ["xapi.claid.ai", false],
    ["claid.ai", false],
    ["localhost", false],
    ["", false],
  ])("%j → %s", (host, expected) => {
    expect(isClaidHost(host)).toBe(expected);
  });
});

describe("Claid's built-in rate limit applies to every spelling of its host", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Claid's policy allows 4 requests a second: a 5th started at once waits for the next second.
  // Any other host starts unpaced (its policy is learned from the answers, which announce none here).
  test.each([
    ["https://api.claid.ai", 4],
    ["https://api.claid.ai/", 4],
    ["https://api.claid.ai./", 4],
    ["https://API.Claid.AI./v1-proxy/", 4],
    ["https://api.claid.ai.evil.test/", 5],
    ["https://proxy.example.test/", 5],
  ])("%s: %d of 5 requests go at once", async (baseUrl, sentAtOnce) => {
    const stub = stubFetch(...Array.from({ length: 5 }, () => () => jsonResponse(200, ACCEPTED)));
    const claid = createClaid({ apiKey: "sk-test-0123456789abcdef", baseUrl, fetch: stub.fetch });
    const calls = Array.from({ length: 5 }, () => claid.batches.retrieve(7));
    await vi.advanceTimersByTimeAsync(500);
    expect(stub.requests).toHaveLength(sentAtOnce);
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(calls);
  });
});
