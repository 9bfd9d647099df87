/** The mock's result files are real images: the format and size the batch result reports, decodable by libvips. */
import { setupServer } from "msw/node";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeImage, type MockImageFormat } from "../src/images.ts";
import { ClaidMockStore, createClaidHandlers } from "../src/index.ts";

const BASE = "https://api.claid.ai";
const AUTH = { Authorization: "Bearer test-key", "Content-Type": "application/json" };
const FORMATS: MockImageFormat[] = ["png", "jpeg", "webp", "avif", "tiff"];
/** sharp's name for each format (AVIF is read through libheif). */
const SHARP_FORMAT: Record<MockImageFormat, string> = {
  png: "png",
  jpeg: "jpeg",
  webp: "webp",
  avif: "heif",
  tiff: "tiff",
};

async function decode(bytes: Uint8Array) {
  const image = sharp(bytes);
  const { format } = await image.metadata();
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = new Set<string>();
  for (let i = 0; i < data.length; i += 3) pixels.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
  return { format, width: info.width, height: info.height, pixels: [...pixels] };
}

describe("encodeImage", () => {
  const colour = { r: 200, g: 30, b: 90 };
  it.each(
    FORMATS.flatMap((format) =>
      [
        [1, 1],
        [200, 200],
        [803, 17],
        [1000, 1000],
        [2100, 60],
      ].map(([width, height]) => [format, width, height] as const),
    ),
  )("%s %i×%i decodes fully to that size, every pixel one colour", async (format, width, height) => {
    const decoded = await decode(encodeImage(format, width as number, height as number, colour));
    expect(decoded).toMatchObject({ format: SHARP_FORMAT[format], width, height });
    expect(decoded.pixels).toHaveLength(1);
    if (format !== "avif") {
      // JPEG's colour conversion rounds; AVIF's colour is fixed (a pre-encoded tile).
      const [r, g, b] = (decoded.pixels[0] as string).split(",").map(Number);
      for (const [got, want] of [
        [r, colour.r],
        [g, colour.g],
        [b, colour.b],
      ] as const)
        expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(format === "jpeg" ? 2 : 0);
    }
  });

  it("stays small at large sizes", () => {
    for (const format of FORMATS) expect(encodeImage(format, 4000, 3000, colour).length).toBeLessThan(300_000);
  });

  it("refuses sizes a format cannot hold, naming them", () => {
    expect(() => encodeImage("webp", 16_384, 8, colour)).toThrow(/WebP holds at most 16383×16383, got 16384×8/);
    expect(() => encodeImage("webp", 20_000, 10, colour)).toThrow(/WebP holds at most 16383×16383, got 20000×10/);
    expect(() => encodeImage("png", 0, 10, colour)).toThrow(RangeError);
  });
});

describe("result files served at tmp_url", () => {
  const store = new ClaidMockStore();
  const server = setupServer(...createClaidHandlers({ store, pollsToComplete: 1 }));
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  async function finishedBatch(body: unknown) {
    const created = await fetch(`${BASE}/v1/image/edit/batch`, {
      method: "POST",
      headers: AUTH,
      body: JSON.stringify(body),
    });
    const { data } = await created.json();
    return (await (await fetch(data.result_url, { headers: AUTH })).json()).data;
  }

  it.each(FORMATS)("%s: the bytes are an image of the reported format and size", async (format) => {
    const batch = await finishedBatch({
      input: ["https://img.example/a.png", "https://img.example/b.jpg"],
      operations: { resizing: { width: "150%" } },
      output: { format: { type: format } },
    });
    expect(batch.results).toHaveLength(2);
    for (const { output_object: output } of batch.results) {
      const file = await fetch(output.tmp_url);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe(output.mime);
      const decoded = await decode(new Uint8Array(await file.arrayBuffer()));
      expect(decoded).toMatchObject({ format: SHARP_FORMAT[format], width: output.width, height: output.height });
      expect(output.ext).toBe(format);
    }
  });

  it("input labels follow the input URL's extension", async () => {
    const batch = await finishedBatch({
      input: [
        "https://img.example/a.png",
        "https://img.example/b.jpg",
        "https://img.example/c.WEBP",
        "https://img.example/d",
      ],
      operations: {},
    });
    expect(batch.results.map((r: { input_object: { ext: string; mime: string } }) => r.input_object)).toMatchObject([
      { ext: "png", mime: "image/png", format: "PNG" },
      { ext: "jpg", mime: "image/jpeg", format: "JPEG" },
      { ext: "webp", mime: "image/webp", format: "WEBP" },
      { ext: "jpg", mime: "image/jpeg", format: "JPEG" },
    ]);
  });

  it("a storage URL the mock did not hand out is a 200×200 image of its extension's format", async () => {
    for (const [path, format] of [
      ["999/made-up.png", "png"],
      ["1/other.webp", "webp"],
      ["1/no-extension", "jpeg"],
    ] as const) {
      const file = await fetch(`${BASE}/mock-storage/${path}`);
      expect(await decode(new Uint8Array(await file.arrayBuffer()))).toMatchObject({
        format: SHARP_FORMAT[format],
        width: 200,
        height: 200,
      });
    }
  });
});
