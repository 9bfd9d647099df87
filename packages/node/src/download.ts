import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { type BatchResult, ClaidConnectionError, ClaidError } from "@claid/core";

/** Options of `downloadResults()`. */
export interface DownloadOptions {
  /** Files fetched at once. Default 4. */
  concurrency?: number;
  /** Stops every download; the call rejects with `signal.reason` and partial files are removed. */
  signal?: AbortSignal;
  /** Replace files that already exist. Default false: such a file is reported as failed, untouched. */
  overwrite?: boolean;
  /** A WHATWG-compatible fetch; defaults to `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
}

/** A result file that could not be saved, and why. */
export interface DownloadFailure {
  /** Index of the result in `result.results`. */
  index: number;
  url: string | undefined;
  path: string | undefined;
  error: Error;
}

/** What `downloadResults()` saved and what it could not. */
export interface DownloadReport {
  /** Paths written, in result order. */
  written: string[];
  /** One entry per result that could not be saved; the others are unaffected. */
  failed: DownloadFailure[];
}

/**
 * Streams each result's `tmp_url` to a file in `dir` (created if missing), named after the output
 * file. The `Authorization` header is never sent: these are pre-signed URLs on
 * another host. Nothing is buffered whole; existing files are kept unless `overwrite`.
 *
 * @example
 * const { written, failed } = await downloadResults(await claid.batches.wait(id), "./out");
 */
export async function downloadResults(
  result: BatchResult,
  dir: string,
  options: DownloadOptions = {},
): Promise<DownloadReport> {
  const { concurrency = 4, signal, overwrite = false } = options;
  const doFetch = options.fetch ?? globalThis.fetch;
  const items = (result.results ?? []).map((item, index) => ({ index, url: item.output_object.tmp_url }));
  const names = uniqueNames(
    items.map(({ url, index }) =>
      fileNameOf(
        url,
        `${result.id}-${index + 1}.${(result.results?.[index]?.output_object.ext ?? "bin").replace(/\W/g, "")}`,
      ),
    ),
  );
  const written: (string | undefined)[] = [];
  const failed: DownloadFailure[] = [];
  await mkdir(dir, { recursive: true });

  async function save(index: number, url: string | undefined): Promise<void> {
    const path = join(dir, names[index] as string);
    if (!url) {
      failed.push({
        index,
        url,
        path: undefined,
        error: new ClaidError(
          `Result ${index} has no tmp_url: it was stored at its output location (${result.results?.[index]?.output_object.object_uri ?? "unknown"}).`,
        ),
      });
      return;
    }
    let opened = false;
    try {
      // Keep `request` referenced until the fetch settles: undici lets an
      // unreferenced Request be collected, and with it the link to `signal`.
      const request = new Request(url, { signal });
      const response = await doFetch(request);
      if (!response.ok || !response.body)
        throw new ClaidConnectionError(`GET ${request.url} answered ${response.status}.`);
      const file = createWriteStream(path, { flags: overwrite ? "w" : "wx" });
      opened = true;
      await pipeline(Readable.fromWeb(response.body as WebReadableStream), file, { signal });
      written[index] = path;
    } catch (error) {
      if (opened && (error as NodeJS.ErrnoException).code !== "EEXIST") await rm(path, { force: true });
      if (signal?.aborted) throw signal.reason;
      const reason =
        (error as NodeJS.ErrnoException).code === "EEXIST"
          ? new ClaidError(`${path} exists; pass overwrite: true to replace it.`)
          : (error as Error);
      failed.push({ index, url, path, error: reason });
    }
  }

  const queue = [...items];
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, async () => {
    for (let item = queue.shift(); item; item = queue.shift()) await save(item.index, item.url);
  });
  await Promise.all(workers);
  return {
    written: written.filter((p): p is string => p !== undefined),
    failed: failed.sort((a, b) => a.index - b.index),
  };
}

/** The URL's last path segment, reduced to a safe file name. */
function fileNameOf(url: string | undefined, fallback: string): string {
  let name = "";
  try {
    // Decoded first, so an encoded "../" cannot survive as part of the name.
    name = url ? (decodeURIComponent(new URL(url).pathname).split("/").pop() ?? "") : "";
  } catch {
    name = "";
  }
  name = name.replace(/[^\w.-]/g, "_").replace(/^\.+/, "");
  return name || fallback;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : name.replace(/(\.[^.]*)?$/, `-${count + 1}$1`);
  });
}
