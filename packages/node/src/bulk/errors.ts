// Why a bulk run's journal cannot be used.
import { ClaidError } from "@claid/core";

/** The journal cannot be used: unreadable, not a journal, locked by another run, not writable. Nothing was sent. */
export class BulkJournalError extends ClaidError {
  override name = "BulkJournalError";
  constructor(
    /** The journal's path. */
    readonly journal: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
