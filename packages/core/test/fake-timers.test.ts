/**
 * Vitest's plain fake timers, as users write them: the client is made at module level (before
 * `vi.useFakeTimers()`), and one `advanceTimersByTimeAsync()` covers every sleep of the call.
 * The client must read the clock when it needs it, not keep the one it was created with: a
 * pacer on the real clock and timers on the fake one never sees its window pass.
 */
import { afterEach, expect, it, vi } from "vitest";
import { createClaid } from "../src/index.ts";
import { ACCEPTED, jsonResponse } from "./helpers.ts";

const KEY = "sk-fake-timers-0123456789";
const body = { input: "storage://s/in/", operations: {} };
/** Answers every create with ACCEPTED and every GET with DONE. */
const answer = async (request: Request) =>
  jsonResponse(200, request.method === "POST" ? ACCEPTED : { data: { ...ACCEPTED.data, status: "DONE", results: [] } });
// Claid's own host: the client paces to its documented 4-per-second window.
const claid = createClaid({ apiKey: KEY, fetch: answer });
/** The calls' sleeps in real time, were the fake clock not to drive them. */
const realSetTimeout = globalThis.setTimeout;

afterEach(() => {
  vi.useRealTimers();
});

it.each([
  [
    "three createAndWait() (6 requests: the 4-per-second window is used up)",
    () => [1, 2, 3].map(() => claid.batches.createAndWait(body)),
  ],
  ["nine retrieve()", () => Array.from({ length: 9 }, () => claid.batches.retrieve(7))],
])("%s finish within one vi.advanceTimersByTimeAsync()", async (_, calls) => {
  vi.useFakeTimers();
  let settled: string | undefined;
  Promise.all(calls()).then(
    () => {
      settled = "resolved";
    },
    (error: unknown) => {
      settled = `rejected: ${error}`;
    },
  );
  await vi.advanceTimersByTimeAsync(10_000);
  // Settled without real time passing (a few real turns for the promise chains at most).
  for (let turn = 0; turn < 5 && !settled; turn++) await new Promise((resolve) => realSetTimeout(resolve, 0));
  expect(settled).toBe("resolved");
  expect(vi.getTimerCount()).toBe(0);
});
