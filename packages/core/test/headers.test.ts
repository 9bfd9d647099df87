/** Server-given numbers: plain decimal digits only, and what the pacer may learn from them. */
import { describe, expect, it } from "vitest";
import { headerNumber, pacerHeaders, serverDelayMs } from "../src/internal/headers.ts";

const NOW = Date.UTC(2026, 10, 27, 9, 0, 0);

describe("headerNumber: plain decimal digits, anything else ignored", () => {
  it.each([
    ["0", 0],
    ["7", 7],
    ["0007", 7],
    ["99999999999999999999999", 1e23],
    ["1e400", undefined],
    ["1e1", undefined],
    ["0x10", undefined],
    ["0b101", undefined],
    ["0o17", undefined],
    ["-5", undefined],
    ["+5", undefined],
    ["1.5", undefined],
    ["Infinity", undefined],
    ["NaN", undefined],
    [" 5", undefined],
    ["5 ", undefined],
    ["", undefined],
    ["9".repeat(400), undefined],
    [null, undefined],
  ])("%j → %s", (value, expected) => {
    expect(headerNumber(value)).toBe(expected);
  });
});

describe("serverDelayMs", () => {
  const delay = (status: number, headers: Record<string, string>) =>
    serverDelayMs(new Response(null, { status, headers }), NOW);
  it.each([
    [429, { "Retry-After": "3" }, 3000],
    [429, { "Retry-After": "1e1" }, undefined],
    [429, { "Retry-After": "0x10", "RateLimit-Reset": "4" }, 4000],
    [429, { "Retry-After": new Date(NOW + 5000).toUTCString() }, 5000],
    [429, { "Retry-After": "Sun Nov  6 08:49:37 1994" }, 0],
    [429, { "Retry-After": "5 seconds" }, undefined],
    [429, { "RateLimit-Reset": "1e400" }, undefined],
    [429, { "RateLimit-Reset": "0b101" }, undefined],
    [200, { "RateLimit-Remaining": "0", "RateLimit-Reset": "6" }, 6000],
    [200, { "RateLimit-Remaining": "0x0", "RateLimit-Reset": "6" }, undefined],
    [200, { "RateLimit-Remaining": "3", "RateLimit-Reset": "6" }, undefined],
  ])("%i %j → %s ms", (status, headers, expected) => {
    expect(delay(status, headers)).toBe(expected);
  });
});

describe("pacerHeaders: malformed values dropped, long ones cut to maxServerDelayMs", () => {
  const CAP = 60_000;
  it.each([
    [
      { "RateLimit-Remaining": "0", "RateLimit-Reset": "7" },
      { remaining: "0", reset: "7" },
    ],
    [
      { "RateLimit-Remaining": "0", "RateLimit-Reset": "1e400" },
      { remaining: "0", reset: null },
    ],
    [
      { "RateLimit-Remaining": "0", "RateLimit-Reset": "0x10" },
      { remaining: "0", reset: null },
    ],
    [
      { "RateLimit-Remaining": "0", "RateLimit-Reset": "86400" },
      { remaining: "0", reset: "60" },
    ],
    [
      { "RateLimit-Remaining": "0x10", "RateLimit-Reset": "5" },
      { remaining: null, reset: "5" },
    ],
    [
      { "RateLimit-Remaining": "-1", "RateLimit-Reset": "5" },
      { remaining: null, reset: "5" },
    ],
  ])("%j → %j", (given, expected) => {
    const headers = pacerHeaders(new Headers(given), CAP);
    expect({ remaining: headers.get("ratelimit-remaining"), reset: headers.get("ratelimit-reset") }).toEqual(expected);
  });

  it("drops a window longer than the cap and keeps the others", () => {
    const headers = pacerHeaders(new Headers({ "RateLimit-Limit": "1, 1;w=1000000000, 4;w=1" }), CAP);
    expect(headers.get("ratelimit-limit")).toBe("1, 4;w=1");
  });

  it("returns the same headers when nothing needs changing", () => {
    const given = new Headers({ "RateLimit-Limit": "120;w=60", "RateLimit-Remaining": "3", "RateLimit-Reset": "9" });
    expect(pacerHeaders(given, CAP)).toBe(given);
  });
});
