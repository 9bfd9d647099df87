/**
 * The mock survives its users: huge (spec-valid) output sizes are served as scaled-down files that say so,
 * and the store keeps a bounded number of tasks, per key and in all, forgetting the oldest first.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { getResponse } from "msw";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ClaidMockStore, type ClaidMockStoreOptions, createClaidHandlers } from "../src/index.ts";

const BASE = "https://api.claid.ai";

function mock(storeOptions: ClaidMockStoreOptions = {}) {
  const store = new ClaidMockStore(storeOptions);
  const handlers = createClaidHandlers({ store, pollsToComplete: 1, rateLimit: false });
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await getResponse(handlers, new Request(`${BASE}${path}`, init));
    if (!response) throw new Error(`no handler for ${path}`);
    return response;
  };
  const create = async (body: unknown, key = "k") => {
    const response = await send("/v1/image/edit/batch", {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: { id: number } }).data.id;
  };
  const retrieve = (id: number, key = "k") =>
    send(`/v1/image/edit/batch/${id}`, { headers: { Authorization: `Bearer ${key}` } });
  return { store, send, create, retrieve };
}

describe("result files of huge sizes", () => {
  it.each([
    // format, requested width × height, served width × height
    ["tiff", 200_000, 200_000, 4096, 4096],
    ["jpeg", 65_535, 65_535, 4096, 4096],
    ["png", 100_000, 50, 16_383, 8],
    ["webp", 20_000, 10, 16_383, 8],
    ["avif", 16_000, 15_000, 4230, 3965],
  ] as const)(
    "%s %i×%i is served as %i×%i, aspect kept, and the file says so",
    async (format, width, height, servedWidth, servedHeight) => {
      const { create, retrieve, send } = mock();
      const id = await create({
        input: ["https://img.example/huge.png"],
        operations: { resizing: { width, height } },
        output: { format: { type: format } },
      });
      const { data } = (await (await retrieve(id)).json()) as {
        data: { results: { output_object: { width: number; height: number; tmp_url: string } }[] };
      };
      const output = data.results[0]?.output_object;
      // The batch reports what Claid would have made; only the file is smaller.
      expect(output).toMatchObject({ width, height });
      const file = await send(new URL(output?.tmp_url ?? "").pathname);
      expect(file.status).toBe(200);
      expect(file.headers.get("x-claid-mock-scaled")).toBe(`${width}x${height}->${servedWidth}x${servedHeight}`);
      const metadata = await sharp(new Uint8Array(await file.arrayBuffer())).metadata();
      expect(metadata).toMatchObject({ width: servedWidth, height: servedHeight });
    },
  );

  it.each([
    [0, 10, "0x10->1x10"],
    [-5, -5, "-5x-5->1x1"],
  ])(
    "a spec-valid %i×%i (no pixels) is served as an image of at least 1×1, saying %s",
    async (width, height, header) => {
      const { create, retrieve, send } = mock();
      const id = await create({ input: ["https://img.example/a.png"], operations: { resizing: { width, height } } });
      const { data } = (await (await retrieve(id)).json()) as {
        data: { results: { output_object: { tmp_url: string } }[] };
      };
      const file = await send(new URL(data.results[0]?.output_object.tmp_url ?? "").pathname);
      expect(file.status).toBe(200);
      expect(file.headers.get("x-claid-mock-scaled")).toBe(header);
      const [w, h] = header.split("->")[1]?.split("x").map(Number) ?? [];
      expect(await sharp(new Uint8Array(await file.arrayBuffer())).metadata()).toMatchObject({ width: w, height: h });
    },
  );

  it("a file within the limits is served at its reported size, without the header", async () => {
    const { create, retrieve, send } = mock();
    const id = await create({
      input: ["https://img.example/a.png"],
      operations: { resizing: { width: 4000, height: 3000 } },
    });
    const { data } = (await (await retrieve(id)).json()) as {
      data: { results: { output_object: { tmp_url: string } }[] };
    };
    const file = await send(new URL(data.results[0]?.output_object.tmp_url ?? "").pathname);
    expect(file.headers.has("x-claid-mock-scaled")).toBe(false);
    expect(await sharp(new Uint8Array(await file.arrayBuffer())).metadata()).toMatchObject({
      width: 4000,
      height: 3000,
    });
  });
});

const small = (i: number) => ({ input: [`https://img.example/${i}.png`], operations: {} });

describe("the store's bounds", () => {
  it.each([
    // bounds, creates (key of each), ids kept afterwards
    ["maxTasks: 5", { maxTasks: 5 }, ["a", "b", "c", "d", "a", "b", "c", "d", "a", "b", "c", "d"], [8, 9, 10, 11, 12]],
    ["maxTasksPerKey: 2", { maxTasksPerKey: 2 }, ["a", "a", "b", "a", "b", "c", "b", "a"], [4, 5, 6, 7, 8]],
    ["both", { maxTasks: 3, maxTasksPerKey: 1 }, ["a", "a", "b", "c", "d", "d"], [3, 4, 6]],
  ] as const)("%s: the oldest tasks are forgotten first", async (_, bounds, keys, kept) => {
    const { store, create } = mock(bounds);
    for (const [i, key] of keys.entries()) await create(small(i), key);
    expect([...store.tasks.keys()]).toEqual(kept);
  });

  it("a forgotten task answers 404 exactly like one that never existed; the kept ones answer", async () => {
    const { create, retrieve } = mock({ maxTasks: 2 });
    for (let i = 0; i < 3; i++) await create(small(i), `key-${i}`);
    const forgotten = await retrieve(1, "key-0");
    const unknown = await retrieve(99, "key-0");
    expect(forgotten.status).toBe(404);
    expect(await forgotten.json()).toEqual(await unknown.json());
    expect((await retrieve(2, "key-1")).status).toBe(200);
    expect((await retrieve(3, "key-2")).status).toBe(200);
  });

  it("keeps at most maxKeptRequestBytes of requests (as JSON), oldest forgotten first; the newest is always kept", async () => {
    const { store, create, retrieve } = mock({ maxKeptRequestBytes: 5_000 });
    const body = (i: number, size: number) => ({
      input: ["https://img.example/a.png"],
      operations: { padding: `${i}`.padEnd(size, "0") },
    });
    for (let i = 0; i < 10; i++) await create(body(i, 1_500), `key-${i}`);
    const kept = [...store.tasks.values()];
    expect(kept.map((t) => t.result.id)).toEqual([8, 9, 10]);
    expect(kept.reduce((sum, t) => sum + JSON.stringify(t.result.request).length, 0)).toBeLessThanOrEqual(5_000);
    // A request larger than the whole budget replaces everything else and still answers.
    const id = await create(body(10, 6_000));
    expect([...store.tasks.keys()]).toEqual([id]);
    expect((await retrieve(id)).status).toBe(200);
  });

  it("answers echo the request as sent, while the store keeps it as compact JSON", async () => {
    const { store, create, retrieve } = mock();
    const request = { input: ["https://img.example/a.png"], operations: { resizing: { width: 300 } } };
    const id = await create(request);
    expect(((await (await retrieve(id)).json()) as { data: { request: unknown } }).data.request).toEqual(request);
    expect(store.tasks.get(id)?.result.request).toEqual(request);
  });

  it.each([
    ["maxTasks", 0],
    ["maxTasksPerKey", 1.5],
    ["maxKeptRequestBytes", -1],
  ] as const)("refuses %s: %s, naming it", (name, value) => {
    expect(() => new ClaidMockStore({ [name]: value })).toThrow(
      new RegExp(`^${name} must be a whole number ≥ 1, got ${value}`),
    );
  });

  it("150 creates of 1 MB each across 50 keys leave the heap at most the default budget larger (child process)", async () => {
    const script = fileURLToPath(new URL("./heap-after-creates.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--expose-gc", "--import", "tsx", script, "150", "50"],
      {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
      },
    );
    const { heapGrowthBytes, tasksKept, keptRequestBytes } = JSON.parse(stdout) as Record<string, number>;
    // The default budget is 64 MiB of kept requests; before the bounds, the heap grew by ~143 MiB.
    expect(keptRequestBytes).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect(tasksKept).toBeLessThan(150);
    expect(heapGrowthBytes).toBeLessThan(96 * 1024 * 1024);
  }, 120_000);
});
