// Per-file download failures and the wording of their messages.
import { ClaidError } from "@claid/core";

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
  /** Not complete within `fileTimeoutMs` of its request. */
  | "timed-out"
  /** The body broke off, or did not match its `Content-Length`. */
  | "incomplete"
  /** A 2xx with an empty body. */
  | "empty"
  /** A file of that name exists and is not this result's recorded download; see `overwrite`. */
  | "exists"
  /** With `verify`: the file was recorded without a SHA-256, so it cannot be checked (it is left as it is). */
  | "unverifiable"
  /** Another download holds the folder (its lock) for longer than `lockWaitMs`. */
  | "locked"
  /** The folder's manifest or lock is a symbolic link or not a regular file: never followed, read or written. */
  | "unsafe-path"
  /** The file system failed: folder, temporary file, disk full, rename, manifest. */
  | "disk";

/** A per-file download failure; `reason` says which kind. */
export class DownloadError extends ClaidError {
  override name = "DownloadError" as const;
  readonly reason: DownloadFailureReason;
  /** The HTTP status, for `http` and `expired`. */
  readonly status: number | undefined;
  /** Set when the temporary file could not be removed after the failure either. */
  readonly cleanupError: Error | undefined;

  constructor(
    reason: DownloadFailureReason,
    message: string,
    options: { status?: number | undefined; cause?: unknown; cleanupError?: Error | undefined } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
    this.cleanupError = options.cleanupError;
  }
}

export const existsError = (path: string) =>
  new DownloadError(
    "exists",
    `${path} exists and is not recorded in the folder's manifest as this result's download; pass overwrite: true to replace it.`,
  );

export const tooLarge = (url: string, what: string, maxBytes: number) =>
  new DownloadError("too-large", `${url} ${what}, over the limit of ${maxBytes} bytes (maxBytes).`);

export const diskError = (what: string, error: unknown) =>
  new DownloadError("disk", `${what}: ${errorText(error)}`, { cause: error });

/** An error as a message shows it: its message, with its cause's code or message when that adds something. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
  return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
}

/** A URL for a message: origin and path only (the query of a pre-signed URL is a credential), shortened. */
export function shownUrl(url: string): string {
  let text = url;
  try {
    const parsed = new URL(url);
    text = parsed.origin === "null" ? `${parsed.protocol}…` : `${parsed.origin}${parsed.pathname}`;
  } catch {
    // Not a URL: shown as given.
  }
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
