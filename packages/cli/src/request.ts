/** Builds a batch request from flags and an operations file, validated against the spec before any request. */
import { readFileSync } from "node:fs";
import { CREATE_BATCH, enumValues, problemsOf, requestSchemaPointer, validationDetails } from "@claid/core/spec";
import {
  type BatchEditRequest,
  type BatchOutput,
  describeValue,
  type ImageOperations,
  INPUT_PROTOCOLS,
  parseTaskId as parseSdkTaskId,
} from "@claid/node";
import { InvalidArgumentError as FlagError } from "commander";
import { type ParseError, parse as parseLocated, printParseErrorCode } from "jsonc-parser";
import ms from "ms";
import { UsageError } from "./exit.ts";
import { terminalSafe } from "./terminal-safe.ts";

// The flags' choices are the spec's enums: `npm run spec:update` + a rebuild changes them, no hand edits.
export const FITS = enumValues("FitEnum");
export const FORMATS = enumValues("FormatEnum");
export const UPSCALES = enumValues("UpscaleEnum");
export const DECOMPRESS = enumValues("DecompressEnum");

/** What Claid fetches an input from: an image URL (http is accepted too, as by --input-file) or a connected storage. */

export interface CreateFlags {
  input: string[];
  recursive?: boolean;
  operations?: string;
  width?: number | string;
  height?: number | string;
  fit?: (typeof FITS)[number];
  format?: (typeof FORMATS)[number];
  quality?: number;
  removeBackground?: boolean;
  upscale?: (typeof UPSCALES)[number];
  decompress?: (typeof DECOMPRESS)[number];
  output?: string;
}

/** `--width`/`--height`: pixels, a percentage like "50%", or "auto". */
export function parseSize(flag: string) {
  return (value: string): number | string => {
    if (/^\d+$/.test(value)) return Number(value);
    if (/^\d+(\.\d+)?%$/.test(value) || value === "auto") return value;
    throw new FlagError(`${flag} must be a number of pixels, a percentage like 50% or auto.`);
  };
}

/** A duration flag (`90s`, `10m`, `1h`) in milliseconds. */
export function durationParser(flag: string) {
  return (value: string): number => {
    const parsed = ms(value as ms.StringValue);
    if (typeof parsed !== "number" || !(parsed > 0))
      throw new UsageError(`${flag} must be a duration like 90s, 10m or 1h; got ${describeValue(value)}.`);
    return parsed;
  };
}

export function parseInteger(flag: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new FlagError(`${flag} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

function readOperations(source: string, stdin: () => string): ImageOperations {
  let text: string;
  try {
    text = source === "-" ? stdin() : readFileSync(source, "utf8");
  } catch (error) {
    throw new UsageError(`--operations: cannot read ${source}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as ImageOperations;
  } catch (error) {
    const where = jsonErrorLocation(text) ?? (error as Error).message;
    throw new UsageError(`--operations: ${source === "-" ? "standard input" : source} is not valid JSON: ${where}`);
  }
}

/** Characters of the offending line shown either side of a JSON error. */
const SNIPPET_REACH = 30;

/**
 * Where strict JSON first goes wrong, as "value expected at line 2, column 29: <the line around it>"
 * (JSON.parse's own message has no position for most errors). The line is escaped for the terminal.
 */
function jsonErrorLocation(text: string): string | undefined {
  const errors: ParseError[] = [];
  parseLocated(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return undefined;
  const problem = printParseErrorCode(first.error)
    .replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)
    .trim();
  const lineStart = text.lastIndexOf("\n", first.offset - 1) + 1;
  const lineEnd = text.indexOf("\n", first.offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const column = first.offset - lineStart;
  const lineNumber = text.slice(0, lineStart).split("\n").length;
  const at = `${problem} at line ${lineNumber}, column ${column + 1}`;
  if (text.trim() === "") return `${at} (it is empty)`;
  const from = Math.max(0, column - SNIPPET_REACH);
  const to = Math.min(line.length, column + SNIPPET_REACH);
  const snippet = `${from > 0 ? "…" : ""}${line.slice(from, to)}${to < line.length ? "…" : ""}`.trim();
  return `${at}: ${terminalSafe(snippet)}`;
}

export function buildRequest(
  flags: CreateFlags,
  stdin: () => string = () => readFileSync(0, "utf8"),
): BatchEditRequest {
  const [first, ...more] = flags.input;
  if (!first) throw new UsageError("--input needs a storage folder URI or at least one image URL.");
  const unsupported = flags.input.find(
    (input) => !INPUT_PROTOCOLS.some((protocol) => input.toLowerCase().startsWith(`${protocol}//`)),
  );
  if (unsupported !== undefined)
    throw new UsageError(
      `--input: ${describeValue(unsupported)} is not an https:// image URL or a storage:// URI (Claid fetches inputs from those).`,
    );
  const folder = more.length === 0 && /^storage:/i.test(first);
  if (flags.recursive && !folder)
    throw new UsageError("--recursive applies to a storage folder --input, not to image URLs.");
  const input: BatchEditRequest["input"] = folder
    ? flags.recursive
      ? { source: first, recursive: true }
      : first
    : flags.input;

  const operations: ImageOperations = flags.operations ? readOperations(flags.operations, stdin) : {};
  const ops = operations as Record<string, Record<string, unknown> | undefined>;
  const set = (group: string, key: string, value: unknown) => {
    if (value !== undefined) ops[group] = { ...ops[group], [key]: value };
  };
  set("resizing", "width", flags.width);
  set("resizing", "height", flags.height);
  set("resizing", "fit", flags.fit);
  set("background", "remove", flags.removeBackground || undefined);
  set("restorations", "upscale", flags.upscale);
  set("restorations", "decompress", flags.decompress);

  const body: BatchEditRequest = { input, operations };
  const output = outputOf(flags);
  if (output !== undefined) body.output = output;

  // One problem per field, the closest alternative's where the spec allows several (as the API words it).
  const problems = problemsOf(requestSchemaPointer(CREATE_BATCH), body);
  if (problems.length > 0) {
    const reasons = Object.entries(validationDetails(problems)).map(
      ([field, messages]) => `${field} ${messages.join("; ")}`,
    );
    throw new UsageError(
      `Invalid request${flags.operations ? ` (with --operations ${flags.operations})` : ""}: ${reasons.join("; ")}.`,
    );
  }
  return body;
}

function outputOf({ format, quality, output }: CreateFlags): BatchOutput | undefined {
  if (quality !== undefined && (!format || format === "png"))
    throw new UsageError("--quality needs --format jpeg, webp, avif or tiff.");
  const formatOption =
    format === undefined || quality === undefined
      ? format
      : format === "jpeg"
        ? { type: "jpeg" as const, quality }
        : { type: format as "webp" | "avif" | "tiff", compression: { type: "lossy" as const, quality } };
  if (formatOption === undefined) return output;
  return output === undefined ? { format: formatOption } : { destination: output, format: formatOption };
}

/** A batch id argument as the SDK takes it (digits only), refused as a flag error that commander reports. */
export function parseTaskId(value: string): number {
  try {
    return parseSdkTaskId(value);
  } catch {
    throw new FlagError(`a batch id is a whole number like 42, got ${describeValue(value)}.`);
  }
}
