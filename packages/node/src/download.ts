import { createHash, randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import { type FileHandle, link, lstat, mkdir, open, rename, rm, unlink } from "node:fs/promises";
import { join } from "node:path";
import {
  type BatchResult,
  type BatchResultItem,
  ClaidError,
  describeValue,
  InvalidArgumentError,
  isLoopbackHost,
} from "@claid/core";
import { nameKey, safeFileName, uniqueNames } from "./file-names.ts";
import { MANIFEST_FILE, type ManifestEntry, ManifestWriter, readManifest } from "./manifest.ts";

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** What a file host answers for a temporary URL past its one day. */
const EXPIRED_STATUSES = new Set([403, 404, 410]);
/** Byte progress is reported at most this often; file completions always. */
const PROGRESS_INTERVAL_MS = 100;
// Where a file system has no hard links, placing a file falls back to check-then-rename.
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK", "EINVAL"]);

/** Options of `downloadResults()`. */
export interface DownloadOptions {
  /** Files fetched at once. Default 8. */
  concurrency?: number;
  /**
   * Stops every download. The call rejects with `signal.reason` once every
   * temporary file is removed; complete files stay and a rerun skips them.
   */
  signal?: AbortSignal;
  /**
   * Replace files that exist but are not recorded in the folder's manifest as
   * this result's download (files that are recorded are skipped either way).
   * Default false: such a file is reported as failed (`exists`), untouched.
   */
  overwrite?: boolean;
  /** A WHATWG-compatible fetch; defaults to `globalThis.fetch`. It is given a `Request` with `redirect: "manual"`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Largest file accepted, in bytes; a longer body fails with `too-large`. Default 512 MiB. */
  maxBytes?: number;
  /** A file that receives no bytes for this long (headers included) fails with `stalled`. Default 30 000 ms. */
  stallTimeoutMs?: number;
  /**
   * Names the file of a result. Default: the last segment of its `tmp_url`
   * (with `.ext` added when it has none), else `<batch id>-<n>.<ext>`. Whatever
   * it returns is made safe and unique the same way as the default.
   */
  fileName?: (item: BatchResultItem, index: number) => string;
  /** Called when the download starts, when each file is settled, and at most every 100 ms as bytes arrive. Exceptions are ignored. */
  onProgress?: (progress: DownloadProgress) => void;
}

/** Counts passed to `onProgress`. */
export interface DownloadProgress {
  /** Number of results in the batch. */
  total: number;
  /** Results settled so far: `written + skipped + stored + failed`. */
  done: number;
  written: number;
  skipped: number;
  stored: number;
  failed: number;
  /** Bytes received in this call. */
  bytes: number;
}

/** A result file in the folder. */
export interface SavedFile {
  /** Index of the result in `result.results`. */
  index: number;
  url: string;
  path: string;
  bytes: number;
  /** Hex SHA-256 of the file. */
  sha256: string;
}

/** A result Claid wrote to your own storage (`output` given): there is nothing to download. */
export interface StoredOutput {
  index: number;
  /** Where it is, e.g. `storage://my-bucket/out/image-1.png`. */
  uri: string;
}

/** Why a result's file could not be saved. */
export type DownloadFailureReason =
  /** The result item is malformed (no `output_object`, a `tmp_url` that is not a string, …). */
  | "invalid-result"
  /** The `fileName` option threw or returned something other than a non-empty string. */
  | "name"
  /** Not an `https:` URL (plain `http:` only on a loopback host); or unparsable. */
  | "url"
  /** More than 3 redirects, or a redirect without a usable `Location`. */
  | "redirect"
  /** No HTTP answer: connection refused or reset, DNS, TLS. */
  | "network"
  /** A status other than 2xx (and other than the `expired` ones). */
  | "http"
  /** 403, 404 or 410: Claid's temporary URLs expire after a day. */
  | "expired"
  /** Larger than `maxBytes` (by `Content-Length` or by what arrived). */
  | "too-large"
  /** No bytes for `stallTimeoutMs`. */
  | "stalled"
  /** The body broke off, or did not match its `Content-Length`. */
  | "incomplete"
  /** A 2xx with an empty body. */
  | "empty"
  /** A file of that name exists and is not this result's recorded download; see `overwrite`. */
  | "exists"
  /** The file system failed: folder, temporary file, disk full, rename, manifest. */
  | "disk";

/** A per-file download failure; `reason` says which kind. */
export class DownloadError extends ClaidError {
  override name = "DownloadError";
  readonly reason: DownloadFailureReason;
  /** The HTTP status, for `http` and `expired`. */
  readonly status: number | undefined;
  /** Set when the temporary file could not be removed after the failure either. */
  readonly cleanupError: Error | undefined;

  constructor(
    reason: DownloadFailureReason,
    message: string,
    options: { status?: number; cause?: unknown; cleanupError?: Error } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
    this.cleanupError = options.cleanupError;
  }
}

/** A result file that could not be saved, and why. */
export interface DownloadFailure {
  /** Index of the result in `result.results`. */
  index: number;
  url: string | undefined;
  path: string | undefined;
  error: DownloadError;
}

/** What `downloadResults()` did with each result; each list is in result order. */
export interface DownloadReport {
  dir: string;
  /** The manifest file: one JSON line per complete file (`result`, `index`, `url` path, `file`, `bytes`, `sha256`). */
  manifest: string;
  /** Files fetched by this call. */
  written: SavedFile[];
  /** Files already complete in the folder (recorded in the manifest, same size), not fetched again. */
  skipped: SavedFile[];
  /** Results stored in your own storage: nothing to fetch. */
  stored: StoredOutput[];
  /** One entry per result that could not be saved; the others are unaffected. */
  failed: DownloadFailure[];
}

interface FetchJob {
  index: number;
  url: string;
  name: string;
}

/**
 * Streams each result's `tmp_url` into `dir` (created if missing), safely and
 * resumably: names are made safe and unique; each file streams into a
 * temporary file and is renamed into place only once complete; every per-file
 * problem lands in `failed` instead of rejecting the call; a rerun into the
 * same folder skips complete files (recorded in `.claid-downloads.jsonl`).
 * The `Authorization` header is never sent: these are pre-signed URLs on
 * another host.
 *
 * Rejects only with `InvalidArgumentError` (a bad argument) or `signal.reason`;
 * when it settles, nothing is left running or writing.
 *
 * @example
 * const { written, skipped, failed } = await downloadResults(await claid.batches.wait(id), "./out");
 */
export async function downloadResults(
  result: BatchResult,
  dir: string,
  options: DownloadOptions = {},
): Promise<DownloadReport> {
  const settings = readOptions(options);
  const items = readResults(result);
  if (typeof dir !== "string" || dir.trim() === "")
    throw new InvalidArgumentError({ argument: "dir", problem: `must be a folder path; got ${describeValue(dir)}.` });
  const { signal } = settings;
  signal?.throwIfAborted();

  const report: DownloadReport = {
    dir,
    manifest: join(dir, MANIFEST_FILE),
    written: [],
    skipped: [],
    stored: [],
    failed: [],
  };
  const jobs = planJobs(result, items, settings.fileName, report);
  const progress = new ProgressCounter(items.length, report, settings.onProgress);

  let folderError: unknown;
  if (jobs.length > 0) await mkdir(dir, { recursive: true }).catch((error: unknown) => (folderError = error));
  if (folderError) {
    const error = diskError(`Cannot create ${dir}`, folderError);
    for (const job of jobs)
      progress.settle(report.failed, { index: job.index, url: job.url, path: join(dir, job.name), error });
  } else if (jobs.length > 0) {
    const recorded = await readManifest(report.manifest);
    const manifest = new ManifestWriter(report.manifest);
    const context: Context = { result, dir, settings, recorded, manifest, report, progress };
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && !signal?.aborted) await saveFile(jobs[next++] as FetchJob, context);
    };
    // allSettled: even an unexpected error in one worker leaves nothing running when the call settles.
    const workers = await Promise.allSettled(
      Array.from({ length: Math.min(settings.concurrency, jobs.length) }, worker),
    );
    await manifest.close();
    const crashed = workers.find((w) => w.status === "rejected");
    if (crashed) throw crashed.reason;
  }
  signal?.throwIfAborted();
  for (const list of [report.written, report.skipped, report.stored, report.failed]) list.sort(byIndex);
  return report;
}

const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;

interface Settings {
  concurrency: number;
  signal: AbortSignal | undefined;
  overwrite: boolean;
  fetch: (request: Request) => Promise<Response>;
  maxBytes: number;
  stallTimeoutMs: number;
  fileName: DownloadOptions["fileName"];
  onProgress: DownloadOptions["onProgress"];
}

function readOptions(options: DownloadOptions): Settings {
  if (typeof options !== "object" || options === null)
    throw new InvalidArgumentError({
      argument: "options",
      problem: `must be an object; got ${describeValue(options)}.`,
    });
  const positive = (name: keyof DownloadOptions, value: unknown, fallback: number, integer: boolean): number => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !(value > 0) || (integer && !Number.isSafeInteger(value)))
      throw new InvalidArgumentError({
        argument: `options.${name}`,
        problem: `must be a positive ${integer ? "whole " : ""}number; got ${describeValue(value)}.`,
      });
    return value;
  };
  const callable = <T>(name: keyof DownloadOptions, value: T): T => {
    if (value !== undefined && typeof value !== "function")
      throw new InvalidArgumentError({
        argument: `options.${name}`,
        problem: `must be a function; got ${describeValue(value)}.`,
      });
    return value;
  };
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
    throw new InvalidArgumentError({
      argument: "options.signal",
      problem: `must be an AbortSignal; got ${describeValue(options.signal)}.`,
    });
  return {
    concurrency: positive("concurrency", options.concurrency, DEFAULT_CONCURRENCY, true),
    signal: options.signal,
    overwrite: Boolean(options.overwrite),
    fetch: callable("fetch", options.fetch) ?? ((request: Request) => globalThis.fetch(request)),
    maxBytes: positive("maxBytes", options.maxBytes, DEFAULT_MAX_BYTES, true),
    stallTimeoutMs: positive("stallTimeoutMs", options.stallTimeoutMs, DEFAULT_STALL_TIMEOUT_MS, false),
    fileName: callable("fileName", options.fileName),
    onProgress: callable("onProgress", options.onProgress),
  };
}

/** The batch's result items; a malformed batch is an `InvalidArgumentError` naming the field. */
function readResults(result: BatchResult): unknown[] {
  if (typeof result !== "object" || result === null)
    throw new InvalidArgumentError({
      argument: "result",
      problem: `must be a batch (from claid.batches.retrieve or wait); got ${describeValue(result)}.`,
    });
  if (!Number.isSafeInteger(result.id))
    throw new InvalidArgumentError({
      argument: "result.id",
      problem: `must be the batch id (an integer); got ${describeValue(result.id)}.`,
    });
  const results: unknown = result.results;
  if (results === undefined || results === null) return [];
  if (!Array.isArray(results))
    throw new InvalidArgumentError({
      argument: "result.results",
      problem: `must be an array of result items; got ${describeValue(results)}.`,
    });
  return results;
}

/** Sorts results into stored outputs and per-item failures (added to `report`) and files to fetch, with their names. */
function planJobs(
  result: BatchResult,
  items: unknown[],
  fileName: DownloadOptions["fileName"],
  report: DownloadReport,
): FetchJob[] {
  const planned: FetchJob[] = [];
  for (const [index, item] of items.entries()) {
    const planOrFailure = planItem(result, item, index, fileName);
    if (planOrFailure instanceof DownloadError)
      report.failed.push({ index, url: urlOf(item), path: undefined, error: planOrFailure });
    else if ("uri" in planOrFailure) report.stored.push(planOrFailure);
    else planned.push(planOrFailure);
  }
  const names = uniqueNames(planned.map((job) => job.name));
  return planned.map((job, i) => ({ ...job, name: names[i] as string }));
}

/** The file to fetch for one result item, its storage location, or why neither. */
function planItem(
  result: BatchResult,
  item: unknown,
  index: number,
  fileName: DownloadOptions["fileName"],
): FetchJob | StoredOutput | DownloadError {
  const field = `result.results[${index}]`;
  const output = (item as { output_object?: unknown } | null)?.output_object as Record<string, unknown> | undefined;
  if (typeof output !== "object" || output === null)
    return new DownloadError(
      "invalid-result",
      `${field}.output_object is missing or not an object; got ${describeValue(output)}.`,
    );
  const { tmp_url: url, object_uri: uri } = output;
  if (url === undefined || url === null) {
    if (typeof uri === "string" && uri !== "") return { index, uri };
    return new DownloadError("invalid-result", `${field}.output_object has neither a tmp_url nor an object_uri.`);
  }
  if (typeof url !== "string")
    return new DownloadError(
      "invalid-result",
      `${field}.output_object.tmp_url must be a string; got ${describeValue(url)}.`,
    );
  try {
    checkUrl(url);
  } catch (error) {
    return error as DownloadError;
  }
  const ext = typeof output.ext === "string" ? output.ext.replace(/[^a-z0-9]/gi, "").slice(0, 16) : "";
  let raw: unknown;
  try {
    raw = fileName ? fileName(item as BatchResultItem, index) : nameFromUrl(url, ext);
  } catch (error) {
    return new DownloadError("name", `fileName() threw for ${field}: ${describe(error)}`, { cause: error });
  }
  if (typeof raw !== "string" || (fileName && raw.trim() === ""))
    return new DownloadError(
      "name",
      `fileName() must return a non-empty string for ${field}; got ${describeValue(raw)}.`,
    );
  return { index, url, name: safeFileName(raw, `${result.id}-${index + 1}.${ext || "bin"}`) };
}

/** The item's `tmp_url` when it is a string, for the failure report. */
function urlOf(item: unknown): string | undefined {
  const url = (item as { output_object?: { tmp_url?: unknown } } | null)?.output_object?.tmp_url;
  return typeof url === "string" ? url : undefined;
}

/** The URL's last path segment, decoded (an encoded `../` is split like a real one), with `.ext` added when it has none. */
function nameFromUrl(url: string, ext: string): string {
  let path = new URL(url).pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes: the raw segment is made safe instead.
  }
  const segment = path.split(/[/\\]/).pop() ?? "";
  return segment && ext && !/\.[a-z0-9]{1,16}$/i.test(segment) ? `${segment}.${ext}` : segment;
}

function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DownloadError("url", `${shownUrl(url)} is not a valid URL.`);
  }
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))) return parsed;
  throw new DownloadError(
    "url",
    `${shownUrl(url)} was not fetched: only https: URLs are downloaded (plain http: only from a loopback host).`,
  );
}

interface Context {
  result: BatchResult;
  dir: string;
  settings: Settings;
  recorded: Map<string, ManifestEntry>;
  manifest: ManifestWriter;
  report: DownloadReport;
  progress: ProgressCounter;
}

/** Skips, fetches or fails one file; never throws a per-file problem. */
async function saveFile(job: FetchJob, context: Context): Promise<void> {
  const { result, dir, settings, recorded, manifest, report, progress } = context;
  const path = join(dir, job.name);
  const urlPath = new URL(job.url).pathname;
  try {
    const existing = await lstatIfExists(path);
    const entry = recorded.get(nameKey(job.name));
    if (
      existing?.isFile() &&
      entry?.result === result.id &&
      entry.index === job.index &&
      entry.url === urlPath &&
      entry.file === job.name &&
      entry.bytes === existing.size
    ) {
      progress.settle(report.skipped, {
        index: job.index,
        url: job.url,
        path,
        bytes: entry.bytes,
        sha256: entry.sha256,
      });
      return;
    }
    if (existing && !settings.overwrite) throw existsError(path);
    const temp = await fetchToTemporaryFile(job, dir, context);
    try {
      await place(temp.path, path, settings.overwrite);
    } catch (error) {
      throw await withCleanup(
        error instanceof DownloadError ? error : diskError(`Cannot move ${temp.path} to ${path}`, error),
        temp.path,
      );
    }
    const saved = { index: job.index, url: job.url, path, bytes: temp.bytes, sha256: temp.sha256 };
    try {
      await manifest.append({
        result: result.id,
        index: job.index,
        url: urlPath,
        file: job.name,
        bytes: temp.bytes,
        sha256: temp.sha256,
      });
    } catch (error) {
      // An unrecorded file would be refused as "exists" by the rerun: better not to leave it.
      throw await withCleanup(diskError(`Cannot record ${job.name} in ${manifest.path}`, error), path);
    }
    progress.settle(report.written, saved);
  } catch (error) {
    if (settings.signal?.aborted) return;
    const failure = error instanceof DownloadError ? error : diskError(`Cannot write ${path}`, error);
    progress.settle(report.failed, { index: job.index, url: job.url, path, error: failure });
  }
}

/**
 * Fetches `job.url` (following at most 3 redirects, each checked like the URL)
 * into a new temporary file in `dir`, opened exclusively so no existing file or
 * link is followed. Resolves once the body is complete and the file closed;
 * otherwise the temporary file is removed and it rejects.
 */
async function fetchToTemporaryFile(
  job: FetchJob,
  dir: string,
  { result, settings, progress }: Context,
): Promise<{ path: string; bytes: number; sha256: string }> {
  const { signal, maxBytes, stallTimeoutMs } = settings;
  const controller = new AbortController();
  const stop = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", stop);
  // It may have aborted while this file was being checked: the listener above would never fire.
  if (signal?.aborted) stop();
  const stall = setTimeout(
    () =>
      controller.abort(
        new DownloadError("stalled", `${shownUrl(job.url)} sent nothing for ${stallTimeoutMs} ms; gave up.`),
      ),
    stallTimeoutMs,
  );
  const temp = join(dir, `.claid-${randomBytes(6).toString("hex")}.part`);
  let handle: FileHandle | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const cancel = () => void reader?.cancel(controller.signal.reason).catch(() => undefined);
  controller.signal.addEventListener("abort", cancel);
  try {
    const response = await request(job.url, controller.signal, settings.fetch);
    const shown = shownUrl(response.url || job.url);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      if (EXPIRED_STATUSES.has(response.status))
        throw new DownloadError(
          "expired",
          `${shown} answered ${response.status}: the temporary URL has probably expired (Claid keeps temporary results for one day). For fresh URLs, retrieve batch ${result.id} again (claid.batches.retrieve(${result.id}) or \`claid batch get ${result.id}\`) and download into the same folder: complete files are skipped.`,
          { status: response.status },
        );
      throw new DownloadError("http", `${shown} answered ${response.status}.`, { status: response.status });
    }
    const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
    const declared = /^\d+$/.test(response.headers.get("content-length") ?? "")
      ? Number(response.headers.get("content-length"))
      : undefined;
    // Content-Length counts encoded bytes; fetch hands over decoded ones.
    const expected = encoded ? undefined : declared;
    if (expected !== undefined && expected > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(shown, `declares ${expected} bytes`, maxBytes);
    }
    handle = await open(temp, "wx").catch((error: unknown) => {
      throw diskError(`Cannot create ${temp}`, error);
    });
    const hash = createHash("sha256");
    let bytes = 0;
    reader = response.body?.getReader();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = reader ? await reader.read() : { done: true, value: undefined };
      } catch (error) {
        if (controller.signal.aborted) throw controller.signal.reason;
        throw new DownloadError("incomplete", `${shown} broke off after ${bytes} bytes: ${describe(error)}`, {
          cause: error,
        });
      }
      if (controller.signal.aborted) throw controller.signal.reason;
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) throw tooLarge(shown, `sent more than ${maxBytes} bytes`, maxBytes);
      stall.refresh();
      hash.update(chunk.value);
      await writeAll(handle, chunk.value).catch((error: unknown) => {
        throw diskError(`Cannot write ${temp}`, error);
      });
      progress.addBytes(chunk.value.byteLength);
    }
    if (bytes === 0) throw new DownloadError("empty", `${shown} answered ${response.status} with an empty body.`);
    if (expected !== undefined && bytes !== expected)
      throw new DownloadError("incomplete", `${shown} sent ${bytes} of the ${expected} bytes it declared.`);
    const closing = handle;
    handle = undefined;
    await closing.close().catch((error: unknown) => {
      throw diskError(`Cannot write ${temp}`, error);
    });
    return { path: temp, bytes, sha256: hash.digest("hex") };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    throw await withCleanup(error, temp);
  } finally {
    clearTimeout(stall);
    signal?.removeEventListener("abort", stop);
    controller.signal.removeEventListener("abort", cancel);
  }
}

/** GET without credentials, following redirects by hand so each target is checked. */
async function request(
  url: string,
  signal: AbortSignal,
  doFetch: (request: Request) => Promise<Response>,
): Promise<Response> {
  let target = checkUrl(url);
  for (let redirects = 0; ; redirects++) {
    // Keep `request` referenced until the fetch settles: undici lets an
    // unreferenced Request be collected, and with it the link to `signal`.
    const request = new Request(target, { signal, redirect: "manual" });
    let response: Response;
    try {
      response = await untilAborted(doFetch(request), signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new DownloadError("network", `GET ${shownUrl(target.href)} failed: ${describe(error)}`, { cause: error });
    }
    if (!REDIRECT_STATUSES.has(response.status)) return response;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get("location");
    if (redirects >= MAX_REDIRECTS || !location)
      throw new DownloadError(
        "redirect",
        location
          ? `${shownUrl(url)} redirected more than ${MAX_REDIRECTS} times.`
          : `${shownUrl(target.href)} answered ${response.status} without a Location.`,
        { status: response.status },
      );
    try {
      target = checkUrl(new URL(location, target).href);
    } catch (error) {
      throw new DownloadError("redirect", `${shownUrl(target.href)} redirected: ${(error as Error).message}`);
    }
  }
}

/** Rejects with `signal.reason` when it aborts, even if a custom fetch ignores the signal. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  for (let offset = 0; offset < data.byteLength; ) {
    const { bytesWritten } = await handle.write(data, offset);
    if (bytesWritten === 0) throw new Error("the file system accepted no bytes");
    offset += bytesWritten;
  }
}

/**
 * Moves the complete temporary file to `path`. Without `overwrite`, a hard link
 * claims the name atomically and fails if anything (even a dangling link) has
 * it; with `overwrite`, rename replaces what is there — a symlink itself, never
 * the file it points to.
 */
async function place(temp: string, path: string, overwrite: boolean): Promise<void> {
  if (overwrite) return rename(temp, path);
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code === "EEXIST") throw existsError(path);
    if (!NO_HARD_LINKS.has(code)) throw error;
    if (await lstatIfExists(path)) throw existsError(path);
    return rename(temp, path);
  }
  // The file is complete under its name; a leftover temporary name is only clutter.
  await unlink(temp).catch(() => undefined);
}

async function lstatIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw diskError(`Cannot inspect ${path}`, error);
  }
}

/** `error` (made a DownloadError), after removing `path`; a failed removal is added to it. */
async function withCleanup(error: unknown, path: string): Promise<unknown> {
  if (!(error instanceof DownloadError)) {
    await rm(path, { force: true }).catch(() => undefined);
    return error;
  }
  try {
    await rm(path, { force: true });
    return error;
  } catch (cleanupError) {
    return new DownloadError(error.reason, `${error.message} Removing ${path} failed too: ${describe(cleanupError)}`, {
      status: error.status,
      cause: error.cause,
      cleanupError: cleanupError as Error,
    });
  }
}

const existsError = (path: string) =>
  new DownloadError(
    "exists",
    `${path} exists and is not recorded in ${MANIFEST_FILE} as this result's download; pass overwrite: true (--overwrite) to replace it.`,
  );

const tooLarge = (url: string, what: string, maxBytes: number) =>
  new DownloadError("too-large", `${url} ${what}, over the limit of ${maxBytes} bytes (maxBytes).`);

const diskError = (what: string, error: unknown) =>
  new DownloadError("disk", `${what}: ${describe(error)}`, { cause: error });

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
  return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
}

/** A URL for a message: origin and path only (the query of a pre-signed URL is a credential), shortened. */
function shownUrl(url: string): string {
  let text = url;
  try {
    const parsed = new URL(url);
    text = parsed.origin === "null" ? `${parsed.protocol}…` : `${parsed.origin}${parsed.pathname}`;
  } catch {
    // Not a URL: shown as given.
  }
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Progress counts, read off the report's lists; each settled file is added to its list here. */
class ProgressCounter {
  #bytes = 0;
  #lastEmit = 0;

  constructor(
    readonly total: number,
    readonly report: DownloadReport,
    readonly onProgress: DownloadOptions["onProgress"],
  ) {
    this.emit();
  }

  settle<T>(list: T[], entry: T): void {
    list.push(entry);
    this.emit();
  }

  addBytes(bytes: number): void {
    this.#bytes += bytes;
    if (Date.now() - this.#lastEmit >= PROGRESS_INTERVAL_MS) this.emit();
  }

  emit(): void {
    this.#lastEmit = Date.now();
    const { written, skipped, stored, failed } = this.report;
    try {
      this.onProgress?.({
        total: this.total,
        done: written.length + skipped.length + stored.length + failed.length,
        written: written.length,
        skipped: skipped.length,
        stored: stored.length,
        failed: failed.length,
        bytes: this.#bytes,
      });
    } catch {
      // A progress display must not break the downloads.
    }
  }
}
