import { InvalidArgumentError } from "@claid/core";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLAID_RATE_LIMIT, type ClaidHandlersOptions, ClaidMockStore, createClaidHandlers } from "../src/index.ts";

const BASE = "https://api.claid.ai";
const server = setupServer();
/** The handlers' clock, moved by hand. */
let clock = 0;
let store: ClaidMockStore;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  clock = 0;
});

function use(options: ClaidHandlersOptions) {
  store = new ClaidMockStore();
  server.resetHandlers(...createClaidHandlers({ store, now: () => clock, ...options }));
}

/** A GET with `key` as the bearer token; 404s (no such task) still count against the key. */
async function get(key = "key-a") {
  const response = await fetch(`${BASE}/v1/image/edit/batch/1`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const rateLimitHeaders = (headers: Headers) => ({
  limit: headers.get("RateLimit-Limit"),
  remaining: headers.get("RateLimit-Remaining"),
  reset: headers.get("RateLimit-Reset"),
});

/** `count` requests of `key` at the current clock, one after the other; their statuses. */
async function statuses(count: number, key?: string) {
  const answers: number[] = [];
  for (let i = 0; i < count; i++) answers.push((await get(key)).status);
  return answers;
}

describe("Claid's policy (120 per minute, 4 per second)", () => {
  beforeEach(() => use({ rateLimit: CLAID_RATE_LIMIT }));

  it("announces both windows on every answer; the first number is the quota of the window closest to exhaustion", async () => {
    expect(rateLimitHeaders((await get()).headers)).toEqual({
      limit: "4, 120;w=60, 4;w=1",
      remaining: "3",
      reset: "1",
    });
    clock = 1000;
    expect(rateLimitHeaders((await get()).headers)).toEqual({
      limit: "4, 120;w=60, 4;w=1",
      remaining: "3",
      reset: "1",
    });
    // 4 per second until 30 s: now the minute's quota, not the second's, is the one about to run out.
    for (let second = 2; second <= 30; second++) {
      clock = second * 1000;
      expect(await statuses(4)).toEqual([404, 404, 404, 404]);
    }
    clock = 31_000;
    expect(rateLimitHeaders((await get()).headers)).toEqual({
      limit: "120, 120;w=60, 4;w=1",
      remaining: "1",
      reset: "29",
    });
  });

  it("enforces both windows: the fifth request in a second, then the 121st in a minute, gets 429", async () => {
    expect(await statuses(5)).toEqual([404, 404, 404, 404, 429]);
    for (let second = 1; second < 30; second++) {
      clock = second * 1000;
      expect(await statuses(4)).toEqual([404, 404, 404, 404]);
    }
    clock = 30_000;
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(rateLimitHeaders(refused.headers)).toEqual({ limit: "120, 120;w=60, 4;w=1", remaining: "0", reset: "30" });
    clock = 60_000;
    expect(await statuses(5)).toEqual([404, 404, 404, 404, 429]);
  });

  it("answers 429 like Claid: no Retry-After, the error body wrapped in detail", async () => {
    await statuses(4);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBeNull();
    expect(refused.headers.get("Content-Type")).toBe("application/json");
    expect(refused.body).toEqual({
      detail: { error_code: "160", error_type: "general", error_message: "Too many requests.", error_details: {} },
    });
    expect(store.requests.map((r) => r.status)).toEqual([404, 404, 404, 404, 429]);
  });

  it("limits each key on its own", async () => {
    expect(await statuses(5, "key-a")).toEqual([404, 404, 404, 404, 429]);
    expect(await statuses(5, "key-b")).toEqual([404, 404, 404, 404, 429]);
    const other = await get("key-c");
    expect(rateLimitHeaders(other.headers)).toMatchObject({ remaining: "3" });
  });
});

describe("sliding windows", () => {
  it("frees a slot when its oldest request leaves the window, not at a fixed boundary", async () => {
    use({ rateLimit: "2;w=10" });
    await get();
    clock = 9000;
    await get();
    clock = 10_500;
    // A fixed window [10 s, 20 s) would take both; sliding, the request at 9 s still counts.
    const [first, second] = [await get(), await get()];
    expect(first.status).toBe(404);
    expect(second.status).toBe(429);
    expect(rateLimitHeaders(second.headers)).toEqual({ limit: "2, 2;w=10", remaining: "0", reset: "9" });
    clock = 18_999;
    expect(await statuses(1)).toEqual([429]);
    clock = 19_000;
    expect(await statuses(2)).toEqual([404, 429]);
  });

  it("does not count refused requests against the key", async () => {
    use({ rateLimit: [{ quota: 1, windowSeconds: 5 }] });
    expect(await statuses(1)).toEqual([404]);
    clock = 4000;
    expect(await statuses(2)).toEqual([429, 429]);
    clock = 5000;
    expect(await statuses(2)).toEqual([404, 429]);
  });

  it("counts requests on arrival, so concurrent ones cannot all slip in during the latency", async () => {
    use({ rateLimit: "2;w=30", latencyMs: 20 });
    const burst = await Promise.all([get(), get(), get(), get()]);
    expect(burst.map((r) => r.status).sort()).toEqual([404, 404, 429, 429]);
  });
});

describe("rateLimit option", () => {
  it("false: no limit and no RateLimit headers", async () => {
    use({ rateLimit: false });
    const answers = await Promise.all(Array.from({ length: 50 }, () => get()));
    expect(answers.every((a) => a.status === 404 && a.headers.get("RateLimit-Limit") === null)).toBe(true);
  });

  it("defaults to 1000 per minute, announced the same way", async () => {
    use({});
    expect(rateLimitHeaders((await get()).headers)).toEqual({
      limit: "1000, 1000;w=60",
      remaining: "999",
      reset: "60",
    });
  });

  it.each([
    ["garbage", "nonsense"],
    ["a bare number", "120"],
    ["no windows", []],
    ["a zero quota", [{ quota: 0, windowSeconds: 1 }]],
    ["a negative window", [{ quota: 2, windowSeconds: -1 }]],
  ])("rejects %s with InvalidArgumentError naming rateLimit", (_, rateLimit) => {
    const create = () => createClaidHandlers({ rateLimit: rateLimit as ClaidHandlersOptions["rateLimit"] });
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(expect.objectContaining({ argument: "rateLimit" }));
  });

  it("leaves injected 429s as they were: Retry-After and the plain error body", async () => {
    use({ rateLimit: CLAID_RATE_LIMIT });
    store.injectFault({ type: "status", status: 429 });
    const injected = await get();
    expect(injected.status).toBe(429);
    expect(injected.headers.get("Retry-After")).toBe("1");
    expect(injected.body).toMatchObject({ error_code: "160", error_type: "general" });
  });
});
