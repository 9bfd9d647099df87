/** Telemetry events published on diagnostics_channel by @claid/node's client and downloadResults(). */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelName, withChannels } from "../src/channels.ts";
import {
  type BatchResult,
  type ClaidTelemetry,
  createClaid,
  downloadResults,
  InvalidArgumentError,
} from "../src/index.ts";

const KEY = "node-channels-key-0123456789";
let mock: ClaidMockServer;
beforeAll(async () => {
  mock = await createClaidMockServer({ apiKey: KEY, pollsToComplete: 1 });
});
afterAll(() => mock.close());

const CHANNELS = [
  "claid:attempt:start",
  "claid:attempt:end",
  "claid:pacer:wait",
  "claid:wait:start",
  "claid:wait:status",
  "claid:wait:end",
  "claid:download:start",
  "claid:download:end",
  "claid:file:start",
  "claid:file:end",
];

/** Subscribes to every channel while `run` runs; returns the channel of each message, in order, and the messages. */
async function published(run: () => Promise<unknown>) {
  const seen: { channel: string; message: Record<string, unknown> }[] = [];
  const listeners = CHANNELS.map((channel) => {
    const listener = (message: unknown) => seen.push({ channel, message: message as Record<string, unknown> });
    subscribe(channel, listener);
    return [channel, listener] as const;
  });
  try {
    await run();
  } finally {
    for (const [channel, listener] of listeners) unsubscribe(channel, listener);
  }
  return seen;
}

describe("diagnostics_channel", () => {
  it.each([
    ["attemptStart", "claid:attempt:start"],
    ["pacerWait", "claid:pacer:wait"],
    ["downloadEnd", "claid:download:end"],
  ] as const)("the hook %s is published on %s", (hook, name) => {
    expect(channelName(hook)).toBe(name);
  });

  it("without hooks of the caller's, telemetry is enabled only while a channel has a subscriber", () => {
    const telemetry = withChannels(undefined);
    expect(telemetry.enabled?.()).toBe(false);
    const listener = () => {};
    subscribe("claid:wait:end", listener);
    expect(telemetry.enabled?.()).toBe(true);
    unsubscribe("claid:wait:end", listener);
    expect(telemetry.enabled?.()).toBe(false);
    expect(withChannels({ waitEnd: () => {} }).enabled?.()).toBe(true);
  });

  it("a createAndWait publishes the wait and its attempts, and the client's own hooks still run", async () => {
    const own: string[] = [];
    const telemetry: ClaidTelemetry = { attemptEnd: (e) => void own.push(`${e.method} ${e.status}`) };
    const claid = createClaid({ apiKey: KEY, baseUrl: mock.url, telemetry });
    const seen = await published(() =>
      claid.batches.createAndWait({ input: ["https://image.site/a.png"], operations: {} }, { pollIntervalMs: 1 }),
    );
    const channels = seen.map((s) => s.channel);
    expect(channels[0]).toBe("claid:wait:start");
    expect(channels.at(-1)).toBe("claid:wait:end");
    expect(channels.filter((c) => c === "claid:attempt:start")).toHaveLength(own.length);
    expect(own[0]).toBe("POST 200");
    // A start and its end carry the same object.
    const starts = seen.filter((s) => s.channel === "claid:attempt:start").map((s) => s.message);
    const ends = seen.filter((s) => s.channel === "claid:attempt:end").map((s) => s.message);
    expect(ends).toEqual(starts);
    expect(ends.every((end, i) => end === starts[i])).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(KEY);
  });

  it("downloadResults publishes the download and each file, URLs without their query", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claid-channels-"));
    const object = { ext: "png", mps: 1, mime: "image/png", format: "PNG", width: 1, height: 1 };
    const result = {
      id: 7,
      status: "DONE",
      created_at: "2026-11-27T09:00:00Z",
      request: {},
      results: [
        { input_object: object, output_object: { ...object, tmp_url: "https://127.0.0.1:1/a.png?sig=SECRET" } },
      ],
    } as BatchResult;
    try {
      const fetch = async () => new Response("bytes", { status: 200 });
      const seen = await published(() => downloadResults(result, dir, { fetch }));
      expect(seen.map((s) => s.channel)).toEqual([
        "claid:download:start",
        "claid:file:start",
        "claid:file:end",
        "claid:download:end",
      ]);
      expect(seen[2]?.message).toMatchObject({
        index: 0,
        url: "https://127.0.0.1:1/a.png",
        outcome: "written",
        bytes: 5,
      });
      expect(seen[3]?.message).toMatchObject({ taskId: 7, files: 1, written: 1, skipped: 0, failed: 0, bytes: 5 });
      expect(JSON.stringify(seen)).not.toContain("SECRET");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a telemetry option that is not an object is an InvalidArgumentError naming it", async () => {
    const result = { id: 7, status: "DONE", created_at: "x", request: {}, results: [] } as unknown as BatchResult;
    await expect(downloadResults(result, "/nonexistent", { telemetry: "otel" as never })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(downloadResults(result, "/nonexistent", { telemetry: "otel" as never })).rejects.toThrow(
      /options\.telemetry/,
    );
  });
});
