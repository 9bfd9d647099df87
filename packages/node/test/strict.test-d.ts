/**
 * Types users touch, checked as a consumer with `exactOptionalPropertyTypes` (this
 * folder's type tests compile with tsconfig.strict.json).
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type BatchResult,
  type ClaidError,
  type DownloadError,
  type DownloadOptions,
  type DownloadReport,
  downloadResults,
} from "../src/index.ts";

declare const batch: BatchResult;
/** Settings read from a config file or flags: any of them may be absent. */
declare const cfg: { [K in keyof DownloadOptions]-?: DownloadOptions[K] | undefined };

describe("strict settings", () => {
  it("every download option accepts a value that may be undefined", () => {
    const options: DownloadOptions = {
      concurrency: cfg.concurrency,
      signal: cfg.signal,
      overwrite: cfg.overwrite,
      fetch: cfg.fetch,
      maxBytes: cfg.maxBytes,
      stallTimeoutMs: cfg.stallTimeoutMs,
      fileTimeoutMs: cfg.fileTimeoutMs,
      hash: cfg.hash,
      verify: cfg.verify,
      lockWaitMs: cfg.lockWaitMs,
      fileName: cfg.fileName,
      onProgress: cfg.onProgress,
    };
    expectTypeOf(downloadResults(batch, "out", options)).resolves.toEqualTypeOf<DownloadReport>();
    downloadResults(batch, "out", { concurrency: cfg.concurrency });
    // @ts-expect-error only SHA-256 is offered
    downloadResults(batch, "out", { hash: "md5" });
  });

  it("DownloadError has a literal name, so a caught error narrows on it", () => {
    expectTypeOf<DownloadError["name"]>().toEqualTypeOf<"DownloadError">();
    // An application's own error with a literal name, beside ours in one union.
    type QuotaError = Error & { name: "QuotaError"; quota: number };
    const narrow = (error: DownloadError | QuotaError) => (error.name === "DownloadError" ? error.reason : error.quota);
    expectTypeOf(narrow).returns.toEqualTypeOf<DownloadError["reason"] | number>();
    expectTypeOf<DownloadError>().toMatchTypeOf<ClaidError>();
  });
});
