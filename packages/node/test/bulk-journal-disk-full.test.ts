/**
 * A journal record that cannot be written whole (a full disk writes part of it, then fails) must fail
 * the append: a created batch whose "submitted" record is lost would be reported unknown on the next
 * run and, with --retry-unknown, billed twice.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClaidMockServer } from "@claid/msw/node";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ClaidError } from "../src/index.ts";

/** writeSync that, once armed, writes half of what it is given and then fails as a full disk does. */
const disk = vi.hoisted(() => ({ full: false, stuck: false }));
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  let lastWriteWasPartial = false;
  const writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    if (disk.stuck) return 0;
    if (!disk.full) return (fs.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    if (lastWriteWasPartial)
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    lastWriteWasPartial = true;
    const bytes =
      typeof data === "string" ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return fs.writeSync(fd, bytes.subarray(0, Math.floor(bytes.length / 2)));
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { apiIdentity, Journal } = await import("../src/bulk/journal.ts");
const { processInBatches } = await import("../src/bulk/run.ts");

const folder = mkdtempSync(join(tmpdir(), "claid-journal-full-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a journal on a full disk", () => {
  it("an append that is written only in part fails, naming the cause, instead of passing for written", () => {
    const path = join(folder, "urls.txt.claid-journal");
    const journal = Journal.open(path, "command", apiIdentity("https://api.claid.ai", "sk-test-0123456789"));
    try {
      journal.append(1, { submission: "submitting" });
      disk.full = true;
      expect(() => journal.append(1, { submission: "submitted", taskId: 501 })).toThrow(/ENOSPC/);
    } finally {
      disk.full = false;
      journal.close();
    }
    expect(readFileSync(path, "utf8")).toContain('"submission":"submitting"');
  });

  it("a file that accepts no more bytes (writeSync keeps answering 0) fails the append instead of looping", () => {
    const path = join(folder, "stuck.claid-journal");
    const journal = Journal.open(path, "command", apiIdentity("https://api.claid.ai", "sk-test-0123456789"));
    try {
      disk.stuck = true;
      expect(() => journal.append(1, { submission: "submitted", taskId: 502 })).toThrow(/accepted no more bytes/);
    } finally {
      disk.stuck = false;
      journal.close();
    }
  });

  it("processInBatches: a batch created whose 'submitted' record cannot be written rejects with a ClaidError naming it", async () => {
    const key = "disk-full-test-key-0123456789";
    const server = await createClaidMockServer({ apiKey: key });
    // The disk fills while the POST is in flight: after 'submitting', before 'submitted'.
    server.store.injectFault({ type: "latency", ms: 300 }, { operation: "create" });
    const armed = setInterval(() => {
      if (server.store.requestsOf("create").length > 0) disk.full = true;
    }, 5);
    try {
      const error = await processInBatches(["https://img.example/1.png"], {
        client: { apiKey: key, baseUrl: server.url },
        request: { operations: {} },
        journal: join(folder, "run.claid-journal"),
        wait: false,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClaidError);
      expect(error).toMatchObject({
        taskId: 1,
        message: expect.stringMatching(/^Batch 1 was created for chunk 1, but .*ENOSPC/),
      });
    } finally {
      clearInterval(armed);
      disk.full = false;
      await server.close();
    }
  });
  it("processInBatches: the disk full while 4 POSTs are in flight: the rejection names every batch created and not recorded", async () => {
    const key = "disk-full-test-key-0123456789";
    const server = await createClaidMockServer({ apiKey: key });
    for (let i = 0; i < 4; i++) server.store.injectFault({ type: "latency", ms: 300 }, { operation: "create" });
    const armed = setInterval(() => {
      if (server.store.requestsOf("create").length === 4) disk.full = true;
    }, 5);
    try {
      const error = await processInBatches(
        [
          "https://img.example/1.png",
          "https://img.example/2.png",
          "https://img.example/3.png",
          "https://img.example/4.png",
        ],
        {
          client: { apiKey: key, baseUrl: server.url, rateLimit: "100;w=1" },
          request: { operations: {} },
          batchSize: 1,
          journal: join(folder, "four.claid-journal"),
          wait: false,
        },
      ).catch((e: unknown) => e);
      expect(server.store.requestsOf("create")).toHaveLength(4);
      expect(error).toBeInstanceOf(ClaidError);
      for (const taskId of [1, 2, 3, 4]) expect((error as Error).message).toContain(`Batch ${taskId} `);
    } finally {
      clearInterval(armed);
      disk.full = false;
      await server.close();
    }
  });

  it("processInBatches: the disk full once batches are waited on: the run rejects naming the cause, with no unhandled rejection", async () => {
    const key = "disk-full-test-key-0123456789";
    const server = await createClaidMockServer({ apiKey: key, pollsToComplete: 1 });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const armed = setInterval(() => {
      if (server.store.requestsOf("retrieve").length > 0) disk.full = true;
    }, 1);
    try {
      const error = await processInBatches(
        (async function* () {
          yield "https://img.example/1.png";
          // The reader is slow: the run awaits it, not its batches, when the first one settles.
          await new Promise((resolve) => setTimeout(resolve, 500));
          yield "https://img.example/2.png";
        })(),
        {
          client: { apiKey: key, baseUrl: server.url, poll: { pollIntervalMs: 10 } },
          request: { operations: {} },
          batchSize: 1,
          journal: join(folder, "waited.claid-journal"),
        },
      ).catch((e: unknown) => e);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      expect((error as Error).message).toMatch(/ENOSPC/);
    } finally {
      clearInterval(armed);
      disk.full = false;
      process.off("unhandledRejection", onUnhandled);
      await server.close();
    }
  });
});
