import {
  BatchCancelledError,
  BatchFailedError,
  BatchWaitTimeoutError,
  ClaidAPIError,
  ClaidError,
  InvalidArgumentError,
} from "@claid/node";
import { plural } from "./plural.ts";

/** Exit codes, documented in the README and tested. */
export const EXIT = { ok: 0, api: 1, usage: 2, batchFailed: 3, timedOut: 4, interrupted: 130 } as const;

/** A mistake in the command line or its files, found before any request. */
export class UsageError extends Error {
  override readonly name = "UsageError" as const;
}

/** Thrown into a wait when the user presses Ctrl-C. */
export class Interrupted extends Error {
  constructor(readonly taskIds: number[]) {
    super("interrupted");
  }
}

/** SDK argument names as the CLI user knows them, for lines built from an InvalidArgumentError's `problem`. */
const CLI_NAMES: Record<string, string> = {
  apiKey: "The API key (CLAID_API_KEY or --api-key-file)",
  baseUrl: "--base-url",
  taskId: "<id>",
  maxWaitMs: "--timeout",
  "options.maxWaitMs": "--timeout",
};

const CLI_UNKNOWN_OUTCOME =
  "The batch may or may not have been created; it was not submitted twice. Check before submitting again.";

/**
 * One line for stderr, and the exit code, for anything a command throws. Built from the errors' fields
 * (never by editing SDK messages) and speaking in flags, not SDK options: an SDK error's `hint` is left out.
 */
export function describeFailure(error: unknown): { line: string; code: number } {
  if (error instanceof Interrupted) {
    const ids = error.taskIds.join(", ");
    const resume = ids
      ? ` ${plural(error.taskIds.length, "Batch", "Batches")} ${ids} ${plural(error.taskIds.length, "keeps", "keep")} running on Claid's side; resume with: claid batch wait ${error.taskIds[0]}`
      : "";
    return { line: `Interrupted: stopped waiting.${resume}`, code: EXIT.interrupted };
  }
  if (error instanceof UsageError) return { line: error.message, code: EXIT.usage };
  if (error instanceof InvalidArgumentError)
    return { line: `${CLI_NAMES[error.argument] ?? error.argument} ${error.problem}`, code: EXIT.usage };
  if (error instanceof BatchFailedError) {
    const first = error.errors[0]?.error;
    return { line: `Batch ${error.result.id} ended in ERROR${first ? `: ${first}` : "."}`, code: EXIT.batchFailed };
  }
  if (error instanceof BatchCancelledError)
    return { line: `Batch ${error.result.id} was cancelled.`, code: EXIT.batchFailed };
  if (error instanceof BatchWaitTimeoutError && error.taskId !== undefined) {
    return {
      line: `--timeout ran out waiting for batch ${error.taskId} (last status: ${error.lastStatus ?? "unknown"}). The batch keeps running; resume with: claid batch wait ${error.taskId}`,
      code: EXIT.timedOut,
    };
  }
  if (error instanceof ClaidError) {
    const advice = error.outcomeUnknown
      ? ` ${CLI_UNKNOWN_OUTCOME}`
      : error.taskId !== undefined
        ? ` Batch ${error.taskId} was created; check it with: claid batch get ${error.taskId}`
        : "";
    return { line: `${withoutHint(error)}${advice}`, code: EXIT.api };
  }
  return { line: error instanceof Error ? error.message : String(error), code: EXIT.api };
}

/** An SDK error's message without its `hint` (advice in SDK terms, which the CLI words in flags instead). */
function withoutHint({ message, hint }: ClaidError): string {
  return hint && message.endsWith(` ${hint}`) ? message.slice(0, -hint.length - 1) : message;
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
        ? { lastStatus: error.lastStatus }
        : error instanceof Interrupted
          ? { taskIds: error.taskIds }
          : {};
  // Every error raised after a create succeeded names the batch, which exists.
  const taskId = error instanceof ClaidError ? error.taskId : undefined;
  return { error: { message: line, exitCode: code, ...facts, ...(taskId !== undefined && { taskId }) } };
}
