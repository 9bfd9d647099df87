import {
  BatchCancelledError,
  BatchFailedError,
  BatchWaitTimeoutError,
  ClaidAPIError,
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

/** SDK argument names as the CLI user knows them, for the SDK's InvalidArgumentError messages. */
const CLI_NAMES: Record<string, string> = {
  apiKey: "CLAID_API_KEY or --api-key-file",
  baseUrl: "--base-url",
  taskId: "<id>",
  maxWaitMs: "--timeout",
};

/** The SDK's advice after a create() of unknown outcome names an SDK option; the CLI has no such flag. */
const SDK_UNKNOWN_OUTCOME = / The batch may or may not have been created\..*$/s;
const CLI_UNKNOWN_OUTCOME =
  " The batch may or may not have been created; it was not submitted twice. Check before submitting again.";

/** One line for stderr, and the exit code, for anything a command throws. Speaks in flags, not SDK options. */
export function describeFailure(error: unknown): { line: string; code: number } {
  if (error instanceof Interrupted) {
    const ids = error.taskIds.join(", ");
    const resume = ids
      ? ` Batch ${ids} keeps running on Claid's side; resume with: claid batch wait ${error.taskIds[0]}`
      : "";
    return { line: `Interrupted: stopped waiting.${resume}`, code: EXIT.interrupted };
  }
  if (error instanceof UsageError) return { line: error.message, code: EXIT.usage };
  if (error instanceof InvalidArgumentError) {
    const name = CLI_NAMES[error.argument];
    const line = name ? error.message.replace(new RegExp(`\\b${error.argument}\\b`, "g"), name) : error.message;
    return { line, code: EXIT.usage };
  }
  if (error instanceof BatchFailedError || error instanceof BatchCancelledError)
    return { line: error.message, code: EXIT.batchFailed };
  if (error instanceof BatchWaitTimeoutError && error.taskId !== undefined) {
    return {
      line: `--timeout ran out waiting for batch ${error.taskId} (last status: ${error.lastStatus ?? "unknown"}). The batch keeps running; resume with: claid batch wait ${error.taskId}`,
      code: EXIT.timedOut,
    };
  }
  if (error instanceof ClaidError && error.outcomeUnknown)
    return { line: `${error.message.replace(SDK_UNKNOWN_OUTCOME, "")}${CLI_UNKNOWN_OUTCOME}`, code: EXIT.api };
  if (error instanceof ClaidError) return { line: error.message, code: EXIT.api };
  return { line: error instanceof Error ? error.message : String(error), code: EXIT.api };
}

/**
 * What `--json` prints on stdout when a command fails, so that stdout is one JSON document on every path:
 * the batch itself (with its errors) when it ended in ERROR or CANCELLED, otherwise `{ "error": … }`.
 */
export function failureDocument(error: unknown, { line, code }: { line: string; code: number }): unknown {
  if (error instanceof BatchFailedError || error instanceof BatchCancelledError) return error.result;
  const facts =
    error instanceof ClaidAPIError
      ? {
          status: error.status,
          errorCode: error.errorCode,
          errorType: error.errorType,
          errorDetails: error.errorDetails,
          requestId: error.requestId,
        }
      : error instanceof BatchWaitTimeoutError
        ? { taskId: error.taskId, lastStatus: error.lastStatus }
        : error instanceof Interrupted
          ? { taskIds: error.taskIds }
          : {};
  return { error: { message: line, exitCode: code, ...facts } };
}
