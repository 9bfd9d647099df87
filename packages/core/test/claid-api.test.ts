import { describe, expect, test } from "vitest";
import { InvalidArgumentError, isLoopbackHost, parseTaskId } from "../src/index.ts";

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
  ])("%j → %d", (value, expected) => {
    expect(parseTaskId(value)).toBe(expected);
  });

  test.each(["", "0x1F", "1e1", "-1", "1.0", " 1", "1/../x", "٣", -1, 1.5, Number.NaN, 2 ** 53, null, {}])(
    "refuses %j, naming taskId",
    (value) => {
      const error = (() => {
        try {
          parseTaskId(value);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe("taskId");
    },
  );
});
