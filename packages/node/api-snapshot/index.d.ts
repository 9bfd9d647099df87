import { BatchResult, ClaidOptions, Claid } from '@claid/core';
export * from '@claid/core';

/** Options of `downloadResults()`. */
interface DownloadOptions {
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
interface DownloadFailure {
    /** Index of the result in `result.results`. */
    index: number;
    url: string | undefined;
    path: string | undefined;
    error: Error;
}
/** What `downloadResults()` saved and what it could not. */
interface DownloadReport {
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
declare function downloadResults(result: BatchResult, dir: string, options?: DownloadOptions): Promise<DownloadReport>;

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

export { type DownloadFailure, type DownloadOptions, type DownloadReport, createClaid, downloadResults };
