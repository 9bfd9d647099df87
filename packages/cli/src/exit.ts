import {
  BatchCancelledError,
  BatchFailedError,
  BatchWaitTimeoutError,
  ClaidError,
  InvalidArgumentError,
} from "@claid/node";

/** Exit codes, documented in the README and tested. */
export const EXIT = { ok: 0, api: 1, usage: 2, batchFailed: 3, timedOut: 4, interrupted: 130 } as const;

/** A mistake in the command line or its files, found before any request. */
export class UsageError extends Error {}

/** Thrown into a wait when the user presses Ctrl-C. */
export class Interrupted extends Error {
  constructor(readonly taskIds: number[]) {
    super("interrupted");
  }
}

/** One line for stderr, and the exit code, for anything a command throws. */
export function describeFailure(error: unknown): { line: string; code: number } {
  if (error instanceof Interrupted) {
    const ids = error.taskIds.join(", ");
    const resume = ids
      ? ` Batch ${ids} keeps running on Claid's side; resume with: claid batch wait ${error.taskIds[0]}`
      : "";
    return { line: `Interrupted: stopped waiting.${resume}`, code: EXIT.interrupted };
  }
  if (error instanceof UsageError || error instanceof InvalidArgumentError)
    return { line: error.message, code: EXIT.usage };
  if (error instanceof BatchFailedError || error instanceof BatchCancelledError)
    return { line: error.message, code: EXIT.batchFailed };
  if (error instanceof BatchWaitTimeoutError) return { line: error.message, code: EXIT.timedOut };
  if (error instanceof ClaidError) return { line: error.message, code: EXIT.api };
  return { line: error instanceof Error ? error.message : String(error), code: EXIT.api };
}
