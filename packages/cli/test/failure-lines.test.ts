/**
 * The CLI words its failure lines from the SDK errors' fields, never from their
 * prose: rewording an SDK message (or its hint) changes neither the line's advice,
 * nor the exit code, nor the --json document.
 */
import {
  BatchCancelledError,
  BatchFailedError,
  BatchWaitTimeoutError,
  type ClaidAPIError,
  ClaidConnectionError,
  type ClaidError,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
} from "@claid/node";
import { describe, expect, it } from "vitest";
import { describeFailure, EXIT, failureDocument, Interrupted } from "../src/exit.ts";

const REWORDED = "Das SDK hat diesen Satz umformuliert (apiKey, baseUrl, taskId, `retryNonIdempotent: true`).";

const at = "2026-11-27T08:00:00+00:00";
const batch = { id: 7, created_at: at, request: { input: "storage://s/in/", operations: {} } };
const apiError = (make: typeof ClaidAPIError) =>
  new make({ status: 500, headers: new Headers(), body: {}, message: "500 Internal Server Error: boom" });

function unknownOutcome(): ClaidError {
  const error = apiError(InternalServerError);
  error.outcomeUnknown = true;
  return error;
}

/** [case, the SDK error, the line the CLI prints, exit code, facts in the --json document]. */
const CASES: [string, () => ClaidError, RegExp, number, Record<string, unknown>][] = [
  [
    "an invalid key",
    () => new InvalidArgumentError({ argument: "apiKey", problem: "is shorter than 8 characters." }),
    /^The API key \(CLAID_API_KEY or --api-key-file\) is shorter than 8 characters\.$/,
    EXIT.usage,
    {},
  ],
  [
    "an insecure base URL, with SDK advice",
    () =>
      new InvalidArgumentError({
        argument: "baseUrl",
        problem: "is plain http.",
        hint: "Use `allowInsecureHttp: true`.",
      }),
    /^--base-url is plain http\.$/,
    EXIT.usage,
    {},
  ],
  [
    "processInBatches' wait limit, given as --timeout",
    () => new InvalidArgumentError({ argument: "options.maxWaitMs", problem: "must be 1 or more; got 0.5." }),
    /^--timeout must be 1 or more; got 0\.5\.$/,
    EXIT.usage,
    {},
  ],
  [
    "a create of unknown outcome",
    unknownOutcome,
    /^500 Internal Server Error: boom The batch may or may not have been created; it was not submitted twice\. Check before submitting again\.$/,
    EXIT.api,
    { status: 500 },
  ],
  [
    "a failed batch",
    () => new BatchFailedError({ ...batch, status: "ERROR", errors: [{ error: "unreadable image", created_at: at }] }),
    /^Batch 7 ended in ERROR: unreadable image$/,
    EXIT.batchFailed,
    {},
  ],
  [
    "a cancelled batch",
    () => new BatchCancelledError({ ...batch, status: "CANCELLED" }),
    /^Batch 7 was cancelled\.$/,
    EXIT.batchFailed,
    {},
  ],
  [
    "a wait that timed out",
    () => new BatchWaitTimeoutError(7, "PROCESSING", 1000),
    /^--timeout ran out waiting for batch 7 \(last status: PROCESSING\)\. The batch keeps running; resume with: claid batch wait 7$/,
    EXIT.timedOut,
    { taskId: 7, lastStatus: "PROCESSING" },
  ],
  [
    "an error after the create succeeded",
    () => {
      const error = apiError(NotFoundError);
      error.taskId = 7;
      return error;
    },
    /^500 Internal Server Error: boom Batch 7 was created; check it with: claid batch get 7$/,
    EXIT.api,
    { taskId: 7 },
  ],
  [
    "a connection error with an SDK hint",
    () => new ClaidConnectionError("GET /x failed: ECONNREFUSED.", { hint: "Set `timeoutMs`." }),
    /^GET \/x failed: ECONNREFUSED\.$/,
    EXIT.api,
    {},
  ],
];

describe("failure lines are built from the errors' fields", () => {
  it.each(CASES)("%s", (_, make, line, code, facts) => {
    const failure = describeFailure(make());
    expect(failure.line).toMatch(line);
    expect(failure.code).toBe(code);
    expect(failure.line).not.toMatch(/retryNonIdempotent|allowInsecureHttp|timeoutMs/);
    const error = make();
    // An ended batch is printed as itself (with its errors); anything else as { error }.
    const document =
      error instanceof BatchFailedError || error instanceof BatchCancelledError
        ? error.result
        : { error: { message: failure.line, exitCode: code, ...facts } };
    expect(failureDocument(error, failure)).toMatchObject(document);
  });

  it.each(CASES.filter(([name]) => !/unknown outcome|after the create|connection/.test(name)))(
    "%s: the same line and exit code when the SDK rewords its message",
    (_, make) => {
      const reworded = make();
      reworded.message = REWORDED;
      expect(describeFailure(reworded)).toEqual(describeFailure(make()));
    },
  );

  it.each(CASES.filter(([name]) => /unknown outcome|after the create/.test(name)))(
    "%s: the CLI's advice and exit code stay when the SDK rewords its message and hint",
    (_, make) => {
      const original = describeFailure(make());
      const reworded = make();
      reworded.hint = "Some new SDK advice naming `retryNonIdempotent: true`.";
      reworded.message = `Reworded text. ${reworded.hint}`;
      const line = describeFailure(reworded);
      expect(line.code).toBe(original.code);
      expect(line.line).not.toContain("retryNonIdempotent");
      // The advice after the SDK's own text is the CLI's, whatever the SDK's wording.
      expect(line.line.slice("Reworded text.".length)).toBe(
        original.line.slice("500 Internal Server Error: boom".length),
      );
    },
  );
});

describe("counted words agree with their count", () => {
  it.each([
    [[4], "Interrupted: stopped waiting. Batch 4 keeps running on Claid's side; resume with: claid batch wait 4"],
    [
      [4, 5],
      "Interrupted: stopped waiting. Batches 4, 5 keep running on Claid's side; resume with: claid batch wait 4",
    ],
    [[], "Interrupted: stopped waiting."],
  ])("Ctrl-C while waiting for %j", (taskIds, line) => {
    expect(describeFailure(new Interrupted(taskIds)).line).toBe(line);
  });
});
