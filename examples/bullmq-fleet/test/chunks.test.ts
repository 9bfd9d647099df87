import { InvalidArgumentError } from "@claid/node";
import { describe, expect, it } from "vitest";
import { chunkJobId } from "../src/chunks.ts";
import { readSettings } from "../src/settings.ts";

const body = { input: ["https://img.example/a.png"], operations: { resizing: { width: 100, height: 50 } } };

describe("chunkJobId", () => {
  it.each([
    ["the same body", body, true],
    ["its keys in another order", { operations: { resizing: { height: 50, width: 100 } }, input: body.input }, true],
    ["another URL", { ...body, input: ["https://img.example/b.png"] }, false],
    ["one URL more", { ...body, input: [...body.input, "https://img.example/b.png"] }, false],
    ["other operations", { ...body, operations: { resizing: { width: 101, height: 50 } } }, false],
    ["an output added", { ...body, output: { format: "png" as const } }, false],
  ])("%s → same id: %s", (_, other, same) => {
    expect(chunkJobId(other) === chunkJobId(body)).toBe(same);
  });

  it("is a BullMQ custom id: not an integer, no colon", () => {
    expect(chunkJobId(body)).toMatch(/^chunk-[0-9a-f]{32}$/);
  });
});

describe("readSettings", () => {
  const redis = { REDIS_URL: "redis://127.0.0.1:6379" };
  it.each([
    [{}, "REDIS_URL"],
    [{ REDIS_URL: "127.0.0.1:6379" }, "REDIS_URL"],
    [{ ...redis, FLEET_CONCURRENCY: "0" }, "FLEET_CONCURRENCY"],
    [{ ...redis, FLEET_LOCK_MS: "soon" }, "FLEET_LOCK_MS"],
    [{ ...redis, FLEET_POLL_INTERVAL_MS: "1.5" }, "FLEET_POLL_INTERVAL_MS"],
  ])("%j is refused, naming %s", (env, argument) => {
    expect(() => readSettings(env)).toThrow(expect.objectContaining({ name: InvalidArgumentError.name, argument }));
  });

  it("fills in the defaults", () => {
    expect(readSettings(redis)).toEqual({
      redisUrl: redis.REDIS_URL,
      outDir: "./out",
      concurrency: 4,
      lockMs: 30_000,
      pollIntervalMs: undefined,
      rateLimit: undefined,
    });
  });
});
