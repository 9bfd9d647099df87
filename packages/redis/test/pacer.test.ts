/**
 * createRedisPacer() on a real redis-server: what only a shared pacer must do — two pacers
 * (two processes' worth: separate clients and ids) sharing order and feedback, entries of a
 * vanished process lapsing, Redis down — and its options.
 */
import { createClaid, InvalidArgumentError, parseRateLimitPolicy, RateLimitDeadlineError } from "@claid/core";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { busiestWindow, conformanceServer } from "@claid/pacer-conformance";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { API_KEY } from "../../../tests/support/mock-server.ts";
import { type RedisServer, startRedisServer } from "../../../tests/support/redis-server.ts";
import { createRedisPacer, type RedisPacer, RedisUnavailableError } from "../src/index.ts";

let server: RedisServer;
let mock: ClaidMockServer | undefined;
const pacers: RedisPacer[] = [];
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(() => server?.stop());
afterEach(async () => {
  await Promise.all(pacers.splice(0).map((p) => p.close()));
  await mock?.close();
  mock = undefined;
});

let namespaces = 0;
/** `count` pacers on one new namespace, as `count` processes of a fleet would have. */
function fleetOf(count: 2, options: { policy?: string; maxConcurrentRequests?: number }): [RedisPacer, RedisPacer];
function fleetOf(count: 1, options: { policy?: string; maxConcurrentRequests?: number }): [RedisPacer];
function fleetOf(count: number, options: { policy?: string; maxConcurrentRequests?: number }): RedisPacer[] {
  const namespace = `pacer-test-${++namespaces}`;
  const made = Array.from({ length: count }, () => createRedisPacer({ redis: server.url, namespace, ...options }));
  pacers.push(...made);
  return made;
}
const answer = (headers: Record<string, string> = {}) => new Headers({ "RateLimit-Limit": "50;w=1", ...headers });

describe("createRedisPacer across processes", () => {
  it("a create waiting in one process goes before polls waiting longer in another", async () => {
    const [a, b] = fleetOf(2, { policy: "1;w=0.5" });
    (await a.acquire({ kind: "poll" }))(answer());
    const order: string[] = [];
    const now = Date.now();
    const polls = [1, 2, 3].map(async (i) => {
      (await a.acquire({ kind: "poll", dueAt: now - 100 * i }))(answer());
      order.push(`a poll due -${100 * i}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const create = (async () => {
      (await b.acquire({ kind: "create" }))(answer());
      order.push("b create");
    })();
    await Promise.all([...polls, create]);
    expect(order).toEqual(["b create", "a poll due -300", "a poll due -200", "a poll due -100"]);
  });

  it("RateLimit-Remaining: 0 seen by one process holds the other until RateLimit-Reset", async () => {
    const [a, b] = fleetOf(2, { policy: "50;w=1" });
    (await b.acquire({ kind: "poll" }))(answer());
    const release = await a.acquire({ kind: "create" });
    const resetAt = Date.now() + 1000;
    release(answer({ "RateLimit-Remaining": "0", "RateLimit-Reset": "1" }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await b.acquire({ kind: "poll" });
    expect(Date.now()).toBeGreaterThanOrEqual(resetAt);
  });

  it("RateLimit-Remaining: 0 the fleet's own log explains holds no one past the log (a whole-second Reset is not a pause)", async () => {
    const [a, b] = fleetOf(2, { policy: "3;w=1" });
    (await a.acquire({ kind: "poll" }))(answer({ "RateLimit-Limit": "3;w=1" }));
    (await a.acquire({ kind: "poll" }))(answer({ "RateLimit-Limit": "3;w=1" }));
    // The third send the log holds: the server's 0 is what the log says, its Reset (5) rounds far up.
    (await a.acquire({ kind: "poll" }))(
      answer({ "RateLimit-Limit": "3, 3;w=1", "RateLimit-Remaining": "0", "RateLimit-Reset": "5" }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await b.acquire({ kind: "poll", deadlineAt: Date.now() + 3000 });
  });

  it("a tighter RateLimit-Limit learned by one process paces the other: a deadline it cannot meet rejects", async () => {
    const [a, b] = fleetOf(2, { policy: "50;w=1" });
    (await a.acquire({ kind: "create" }))(answer({ "RateLimit-Limit": "1;w=10" }));
    (await b.acquire({ kind: "poll" }))(answer());
    const error = await b.acquire({ kind: "poll", deadlineAt: Date.now() + 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitDeadlineError);
  });

  it("the in-flight cap of a process that vanished mid-request (no release, no heartbeat) lapses", async () => {
    const [a, b] = fleetOf(2, { policy: "50;w=1", maxConcurrentRequests: 1 });
    (await a.acquire({ kind: "poll" }))(answer()); // ends slow start
    await a.acquire({ kind: "create" }); // never released
    await a.close(); // the process is gone: its heartbeat stops
    // Without the lapse this would wait forever (the test's timeout).
    const release = await b.acquire({ kind: "create" });
    release(answer());
  });
});

describe("slow start", () => {
  it("a fresh fleet (no state on Redis, none seen before) runs at once after its first answer: no slow start", async () => {
    const [a, b] = fleetOf(2, { policy: "50;w=60, 10;w=1" });
    (await a.acquire({ kind: "poll" }))(answer());
    // Not released: with a slow start, the second would wait for the first's answer (past its deadline).
    await a.acquire({ kind: "poll" });
    await b.acquire({ kind: "poll", deadlineAt: Date.now() + 1000 });
  });

  it("a process that saw the fleet's state and finds it gone (Redis restarted) slow-starts the fleet: one in flight", async () => {
    const [pacer] = fleetOf(1, { policy: "50;w=60, 10;w=1" });
    (await pacer.acquire({ kind: "poll" }))(answer());
    await server.kill();
    await server.start();
    (await pacer.acquire({ kind: "poll" }))(answer());
    await pacer.acquire({ kind: "poll" }); // in flight, never answered
    const error = await pacer.acquire({ kind: "poll", deadlineAt: Date.now() + 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitDeadlineError);
  });

  it("a request registered while its script is not yet cached on Redis leaves no ghost entry in the fleet's queue", async () => {
    const namespace = `pacer-test-${++namespaces}`;
    const client = new Redis(server.url);
    await client.script("FLUSH");
    const pacer = createRedisPacer({ redis: client, namespace, policy: "1000;w=60" });
    pacers.push(pacer);
    (await pacer.acquire({ kind: "poll" }))(new Headers());
    await client.ping(); // the first release is in
    // Its registration meets NOSCRIPT and is sent again, after its own grant.
    (await pacer.acquire({ kind: "poll" }))(new Headers());
    await client.ping();
    expect(await client.zcard(`{${namespace}}:polls`)).toBe(0);
    client.disconnect();
  });
});

describe("Redis restarted: the sends its lost log held still count at the server", () => {
  // a and b are two processes; each letter is one request sent (acquired, arrived at the server,
  // released with the server's answer), one after another.
  it.each([
    ["a window full at the restart", "4;w=5", "aabb", 0, "abab"],
    ["the longest window full, the shortest free again", "3;w=5, 2;w=0.5", "aba", 600, "ba"],
    ["one process gone idle after filling the window (nothing waiting, nothing in flight)", "5;w=5", "abbbb", 0, "aa"],
  ])("%s (%s): no window over its quota", async (_, policy, before, pauseMs, after) => {
    const claid = conformanceServer(policy);
    const [a, b] = fleetOf(2, { policy });
    const send = async (name: string) => (await (name === "a" ? a : b).acquire({ kind: "poll" }))(claid.arrive());
    for (const name of before) await send(name);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    await server.kill();
    await server.start();
    for (const name of after) await send(name);
    expect(claid.tooMany).toBe(0);
    for (const { quota, windowSeconds } of parseRateLimitPolicy(policy)) {
      expect(busiestWindow(claid.arrivals, windowSeconds)).toBeLessThanOrEqual(quota);
    }
  });
});

describe("Redis unreachable", () => {
  it("requests wait, none is sent, and fail at their deadline with RedisUnavailableError naming the cause", async () => {
    const down = await startRedisServer();
    await down.kill();
    mock = await createClaidMockServer({ apiKey: API_KEY });
    const pacer = createRedisPacer({ redis: down.url, namespace: "down", policy: "10;w=1" });
    pacers.push(pacer);
    const claid = createClaid({ apiKey: API_KEY, baseUrl: mock.url, pacer });
    const error = await claid.batches
      .createAndWait({ input: "https://img.example/a.png", operations: {} }, { maxWaitMs: 1500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toMatch(/Redis could not be reached \(.*ECONNREFUSED.*\)\. Nothing was sent\./);
    expect((error as RedisUnavailableError).outcomeUnknown).toBe(false);
    expect(mock.store.requests).toEqual([]);
  });

  it("a request waiting while Redis restarts is granted once it is back", async () => {
    const [pacer] = fleetOf(1, { policy: "10;w=1" });
    (await pacer.acquire({ kind: "poll" }))(answer());
    await server.kill();
    const waiting = pacer.acquire({ kind: "create" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.start();
    (await waiting)(answer());
  });
});

describe("options", () => {
  const client = new Redis({ lazyConnect: true });
  afterAll(() => client.disconnect());
  it.each([
    ["redis", { redis: 42 }, /redis must be an ioredis client or a redis:\/\/ URL, got 42/],
    ["redis (a URL of another scheme, never echoed)", { redis: "http://user:secret@x" }, /^redis must be .*URL\.$/],
    ["namespace", { redis: client, namespace: "a b" }, /namespace must be 1 to 100 letters/],
    ["marginMs", { redis: client, marginMs: -1 }, /marginMs must be a number ≥ 0, got -1/],
    [
      "maxConcurrentRequests",
      { redis: client, maxConcurrentRequests: 1.5 },
      /maxConcurrentRequests must be an integer ≥ 1/,
    ],
    ["policy", { redis: client, policy: "lots" }, /policy must be windows or a RateLimit-Limit value/],
    ["baseUrl", { redis: client, baseUrl: "not a url" }, /baseUrl must be a URL/],
  ])("a bad %s is an InvalidArgumentError naming it", (argument, options, message) => {
    const error = (() => {
      try {
        createRedisPacer(options as never);
      } catch (e) {
        return e as InvalidArgumentError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error?.argument).toBe(argument.split(" ")[0]);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(/secret/);
  });
});
