import { ClaidError, BatchResultItem, BatchResult, ClaidOptions, Claid } from '@claid/core';
export * from '@claid/core';

/** Options of `downloadResults()`. */
interface DownloadOptions {
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
interface DownloadProgress {
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
interface SavedFile {
    /** Index of the result in `result.results`. */
    index: number;
    url: string;
    path: string;
    bytes: number;
    /** Hex SHA-256 of the file. */
    sha256: string;
}
/** A result Claid wrote to your own storage (`output` given): there is nothing to download. */
interface StoredOutput {
    index: number;
    /** Where it is, e.g. `storage://my-bucket/out/image-1.png`. */
    uri: string;
}
/** Why a result's file could not be saved. */
type DownloadFailureReason = 
/** The result item is malformed (no `output_object`, a `tmp_url` that is not a string, …). */
"invalid-result"
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
declare class DownloadError extends ClaidError {
    name: string;
    readonly reason: DownloadFailureReason;
    /** The HTTP status, for `http` and `expired`. */
    readonly status: number | undefined;
    /** Set when the temporary file could not be removed after the failure either. */
    readonly cleanupError: Error | undefined;
    constructor(reason: DownloadFailureReason, message: string, options?: {
        status?: number;
        cause?: unknown;
        cleanupError?: Error;
    });
}
/** A result file that could not be saved, and why. */
interface DownloadFailure {
    /** Index of the result in `result.results`. */
    index: number;
    url: string | undefined;
    path: string | undefined;
    error: DownloadError;
}
/** What `downloadResults()` did with each result; each list is in result order. */
interface DownloadReport {
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
declare function downloadResults(result: BatchResult, dir: string, options?: DownloadOptions): Promise<DownloadReport>;

/** The manifest's file name, inside the download folder (a dot file: no result name can start with a dot). */
declare const MANIFEST_FILE = ".claid-downloads.jsonl";
/** One line of the manifest: a complete file of a batch result. */
interface ManifestEntry {
    /** The batch id. */
    result: number;
    /** Index of the result in the batch's `results`. */
    index: number;
    /** The path of the URL it came from: without the query, whose signature changes every time the batch is retrieved. */
    url: string;
    /** File name inside the folder. */
    file: string;
    bytes: number;
    /** Hex SHA-256 of the file's bytes. */
    sha256: string;
}

/**
 * Claid Batch API client for Node.js: everything in `@claid/core`, the environment as default configuration, and `downloadResults()`.
 * @packageDocumentation
 * @module @claid/node
 */

/**
 * Creates a client. `apiKey` and `baseUrl` default to the `CLAID_API_KEY` and
 * `CLAID_BASE_URL` environment variables.
 *
 * @example
 * const claid = createClaid(); // reads CLAID_API_KEY
 * const result = await claid.batches.createAndWait({ input: "storage://s/in/", operations: {} });
 */
declare function createClaid(options?: ClaidOptions): Claid;

export { DownloadError, type DownloadFailure, type DownloadFailureReason, type DownloadOptions, type DownloadProgress, type DownloadReport, MANIFEST_FILE, type ManifestEntry, type SavedFile, type StoredOutput, createClaid, downloadResults };
