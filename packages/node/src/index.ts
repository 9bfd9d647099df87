/**
 * Claid Batch API client for Node.js: everything in `@claid/core`, the environment as default configuration, and `downloadResults()`.
 * @packageDocumentation
 * @module @claid/node
 */
export * from "@claid/core";
export { BulkJournalError } from "./bulk/errors.ts";
export { type BulkInputs, DEFAULT_BATCH_SIZE, INPUT_PROTOCOLS, urlProblem } from "./bulk/inputs.ts";
export type { ChunkFinish, Submission } from "./bulk/journal.ts";
export { JournalInUseError } from "./bulk/lock.ts";
export {
  type BatchRunOptions,
  type BatchRunProgress,
  type BatchRunSummary,
  type BatchRunTotals,
  type ChunkReport,
  chunkFolder,
  processInBatches,
  type RetryAdvice,
} from "./bulk/run.ts";
export { createClaid } from "./create-claid.ts";
export { DownloadError, type DownloadFailureReason } from "./download/errors.ts";
export { downloadResults } from "./download/index.ts";
export { MANIFEST_FILE, type ManifestEntry } from "./download/manifest.ts";
export type { DownloadOptions } from "./download/options.ts";
export type {
  DownloadFailure,
  DownloadProgress,
  DownloadReport,
  SavedFile,
  StoredOutput,
} from "./download/report.ts";
