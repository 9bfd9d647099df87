/**
 * Real image files for the mock's results: one flat colour at the reported size, in the reported format,
 * so a downloaded result opens in any viewer. A flat colour keeps every encoder small and the files tiny
 * whatever the size. Browser-safe (the handlers also run next to MSW's service worker): no Node built-ins.
 */
import { zlibSync } from "fflate";

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** The spec's output formats. */
export type MockImageFormat = "png" | "jpeg" | "webp" | "avif" | "tiff";

/** The bytes of a `width`×`height` image of one colour; throws RangeError for sizes the format cannot hold. */
export function encodeImage(format: MockImageFormat, width: number, height: number, colour: Rgb): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new RangeError(`Image size must be positive whole numbers, got ${width}×${height}.`);
  switch (format) {
    case "png":
      return png(width, height, colour);
    case "jpeg":
      return jpeg(width, height, colour);
    case "webp":
      return webp(width, height, colour);
    case "tiff":
      return tiff(width, height, colour);
    case "avif":
      return avif(width, height);
  }
}

/** A colour that differs between file names, so results are told apart at a glance. */
export function colourOf(name: string): Rgb {
  const hash = [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
  return { r: 64 + (hash & 0x7f), g: 64 + ((hash >>> 8) & 0x7f), b: 64 + ((hash >>> 16) & 0x7f) };
}

/** Big-endian byte writer. */
class Bytes {
  private parts: number[] = [];
  u8(...values: number[]): this {
    for (const v of values) this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >>> 8, v);
  }
  u32(v: number): this {
    return this.u8(v >>> 24, v >>> 16, v >>> 8, v);
  }
  ascii(text: string): this {
    return this.u8(...[...text].map((c) => c.charCodeAt(0)));
  }
  bytes(data: ArrayLike<number>): this {
    for (let i = 0; i < data.length; i++) this.parts.push(data[i] as number);
    return this;
  }
  get length(): number {
    return this.parts.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** PNG: a one-entry palette at 1 bit per pixel, zlib-compressed (rows of zeros compress to almost nothing). */
function png(width: number, height: number, { r, g, b }: Rgb): Uint8Array {
  const rowBytes = 1 + Math.ceil(width / 8); // filter type 0, then the packed indices (all 0)
  const chunk = (out: Bytes, type: string, data: Uint8Array) => {
    const typed = new Bytes().ascii(type).bytes(data).done();
    out.u32(data.length).bytes(typed).u32(crc32(typed));
  };
  const out = new Bytes().u8(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  chunk(out, "IHDR", new Bytes().u32(width).u32(height).u8(1, 3, 0, 0, 0).done());
  chunk(out, "PLTE", Uint8Array.of(r, g, b));
  chunk(out, "IDAT", zlibSync(new Uint8Array(rowBytes * height), { level: 9 }));
  chunk(out, "IEND", new Uint8Array(0));
  return out.done();
}

/**
 * Baseline JPEG (JFIF, YCbCr, no subsampling). A flat block has only a DC coefficient, so each 8×8 block
 * is "DC difference, end of block": two Huffman tables of one or two codes cover the whole image.
 */
function jpeg(width: number, height: number, { r, g, b }: Rgb): Uint8Array {
  if (width > 0xffff || height > 0xffff)
    throw new RangeError(`JPEG holds at most 65535×65535, got ${width}×${height}.`);
  // With a DC quantizer of 8, a flat block's quantized DC is exactly (value - 128).
  const dc = [
    0.299 * r + 0.587 * g + 0.114 * b,
    -0.168736 * r - 0.331264 * g + 0.5 * b + 128,
    0.5 * r - 0.418688 * g - 0.081312 * b + 128,
  ].map((v) => Math.round(Math.min(255, Math.max(0, v))) - 128);
  const category = (v: number) => (v === 0 ? 0 : 32 - Math.clz32(Math.abs(v)));
  const categories = [...new Set(dc.map(category).filter((c) => c > 0))];

  const segment = (out: Bytes, marker: number, body: Bytes) =>
    out
      .u16(marker)
      .u16(body.length + 2)
      .bytes(body.done());
  const out = new Bytes().u16(0xffd8);
  segment(out, 0xffe0, new Bytes().ascii("JFIF\0").u8(1, 1, 0).u16(1).u16(1).u8(0, 0));
  segment(out, 0xffdb, new Bytes().u8(0).u8(...Array<number>(64).fill(8)));
  segment(out, 0xffc0, new Bytes().u8(8).u16(height).u16(width).u8(3).u8(1, 0x11, 0).u8(2, 0x11, 0).u8(3, 0x11, 0));
  // DC table: category 0 is "0"; the first blocks' categories (at most 3) follow canonically as 10, 110, 1110.
  const dcLengths = Array<number>(16).fill(0);
  for (let i = 0; i <= categories.length; i++) dcLengths[i] = 1;
  segment(
    out,
    0xffc4,
    new Bytes()
      .u8(0x00)
      .u8(...dcLengths)
      .u8(0, ...categories),
  );
  // AC table: only end-of-block, code "0".
  segment(
    out,
    0xffc4,
    new Bytes()
      .u8(0x10)
      .u8(1, ...Array<number>(15).fill(0))
      .u8(0x00),
  );
  segment(out, 0xffda, new Bytes().u8(3).u8(1, 0x00, 2, 0x00, 3, 0x00).u8(0, 63, 0));

  const bits = new BitWriter();
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  for (let block = 0; block < blocks; block++) {
    for (const value of dc) {
      const diff = block === 0 ? value : 0; // later blocks repeat the previous DC: difference 0
      const c = category(diff);
      if (c === 0) bits.write(0, 1);
      else {
        const rank = categories.indexOf(c) + 1; // code: `rank` ones, then a zero
        bits.write(((1 << rank) - 1) << 1, rank + 1);
        bits.write(diff > 0 ? diff : diff + (1 << c) - 1, c);
      }
      bits.write(0, 1); // end of block
    }
  }
  return out.bytes(bits.jpegBytes()).u16(0xffd9).done();
}

/** MSB-first bit packing for JPEG's entropy-coded data. */
class BitWriter {
  private bytes: number[] = [];
  private current = 0;
  private filled = 0;
  write(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >>> i) & 1);
      if (++this.filled === 8) this.flush();
    }
  }
  private flush(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0); // byte stuffing
    this.current = 0;
    this.filled = 0;
  }
  /** The data padded with 1-bits to a whole byte, as JPEG requires. */
  jpegBytes(): number[] {
    if (this.filled > 0) this.write(0xff, 8 - this.filled);
    return this.bytes;
  }
}

/**
 * Lossless WebP (VP8L). Every prefix code has a single symbol (the colour's channel values), and a
 * single-symbol code takes 0 bits: the pixels cost nothing, the file is ~40 bytes at any size.
 */
function webp(width: number, height: number, { r, g, b }: Rgb): Uint8Array {
  // VP8L's 14-bit fields would say 16384, but libwebp (and so browsers) refuse more than 16383.
  if (width > 16383 || height > 16383) throw new RangeError(`WebP holds at most 16383×16383, got ${width}×${height}.`);
  const bits: number[] = [];
  const put = (value: number, count: number) => {
    for (let i = 0; i < count; i++) bits.push((value >>> i) & 1); // LSB first
  };
  put(0x2f, 8); // signature
  put(width - 1, 14);
  put(height - 1, 14);
  put(0, 1); // alpha is not used
  put(0, 3); // version 0
  put(0, 1); // no transform
  put(0, 1); // no colour cache
  put(0, 1); // no meta prefix codes
  // Green, red, blue, alpha, distance: "simple" codes of one 8-bit symbol.
  for (const symbol of [g, r, b, 255, 0]) {
    put(1, 1); // simple code
    put(0, 1); // one symbol
    put(1, 1); // of 8 bits
    put(symbol, 8);
  }
  const payload = new Uint8Array(Math.ceil(bits.length / 8));
  bits.forEach((bit, i) => {
    payload[i >>> 3] = (payload[i >>> 3] as number) | (bit << (i & 7));
  });
  const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
  const padded = payload.length % 2 ? [...payload, 0] : [...payload];
  return new Bytes()
    .ascii("RIFF")
    .u8(...le32(4 + 8 + padded.length))
    .ascii("WEBPVP8L")
    .u8(...le32(payload.length))
    .bytes(padded)
    .done();
}

/** Baseline TIFF: a one-entry palette image, each row PackBits-compressed (runs of index 0). */
function tiff(width: number, height: number, { r, g, b }: Rgb): Uint8Array {
  const row = new Bytes();
  for (let left = width; left > 0; left -= 128) row.u8(257 - Math.min(128, left), 0); // "repeat the next byte n times"
  const rowBytes = row.done();
  const entries: [tag: number, type: number, count: number, value: number][] = [];
  const colourMap = [r, g, b].flatMap((c) => [c * 257, ...Array<number>(255).fill(0)]); // 16-bit R, G, B planes
  const SHORT = 3;
  const LONG = 4;
  const headerBytes = 8;
  const ifdBytes = 2 + 12 * 11 + 4;
  const colourMapAt = headerBytes + ifdBytes;
  const stripAt = colourMapAt + colourMap.length * 2;
  entries.push(
    [256, LONG, 1, width],
    [257, LONG, 1, height],
    [258, SHORT, 1, 8], // bits per sample
    [259, SHORT, 1, 32773], // PackBits
    [262, SHORT, 1, 3], // palette
    [273, LONG, 1, stripAt], // strip offset: one strip
    [277, SHORT, 1, 1], // samples per pixel
    [278, LONG, 1, height], // rows per strip
    [279, LONG, 1, rowBytes.length * height], // strip byte count
    [284, SHORT, 1, 1], // chunky
    [320, SHORT, colourMap.length, colourMapAt],
  );
  const out = new Bytes().ascii("MM").u16(42).u32(headerBytes).u16(entries.length);
  for (const [tag, type, count, value] of entries) {
    out.u16(tag).u16(type).u32(count);
    if (type === SHORT && count === 1) out.u16(value).u16(0);
    else out.u32(value);
  }
  out.u32(0); // no further images
  for (const c of colourMap) out.u16(c);
  for (let y = 0; y < height; y++) out.bytes(rowBytes);
  return out.done();
}

/**
 * AV1 keyframes of a flat blue (66, 135, 245), 4:4:4, with their `av1C` records — made once with
 * sharp/libaom (`sharp({ create: … }).avif({ chromaSubsampling: "4:4:4" })`), since an AV1 encoder is out
 * of reach here. AVIF results are that colour, whatever their name.
 */
const AVIF_TILES = [
  { size: 64, av1: "EgAKCTgVf/2EBDQaQDIPFkAAAEBMWp96joxxZOiA", av1C: [0x81, 0x20, 0x02, 0x00] },
  { size: 512, av1: "EgAKCThiP//+EBDQaTITEZAAABBomkhb4kWzzKyb9fVZSA==", av1C: [0x81, 0x21, 0x02, 0x00] },
];
/** libheif refuses files of more than 1000 items (tiles + the grid). */
const MAX_AVIF_TILES = 999;

/**
 * AVIF as a HEIF image grid: `width`×`height` covered by tile items that all point at the same coded
 * tile (the grid crops the last row and column). Up to 999 tiles of 512×512, e.g. 16000×15000.
 */
function avif(width: number, height: number): Uint8Array {
  const tiling = AVIF_TILES.map((t) => ({
    ...t,
    columns: Math.ceil(width / t.size),
    rows: Math.ceil(height / t.size),
  }));
  const chosen = tiling.find((t) => t.columns * t.rows <= MAX_AVIF_TILES);
  if (!chosen)
    throw new RangeError(`The mock's AVIF holds at most ${MAX_AVIF_TILES} tiles of 512×512, got ${width}×${height}.`);
  const { size, columns, rows } = chosen;
  const tile = Uint8Array.from(atob(chosen.av1), (c) => c.charCodeAt(0));
  const tileIds = Array.from({ length: rows * columns }, (_, i) => i + 2);
  const GRID = 1;

  const box = (type: string, ...parts: Uint8Array[]) => {
    const body = new Bytes();
    for (const part of parts) body.bytes(part);
    return new Bytes()
      .u32(8 + body.length)
      .ascii(type)
      .bytes(body.done())
      .done();
  };
  const fullBox = (type: string, version: number, flags: number, body: Bytes) =>
    box(
      type,
      new Bytes()
        .u8(version, flags >>> 16, flags >>> 8, flags)
        .bytes(body.done())
        .done(),
    );

  const grid = new Bytes()
    .u8(0, 1) // version 0; flags: 32-bit output size
    .u8(rows - 1, columns - 1)
    .u32(width)
    .u32(height)
    .done();
  const ftyp = box("ftyp", new Bytes().ascii("avif").u32(0).ascii("avifmif1miaf").done());
  const meta = (gridAt: number, tileAt: number) => {
    const iloc = new Bytes().u8(0x44, 0x00).u16(1 + tileIds.length); // 4-byte offsets and lengths
    iloc.u16(GRID).u16(0).u16(1).u32(gridAt).u32(grid.length);
    for (const id of tileIds) iloc.u16(id).u16(0).u16(1).u32(tileAt).u32(tile.length);
    const infe = (id: number, type: string, hidden: boolean) =>
      fullBox("infe", 2, hidden ? 1 : 0, new Bytes().u16(id).u16(0).ascii(type).u8(0));
    const iinf = new Bytes().u16(1 + tileIds.length).bytes(infe(GRID, "grid", false));
    for (const id of tileIds) iinf.bytes(infe(id, "av01", true));
    const dimg = new Bytes().u16(GRID).u16(tileIds.length);
    for (const id of tileIds) dimg.u16(id);
    // Properties: 1 ispe of the grid, 2 ispe of a tile, 3 av1C, 4 pixi.
    const ispe = (w: number, h: number) => fullBox("ispe", 0, 0, new Bytes().u32(w).u32(h));
    const ipco = box(
      "ipco",
      ispe(width, height),
      ispe(size, size),
      box("av1C", Uint8Array.from(chosen.av1C)),
      fullBox("pixi", 0, 0, new Bytes().u8(3, 8, 8, 8)),
    );
    const ipma = new Bytes().u32(1 + tileIds.length);
    ipma.u16(GRID).u8(2, 1, 4);
    for (const id of tileIds) ipma.u16(id).u8(3, 2, 0x80 | 3, 4); // av1C is essential
    return fullBox(
      "meta",
      0,
      0,
      new Bytes()
        .bytes(fullBox("hdlr", 0, 0, new Bytes().u32(0).ascii("pict").u32(0).u32(0).u32(0).u8(0)))
        .bytes(fullBox("pitm", 0, 0, new Bytes().u16(GRID)))
        .bytes(fullBox("iloc", 0, 0, iloc))
        .bytes(fullBox("iinf", 0, 0, iinf))
        .bytes(
          fullBox(
            "iref",
            0,
            0,
            new Bytes()
              .u32(8 + dimg.length)
              .ascii("dimg")
              .bytes(dimg.done()),
          ),
        )
        .bytes(box("iprp", ipco, fullBox("ipma", 0, 0, ipma))),
    );
  };
  // The offsets do not change meta's length: measure it, then write it with the real offsets.
  const dataAt = ftyp.length + meta(0, 0).length + 8;
  return new Bytes()
    .bytes(ftyp)
    .bytes(meta(dataAt, dataAt + grid.length))
    .bytes(box("mdat", grid, tile))
    .done();
}
