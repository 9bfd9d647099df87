// The inputs of a bulk run: image URLs read one line at a time (never a whole file), checked, and cut into chunks.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { describeValue, InvalidArgumentError } from "@claid/core";

/** The spec sets no `maxItems` on a batch's `input` array, so only the default is ours to choose. */
export const DEFAULT_BATCH_SIZE = 100;

/**
 * What `processInBatches()` reads: a file of URLs (`{ path }`, one per line; read twice, see the README), a
 * byte stream of such lines, or an iterable / async iterable of lines. Blank lines and `#` comments are skipped.
 */
// A Node Readable is an AsyncIterable: the type names no node:stream, so users without @types/node can compile.
export type BulkInputs = { path: string } | Iterable<string> | AsyncIterable<string | Uint8Array>;

/** A chunk of inputs: one batch. */
export interface Chunk {
  /** 1-based, as shown to the user and stored in the journal. */
  number: number;
  urls: string[];
  /** First and last line (1-based) of the input it comes from. */
  lines: [number, number];
}

/** The URL schemes an input can have: images Claid fetches over http(s), and storage URIs. */
export const INPUT_PROTOCOLS: readonly string[] = ["http:", "https:", "storage:"];

/** Why a line is not an image URL (http(s) or a storage object, as the API's `input` list takes), or undefined. */
export function urlProblem(line: string): string | undefined {
  // Described only when refused: a million good lines would otherwise each leave a string for the GC.
  const shown = () => describeValue(line);
  if (/\s/.test(line)) return `${shown()} contains whitespace (one URL per line; encode spaces as %20)`;
  if (line.length > 4096) return `${shown()} is longer than 4096 characters`;
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    return `${shown()} is not a URL`;
  }
  if (!INPUT_PROTOCOLS.includes(url.protocol)) return `${shown()} is not an http(s):// or storage:// URL`;
  if (url.protocol === "storage:" && line.endsWith("/"))
    return `${shown()} is a storage folder (a folder is a batch's whole input, not one image of a list)`;
  return undefined;
}

/** Each line of the inputs with its 1-based number, blank lines and `# comments` left out. */
export async function* numberedLines(inputs: BulkInputs): AsyncGenerator<{ url: string; line: number }> {
  const source =
    "path" in inputs && typeof inputs.path === "string"
      ? createInterface({ input: createReadStream(inputs.path), crlfDelay: Number.POSITIVE_INFINITY })
      : inputs instanceof Readable
        ? createInterface({ input: inputs, crlfDelay: Number.POSITIVE_INFINITY })
        : (inputs as Iterable<string> | AsyncIterable<string>);
  let line = 0;
  for await (const raw of source) {
    line++;
    if (typeof raw !== "string")
      throw new InvalidArgumentError({
        argument: "inputs",
        problem: `line ${line} is ${describeValue(raw)}, not a string.`,
      });
    const url = raw.trim();
    if (url !== "" && !url.startsWith("#")) yield { url, line };
  }
}

/**
 * The inputs in chunks of `size`, read as they are needed: only the chunk being built is held. A bad line
 * rejects (naming it) before its chunk is handed out, so that no batch is sent with it.
 */
export async function* chunksOf(inputs: BulkInputs, size: number): AsyncGenerator<Chunk> {
  let chunk: Chunk | undefined;
  let number = 0;
  for await (const { url, line } of numberedLines(inputs)) {
    const problem = urlProblem(url);
    if (problem) throw new InvalidArgumentError({ argument: "inputs", problem: `line ${line}: ${problem}.` });
    chunk ??= { number: ++number, urls: [], lines: [line, line] };
    chunk.urls.push(url);
    chunk.lines[1] = line;
    if (chunk.urls.length === size) {
      yield chunk;
      chunk = undefined;
    }
  }
  if (chunk) yield chunk;
}

/** What one pass over a file tells before anything is sent: its bad lines, how many URLs, and the journal's command hash. */
export interface InputFileScan {
  urlCount: number;
  /** At most 5 problems, each naming its line, and how many there were in all. */
  problems: string[];
  problemCount: number;
  /** sha256 of `JSON.stringify({ urls, batchSize, options })`, as claid 0.1/0.2 journals name the command: built as it reads. */
  command: string;
}

/** Reads the file once, line by line: checks each URL, counts them and hashes the command the journal names. */
export async function scanInputFile(path: string, batchSize: number, options: object): Promise<InputFileScan> {
  const hash = createHash("sha256").update('{"urls":[');
  const scan: InputFileScan = { urlCount: 0, problems: [], problemCount: 0, command: "" };
  for await (const { url, line } of numberedLines({ path })) {
    const problem = urlProblem(url);
    if (problem) {
      if (++scan.problemCount <= 5) scan.problems.push(`line ${line}: ${problem}`);
    } else hash.update(`${scan.urlCount++ > 0 ? "," : ""}${JSON.stringify(url)}`);
  }
  hash.update(`],"batchSize":${JSON.stringify(batchSize)},"options":${JSON.stringify(options)}}`);
  scan.command = hash.digest("hex");
  return scan;
}

/** The journal's name for a one-pass stream's run (its chunks are told apart by `inputHash`). */
export function streamCommand(batchSize: number, options: object): string {
  return createHash("sha256")
    .update(JSON.stringify({ stream: true, batchSize, options }))
    .digest("hex");
}

export function inputHash(urls: string[]): string {
  return createHash("sha256").update(JSON.stringify(urls)).digest("hex").slice(0, 32);
}
