import type { BatchStatus, RateLimitInfo } from "./types.ts";

/**
 * Hooks the client calls as it works: `createClaid({ telemetry })`, and `downloadResults(…, { telemetry })`
 * in `@claid/node`. `@claid/otel` turns them into OpenTelemetry spans and metrics; `@claid/node` also
 * publishes them on `diagnostics_channel`. A start and its end receive the same event object (add your
 * own state to a `WeakMap` keyed by it). Nothing passed to a hook holds the API key or a URL's query
 * string. A hook that throws is ignored. Every hook is optional; without `telemetry` none of this runs.
 */
export interface ClaidTelemetry {
  /**
   * Asked before each attempt, wait and download: while it returns false, no event is built and no hook
   * called (`@claid/node` uses it to publish on `diagnostics_channel` only while someone listens). Default: always.
   */
  enabled?(): boolean;
  /**
   * An HTTP attempt is being sent (after its rate-limit slot). Returns headers to add to this attempt
   * only (e.g. `traceparent`); they go to the API's origin only, and a client with a key sends its own `Authorization`.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook that adds no header returns nothing.
  attemptStart?(attempt: AttemptEvent): Record<string, string> | undefined | void;
  /** The attempt got its answer (read and checked) or failed: `status` and/or `error` are set. */
  attemptEnd?(attempt: AttemptEvent): void;
  /** An attempt got its rate-limit slot, after `waitedMs` in the pacer's queue (0 when free). */
  pacerWait?(wait: PacerWaitEvent): void;
  /** `wait()` or `createAndWait()` started. */
  waitStart?(wait: WaitEvent): void;
  /** A check saw a new status (the first status seen included): `wait.status`. */
  waitStatus?(wait: WaitEvent): void;
  /** The wait settled: `wait.error` is set when it rejected. */
  waitEnd?(wait: WaitEvent): void;
  /** `downloadResults()` started (`@claid/node`). */
  downloadStart?(download: DownloadEvent): void;
  /** `downloadResults()` settled: the counts are final. */
  downloadEnd?(download: DownloadEvent): void;
  /** A result file is being fetched. */
  fileStart?(file: FileEvent): void;
  /** A result file was written, skipped or failed: `file.outcome`. */
  fileEnd?(file: FileEvent): void;
}

/** One HTTP attempt of a call to the API. */
export interface AttemptEvent {
  method: "GET" | "POST";
  /** The route, e.g. `/v1/image/edit/batch/{task_id}`. */
  urlTemplate: string;
  /** The request's URL without query or fragment (the key is never in it). */
  url: string;
  /** 1 for the first attempt of a call, 2 for its first retry, … */
  attempt: number;
  /** The wait this attempt belongs to, if any. */
  wait: WaitEvent | undefined;
  /** Set at the end: the HTTP status, when an answer came. */
  status?: number | undefined;
  /** Set at the end: why the attempt failed — a `ClaidError` (key removed from its message), or the caller's abort reason. */
  error?: unknown;
  /** Set at the end: the answer's `RateLimit-*` headers, when it had any. */
  rateLimit?: RateLimitInfo | undefined;
}

/** An attempt's time in the rate-limit pacer's queue. */
export interface PacerWaitEvent {
  method: "GET" | "POST";
  urlTemplate: string;
  waitedMs: number;
  wait: WaitEvent | undefined;
}

/** One `wait()` or `createAndWait()` call. */
export interface WaitEvent {
  operation: "wait" | "createAndWait";
  /** Known from the start for `wait()`, once created for `createAndWait()`. */
  taskId: number | undefined;
  /** The last status seen. */
  status: BatchStatus | undefined;
  /** Set at the end when the wait rejected. */
  error?: unknown;
}

/** One `downloadResults()` call. */
export interface DownloadEvent {
  taskId: number;
  /** Result files of the batch. */
  files: number;
  /** Set at the end. */
  written?: number | undefined;
  skipped?: number | undefined;
  failed?: number | undefined;
  /** Bytes written to disk by this call (skipped files not counted). */
  bytes?: number | undefined;
  error?: unknown;
}

/** One result file of a `downloadResults()` call. */
export interface FileEvent {
  download: DownloadEvent;
  index: number;
  /** The file's URL without query or fragment (Claid's temporary URLs may be signed). */
  url: string;
  /** Set at the end. */
  outcome?: "written" | "skipped" | "failed" | undefined;
  bytes?: number | undefined;
  /** For a failed file: why (`DownloadError.reason`, e.g. "expired"). */
  reason?: string | undefined;
  /** For a failed file answered with an HTTP error: its status. */
  status?: number | undefined;
}

/** Calls one hook of `telemetry` (if any), ignoring a hook's failure: telemetry never changes what a call does. */
export function emitTelemetry<K extends keyof ClaidTelemetry>(
  telemetry: ClaidTelemetry | undefined,
  hook: K,
  event: Parameters<NonNullable<ClaidTelemetry[K]>>[0],
): ReturnType<NonNullable<ClaidTelemetry[K]>> | undefined {
  try {
    return (telemetry?.[hook] as ((event: unknown) => never) | undefined)?.(event);
  } catch {}
}

/**
 * `running`, its settling reported to the `hook` ending `event`, with `event.error` set to the rejection
 * or to the `error` a result carries. An attempt that never started (its request could not be built) is not ended.
 */
export function reportEnd<T>(
  telemetry: ClaidTelemetry,
  hook: "attemptEnd" | "waitEnd",
  event: AttemptEvent | WaitEvent,
  running: Promise<T>,
): Promise<T> {
  const end = (error: unknown) => {
    event.error = error;
    if ((event as AttemptEvent).url !== "") emitTelemetry(telemetry, hook, event as never);
  };
  return running.then(
    (value) => {
      end((value as { error?: unknown }).error);
      return value;
    },
    (error: unknown) => {
      end(error);
      throw error;
    },
  );
}
