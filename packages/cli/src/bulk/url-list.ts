/** `--input-file`: the URL list, read and checked line by line, and split into one chunk per batch. */
import { readFileSync } from "node:fs";
import { describeValue } from "@claid/node";
import { InvalidArgumentError as FlagError } from "commander";
import { UsageError } from "../exit.ts";

/** The spec sets no `maxItems` on a batch's `input` array, so only the default is ours to choose. */
export const DEFAULT_BATCH_SIZE = 100;

/** `--batch-size`: a whole number of URLs per batch, at least 1. */
export function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new FlagError("--batch-size must be a whole number of URLs, 1 or more.");
  return n;
}

export interface Chunk {
  /** 1-based, as shown to the user and stored in the journal. */
  number: number;
  urls: string[];
  /** First and last line of the input file it comes from. */
  lines: [number, number];
}

/** One URL per line; blank lines and `#` comments skipped. Every bad line is a usage error naming its number. */
export function readUrlList(path: string): { urls: string[]; lines: number[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`--input-file: cannot read ${path}: ${(error as Error).message}`);
  }
  const urls: string[] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const problem = urlProblem(line);
    if (problem) problems.push(`line ${index + 1}: ${problem}`);
    else {
      urls.push(line);
      lines.push(index + 1);
    }
  });
  if (problems.length > 0) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
    throw new UsageError(`--input-file ${path}: ${problems.slice(0, 5).join("; ")}${more}.`);
  }
  if (urls.length === 0) throw new UsageError(`--input-file ${path} lists no URLs (one per line; # starts a comment).`);
  return { urls, lines };
}

/** Why a line is not an image URL (http(s) or a storage object, as the API's `input` list takes), or undefined. */
function urlProblem(line: string): string | undefined {
  const shown = describeValue(line);
  if (/\s/.test(line)) return `${shown} contains whitespace (one URL per line; encode spaces as %20)`;
  if (line.length > 4096) return `${shown} is longer than 4096 characters`;
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    return `${shown} is not a URL`;
  }
  if (!["http:", "https:", "storage:"].includes(url.protocol)) return `${shown} is not an http(s):// or storage:// URL`;
  if (url.protocol === "storage:" && line.endsWith("/"))
    return `${shown} is a storage folder; use --input for a folder, --input-file for image URLs`;
  return undefined;
}

export function split(urls: string[], lines: number[], size: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < urls.length; start += size) {
    const end = Math.min(start + size, urls.length);
    chunks.push({
      number: chunks.length + 1,
      urls: urls.slice(start, end),
      lines: [lines[start] as number, lines[end - 1] as number],
    });
  }
  return chunks;
}
