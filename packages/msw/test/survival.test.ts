/**
 * The mock survives its users: huge (spec-valid) output sizes are served as scaled-down files that say so.
 */
import { getResponse } from "msw";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ClaidMockStore, createClaidHandlers } from "../src/index.ts";

const BASE = "https://api.claid.ai";

function mock() {
  const store = new ClaidMockStore();
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
