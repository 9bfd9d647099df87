/** Builds believable result items for a batch request, deterministic for a given request. */
import type { BatchEditRequest, BatchResultItem, PipelineInputObject, PipelineOutputObject } from "@claid/core";
import { colourOf, encodeImage, type MockImageFormat } from "./images.ts";

export const MIME_TYPES: Record<string, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  tiff: "image/tiff",
};

export interface ResultContext {
  taskId: number;
  /** How many images a storage folder input is taken to hold. */
  folderImageCount: number;
  /** Where temporary outputs are served from. */
  tmpBaseUrl: string;
}

function inputNames(request: BatchEditRequest, folderImageCount: number): string[] {
  const { input } = request;
  if (Array.isArray(input)) return input.map((url, i) => baseName(url) || `image-${i + 1}`);
  return Array.from({ length: folderImageCount }, (_, i) => `image-${i + 1}.jpg`);
}

export function buildResults(request: BatchEditRequest, ctx: ResultContext): BatchResultItem[] {
  const format = outputFormat(request.output);
  return inputNames(request, ctx.folderImageCount).map((name, i) => {
    const side = 200 + 100 * i;
    const input: PipelineInputObject = dims(inputFormat(name), side, side);
    const { width, height } = outputSize(request, side);
    const fileName = `${name.replace(/\.[^./]*$/, "")}.${format}`;
    const output: PipelineOutputObject = dims(
      { ext: format, mime: MIME_TYPES[format] ?? "image/jpeg", format: format.toUpperCase() },
      width,
      height,
    );
    const destination = outputDestination(request.output);
    if (destination) {
      const uri = `${destination.replace(/\/?$/, "/")}${fileName}`;
      const match = /^[a-z]+:\/\/([^/]+)\/(.*)$/.exec(uri);
      output.object_uri = uri;
      output.object_bucket = match?.[1] ?? "";
      output.object_key = match?.[2] ?? fileName;
    } else {
      output.tmp_url = `${ctx.tmpBaseUrl}/${ctx.taskId}/${encodeURIComponent(fileName)}`;
      output.claid_storage_uri = `storage://claid-tmp/${ctx.taskId}/${fileName}`;
    }
    return { input_object: input, output_object: output };
  });
}

function dims<T extends object>(
  base: T,
  width: number,
  height: number,
): T & { width: number; height: number; mps: number } {
  return { ...base, width, height, mps: Math.round((width * height) / 10_000) / 100 };
}

function outputSize(request: BatchEditRequest, side: number): { width: number; height: number } {
  const { width, height } = request.operations.resizing ?? {};
  const px = (v: unknown) =>
    typeof v === "number"
      ? v
      : typeof v === "string" && v.endsWith("%")
        ? Math.round((side * Number.parseFloat(v)) / 100)
        : undefined;
  const w = px(width);
  const h = px(height);
  return { width: w ?? h ?? side, height: h ?? w ?? side };
}

function outputFormat(output: BatchEditRequest["output"]): string {
  const format = typeof output === "object" ? output.format : undefined;
  if (typeof format === "string") return format;
  if (format && typeof format === "object") return format.type;
  return "jpeg";
}

function outputDestination(output: BatchEditRequest["output"]): string | undefined {
  return typeof output === "string" ? output : output?.destination;
}

/** The input's format as its file name says (Claid reads the file; the mock has only the name). Default jpg. */
function inputFormat(name: string): { ext: string; mime: string; format: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "jpg";
  const canonical = ext === "jpeg" ? "jpg" : ext === "tif" ? "tiff" : ext;
  const mime = MIME_TYPES[canonical === "jpg" ? "jpeg" : canonical];
  if (!mime) return { ext: "jpg", mime: "image/jpeg", format: "JPEG" };
  return { ext: canonical, mime, format: (canonical === "jpg" ? "jpeg" : canonical).toUpperCase() };
}

function baseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
  } catch {
    return "";
  }
}

/**
 * Result files are generated at most this large: 4096² pixels (16.8 MP), at most 16383 per side (WebP's limit,
 * the smallest of the formats'). Encoding work grows with the pixels; a spec-valid 200000×200000 TIFF would
 * not fit in memory.
 */
export const MAX_FILE_PIXELS = 4096 * 4096;
export const MAX_FILE_SIDE = 16_383;
/** The response header of a file generated smaller than its result reports: `200000x200000->4096x4096`. */
export const SCALED_HEADER = "X-Claid-Mock-Scaled";

/** The size a `width`×`height` file is generated at: scaled down into the limits, aspect ratio kept, ≥ 1 px a side. */
export function generatedSize(reportedWidth: number, reportedHeight: number): { width: number; height: number } {
  // A spec-valid request can ask for 0, negative or non-numeric ("x%") sizes; the file still needs pixels.
  const usable = (length: number) => (Number.isFinite(length) && length >= 1 ? length : 1);
  const width = usable(reportedWidth);
  const height = usable(reportedHeight);
  const factor = Math.min(
    1,
    MAX_FILE_SIDE / width,
    MAX_FILE_SIDE / height,
    Math.sqrt(MAX_FILE_PIXELS / (width * height)),
  );
  // The epsilon absorbs floating-point error: 65535 × (4096 / 65535) is 4095.999….
  const side = (length: number) => Math.max(1, Math.floor(length * factor + 1e-9));
  return { width: side(width), height: side(height) };
}

/**
 * The file behind a result's `tmp_url`: a real image in the result's format and size (scaled down past the
 * limits, which `X-Claid-Mock-Scaled` then says). A URL the mock did not hand out (tests make some up) gets a
 * 200×200 image of the format its extension names (jpeg if none).
 */
/** The outputs of a result list by the path of their `tmp_url`, built once per list (a lookup per download). */
const outputsByPathOf = new WeakMap<BatchResultItem[], Map<string, PipelineOutputObject>>();
function outputsByPath(results: BatchResultItem[]): Map<string, PipelineOutputObject> {
  let byPath = outputsByPathOf.get(results);
  if (!byPath) {
    byPath = new Map();
    for (const { output_object: output } of results) {
      const path = output.tmp_url && new URL(output.tmp_url).pathname;
      // The first one wins, as a search in order would find it.
      if (path && !byPath.has(path)) byPath.set(path, output);
    }
    outputsByPathOf.set(results, byPath);
  }
  return byPath;
}

export function resultFile(
  results: BatchResultItem[],
  tmpUrlPath: string,
): { bytes: Uint8Array; headers: Record<string, string> } {
  const output = outputsByPath(results).get(tmpUrlPath);
  const name = decodeURIComponent(tmpUrlPath.split("/").pop() ?? "");
  const { mime } = output ?? inputFormat(name);
  const format = Object.keys(MIME_TYPES).find((f) => MIME_TYPES[f] === mime) as MockImageFormat;
  const reported = { width: output?.width ?? 200, height: output?.height ?? 200 };
  const size = generatedSize(reported.width, reported.height);
  const scaled = size.width !== reported.width || size.height !== reported.height;
  return {
    bytes: encodeImage(format, size.width, size.height, colourOf(name)),
    headers: {
      "Content-Type": mime,
      ...(scaled && {
        [SCALED_HEADER]: `${reported.width}x${reported.height}->${size.width}x${size.height}`,
      }),
    },
  };
}
