// The options of `downloadResults()`, their defaults and their checks.
import type { BatchResultItem, ClaidTelemetry } from "@claid/core";
import { describeValue, InvalidArgumentError } from "@claid/core";
import { withChannels } from "../channels.ts";
import type { DownloadProgress } from "./report.ts";

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const DEFAULT_FILE_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_LOCK_WAIT_MS = 10_000;
const HASHES = ["sha256"] as const;
/** The longest delay a timer takes (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Options of `downloadResults()`. */
export interface DownloadOptions {
  /** Files fetched at once. Default 8. */
  concurrency?: number | undefined;
  /**
   * Stops every download. The call rejects with `signal.reason` once every
   * temporary file is removed; complete files stay and a rerun skips them.
   */
  signal?: AbortSignal | undefined;
  /**
   * Replace files that exist but are not recorded in the folder's manifest as
   * this result's download (files that are recorded are skipped either way).
   * Default false: such a file is reported as failed (`exists`), untouched.
   */
  overwrite?: boolean | undefined;
  /** A WHATWG-compatible fetch; defaults to `globalThis.fetch`. It is given a `Request` with `redirect: "manual"`. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Largest file accepted, in bytes; a longer body fails with `too-large`. Default 512 MiB. */
  maxBytes?: number | undefined;
  /** A file that receives no bytes for this long (headers included) fails with `stalled`. Default 30 000 ms. */
  stallTimeoutMs?: number | undefined;
  /**
   * A file not complete this long after its request started (redirects included)
   * fails with `timed-out`, however steadily it trickles. Default 600 000 ms (10
   * minutes: a 512 MiB file at about 7 Mbit/s).
   */
  fileTimeoutMs?: number | undefined;
  /**
   * `"sha256"`: hash each file as it arrives and record the digest in the
   * manifest (and `SavedFile.sha256`), so that `verify` can check it later.
   * Default: no hash; a rerun trusts a recorded file whose size and
   * modification time are unchanged (rsync's quick check).
   */
  hash?: "sha256" | undefined;
  /**
   * Re-hash every recorded file before skipping it and fetch it again if it no
   * longer matches; files recorded without a hash fail with `unverifiable`
   * (left as they are). Implies `hash: "sha256"` for the files it fetches. Default false.
   */
  verify?: boolean | undefined;
  /**
   * How long to wait for another download into the same folder (another call
   * or process) to finish before failing every file with `locked`. Default
   * 10 000 ms.
   */
  lockWaitMs?: number | undefined;
  /**
   * Names the file of a result. Default: the last segment of its `tmp_url`
   * (with `.ext` added when it has none), else `<batch id>-<n>.<ext>`. Whatever
   * it returns is made safe and unique the same way as the default.
   */
  fileName?: ((item: BatchResultItem, index: number) => string) | undefined;
  /** Called when the download starts, when each file is settled, and at most every 100 ms as bytes arrive. Exceptions are ignored. */
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  /**
   * Hooks called when the download starts and ends and for each file (`downloadStart`, `fileStart`,
   * `fileEnd`, `downloadEnd`): `claidTelemetry()` of `@claid/otel`, or your own. URLs are passed without
   * their query string. They are also published on `diagnostics_channel` (`claid:download:start`, …). Default: none.
   */
  telemetry?: ClaidTelemetry | undefined;
}

/** The options, checked, with defaults filled in. */
export interface Settings {
  concurrency: number;
  signal: AbortSignal | undefined;
  overwrite: boolean;
  fetch: (request: Request) => Promise<Response>;
  maxBytes: number;
  stallTimeoutMs: number;
  fileTimeoutMs: number;
  hash: boolean;
  verify: boolean;
  lockWaitMs: number;
  fileName: DownloadOptions["fileName"];
  onProgress: DownloadOptions["onProgress"];
  telemetry: ClaidTelemetry;
}

export function readOptions(options: DownloadOptions): Settings {
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
  const delay = (name: keyof DownloadOptions, value: unknown, fallback: number): number => {
    const ms = positive(name, value, fallback, false);
    if (ms > MAX_TIMER_MS)
      throw new InvalidArgumentError({
        argument: `options.${name}`,
        problem: `must be at most ${MAX_TIMER_MS} ms (about 24.8 days); got ${describeValue(value)}.`,
      });
    return ms;
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
  if (options.telemetry !== undefined && (typeof options.telemetry !== "object" || options.telemetry === null))
    throw new InvalidArgumentError({
      argument: "options.telemetry",
      problem: `must be an object of hooks; got ${describeValue(options.telemetry)}.`,
    });
  if (options.hash !== undefined && !HASHES.includes(options.hash))
    throw new InvalidArgumentError({
      argument: "options.hash",
      problem: `must be ${HASHES.map((h) => JSON.stringify(h)).join(" or ")}; got ${describeValue(options.hash)}.`,
    });
  const lockWaitMs = options.lockWaitMs === 0 ? 0 : delay("lockWaitMs", options.lockWaitMs, DEFAULT_LOCK_WAIT_MS);
  return {
    concurrency: positive("concurrency", options.concurrency, DEFAULT_CONCURRENCY, true),
    signal: options.signal,
    overwrite: Boolean(options.overwrite),
    fetch: callable("fetch", options.fetch) ?? ((request: Request) => globalThis.fetch(request)),
    maxBytes: positive("maxBytes", options.maxBytes, DEFAULT_MAX_BYTES, true),
    stallTimeoutMs: delay("stallTimeoutMs", options.stallTimeoutMs, DEFAULT_STALL_TIMEOUT_MS),
    fileTimeoutMs: delay("fileTimeoutMs", options.fileTimeoutMs, DEFAULT_FILE_TIMEOUT_MS),
    hash: options.hash === "sha256" || Boolean(options.verify),
    verify: Boolean(options.verify),
    lockWaitMs,
    fileName: callable("fileName", options.fileName),
    onProgress: callable("onProgress", options.onProgress),
    telemetry: withChannels(options.telemetry),
  };
}
