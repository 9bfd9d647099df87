// A safe GET of one file into a temporary file: redirects checked hop by hop, limits on size and stalls.
import { createHash } from "node:crypto";
import { fstatSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { type BatchResult, isLoopbackHost } from "@claid/core";
import { DownloadError, diskError, errorText, shownUrl, tooLarge } from "./errors.ts";
import type { Settings } from "./options.ts";
import { openTemporaryFile, temporaryPath, withCleanup, writeAll } from "./place.ts";
import type { FetchJob } from "./plan.ts";
import type { ProgressCounter } from "./progress.ts";

const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** What a file host answers for a temporary URL past its one day. */
const EXPIRED_STATUSES = new Set([403, 404, 410]);

/** Checks that a URL may be fetched: https:, or plain http: on a loopback host. */
export function checkUrl(url: string): URL {
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

/**
 * Fetches `job.url` (following at most 3 redirects, each checked like the URL)
 * into a new temporary file in `dir`, opened exclusively so no existing file or
 * link is followed. Resolves once the body is complete and the file closed;
 * otherwise the temporary file is removed and it rejects.
 */
export async function fetchToTemporaryFile(
  job: FetchJob,
  dir: string,
  { result, settings, progress }: { result: BatchResult; settings: Settings; progress: ProgressCounter },
): Promise<{ path: string; bytes: number; mtimeMs: number; sha256: string | undefined }> {
  const { signal, maxBytes, stallTimeoutMs, fileTimeoutMs } = settings;
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
  let bytes = 0;
  const deadline = setTimeout(
    () =>
      controller.abort(
        new DownloadError(
          "timed-out",
          `${shownUrl(job.url)} did not finish within ${fileTimeoutMs} ms (fileTimeoutMs); gave up after ${bytes} bytes.`,
        ),
      ),
    fileTimeoutMs,
  );
  const temp = temporaryPath(dir);
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
          `${shown} answered ${response.status}: the temporary URL has probably expired (Claid keeps temporary results for one day). For fresh URLs, retrieve batch ${result.id} again (claid.batches.retrieve(${result.id})) and download into the same folder: complete files are skipped.`,
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
    handle = await openTemporaryFile(temp);
    const hash = settings.hash ? createHash("sha256") : undefined;
    reader = response.body?.getReader();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = reader ? await reader.read() : { done: true, value: undefined };
      } catch (error) {
        if (controller.signal.aborted) throw controller.signal.reason;
        throw new DownloadError("incomplete", `${shown} broke off after ${bytes} bytes: ${errorText(error)}`, {
          cause: error,
        });
      }
      if (controller.signal.aborted) throw controller.signal.reason;
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) throw tooLarge(shown, `sent more than ${maxBytes} bytes`, maxBytes);
      stall.refresh();
      hash?.update(chunk.value);
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
    let mtimeMs: number;
    try {
      // The modification time of the last write (placing the file keeps it); fstat of an open file takes microseconds.
      mtimeMs = fstatSync(closing.fd).mtimeMs;
      await closing.close();
    } catch (error) {
      await closing.close().catch(() => undefined);
      throw diskError(`Cannot write ${temp}`, error);
    }
    return { path: temp, bytes, mtimeMs, sha256: hash?.digest("hex") };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    throw await withCleanup(error, temp);
  } finally {
    clearTimeout(stall);
    clearTimeout(deadline);
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
      throw new DownloadError("network", `GET ${shownUrl(target.href)} failed: ${errorText(error)}`, { cause: error });
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
