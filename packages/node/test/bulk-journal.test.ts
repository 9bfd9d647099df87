/** The journal's decisions without a server: what a failed create() is recorded as, and how old journals are read. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiIdentity, Journal, outcomeOfFailedCreate } from "../src/bulk/journal.ts";
import {
  ClaidConnectionError,
  type ClaidError,
  ClaidTimeoutError,
  InternalServerError,
  InvalidArgumentError,
  PaymentRequiredError,
} from "../src/index.ts";

const folder = mkdtempSync(join(tmpdir(), "claid-journal-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** An SDK error as the SDK hands it over after `attempts` attempts, its outcome known or not. */
function sdkError<E extends ClaidError>(error: E, outcomeUnknown: boolean, extra: object = {}): E {
  return Object.assign(error, { attempts: 1, outcomeUnknown }, extra);
}
const apiError = (Class: typeof PaymentRequiredError | typeof InternalServerError, status: number) =>
  new Class({ status, headers: new Headers(), body: {}, message: `${status}`, retryAfterMs: undefined });

describe("outcomeOfFailedCreate: only outcomeUnknown decides between unknown and not sent", () => {
  it.each([
    ["connection refused, nothing reached a server", sdkError(new ClaidConnectionError("refused"), false), "not-sent"],
    ["a connection dropped after sending", sdkError(new ClaidConnectionError("reset"), true), "unknown"],
    ["a timeout after sending", sdkError(new ClaidTimeoutError("timed out"), true), "unknown"],
    ["402 refused", sdkError(apiError(PaymentRequiredError, 402), false), "not-sent"],
    ["502 after sending", sdkError(apiError(InternalServerError, 502), true), "unknown"],
    [
      "a request that could not be built",
      sdkError(new InvalidArgumentError({ argument: "request", problem: "bad" }), false),
      "not-sent",
    ],
    ["not an SDK error (an abort, a bug)", new Error("interrupted by a second Ctrl-C"), "unknown"],
  ])("%s → %s", (_, error, submission) => {
    expect(outcomeOfFailedCreate(error, "the line")).toEqual({ submission, error: "the line" });
  });

  it("an error that carries the created batch's taskId is a submitted chunk, whatever else it says", () => {
    const error = sdkError(new ClaidConnectionError("answer lost"), true, { taskId: 41 });
    expect(outcomeOfFailedCreate(error, "the line")).toEqual({ submission: "submitted", taskId: 41 });
  });
});

describe("Journal", () => {
  const api = apiIdentity("http://127.0.0.1:4010", "journal-test-key-0123456789");
  let files = 0;
  const journalWith = (lines: object[]) => {
    const path = join(folder, `journal-${++files}`);
    writeFileSync(path, lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
    return path;
  };

  it("names the API by base URL and a 16-hex-digit hash of the key, never the key", () => {
    expect(api).toEqual({ baseUrl: "http://127.0.0.1:4010/", apiKeyHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const path = journalWith([]);
    const journal = Journal.open(path, "cmd", api);
    journal.append(1, { submission: "submitting" });
    journal.append(1, { submission: "submitted", taskId: 5 });
    journal.close();
    const text = readFileSync(path, "utf8");
    expect(text).not.toContain("journal-test-key");
    expect(text.split("\n")[1]).toMatch(
      /^\{"command":"cmd","baseUrl":"http:\/\/127\.0\.0\.1:4010\/","apiKeyHash":"[0-9a-f]{16}","chunk":1,"submission":"submitted","taskId":5,"at":"/,
    );
  });

  it("reads claid 0.1.0's records (key, state, batchId, failed) as this API's, and counts them", () => {
    const at = "2026-01-01T00:00:00.000Z";
    const path = journalWith([
      { key: "cmd", chunk: 1, state: "submitting", at },
      { key: "cmd", chunk: 1, state: "submitted", batchId: 7, at },
      { key: "cmd", chunk: 2, state: "submitting", at },
      { key: "cmd", chunk: 2, state: "failed", error: "402 Payment Required", at },
      { key: "cmd", chunk: 3, state: "submitting", at },
      { key: "other", chunk: 1, state: "submitted", batchId: 8, at },
    ]);
    const journal = Journal.open(path, "cmd", api);
    journal.close();
    expect([1, 2, 3, 4].map((n) => journal.outcomeOf(n))).toEqual([
      { submission: "submitted", taskId: 7 },
      { submission: "not-sent", error: "402 Payment Required" },
      { submission: "unknown" },
      { submission: "pending" },
    ]);
    expect(journal.unattributedRecords).toBe(5);
    expect(journal.otherCommandsSubmitted).toBe(1);
  });

  it("reuses only the records of its own API and key", () => {
    const otherServer = apiIdentity("http://127.0.0.1:4011", "journal-test-key-0123456789");
    const otherKey = apiIdentity("http://127.0.0.1:4010", "journal-test-key-9876543210");
    const record = (identity: typeof api, chunk: number, taskId: number) => ({
      command: "cmd",
      ...identity,
      chunk,
      submission: "submitted",
      taskId,
      at: "2026-01-01T00:00:00.000Z",
    });
    const path = journalWith([record(otherServer, 1, 1), record(otherKey, 2, 2), record(api, 3, 3)]);
    const journal = Journal.open(path, "cmd", api);
    journal.close();
    expect([1, 2, 3].map((n) => journal.outcomeOf(n).submission)).toEqual(["pending", "pending", "submitted"]);
    expect(journal.otherApisSubmitted).toBe(2);
  });

  it.each([
    ["a record of this version without its API", { command: "cmd", chunk: 1, submission: "submitted", taskId: 1 }],
    ["a submitted record without a taskId", { command: "cmd", ...api, chunk: 1, submission: "submitted" }],
    ["an unknown submission", { key: "cmd", chunk: 1, state: "sent" }],
  ])("refuses %s, naming the line", (_, line) => {
    const path = journalWith([line]);
    expect(() => Journal.open(path, "cmd", api)).toThrow(`Journal ${path} line 1 is not a journal record.`);
  });
});
