/**
 * Many calls on one caller's AbortSignal (`--wait` over many batches) and states that
 * come back from storage (#19 item 19).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../../tests/support/fake-clock.ts";
import { type Claid, createClaid, InvalidArgumentError } from "../src/index.ts";
import { ACCEPTED, jsonResponse } from "./helpers.ts";

const KEY = "sk-signals-0123456789abcdef";
const processing = () => jsonResponse(200, { data: { ...ACCEPTED.data, status: "PROCESSING" } });

describe("one caller's signal shared by many calls", () => {
  let warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  beforeEach(() => {
    warnings = [];
    process.on("warning", onWarning);
    useFakeClock();
  });
  afterEach(() => {
    process.off("warning", onWarning);
    vi.useRealTimers();
  });

  type Call = (claid: Claid, signal: AbortSignal, taskId: number) => Promise<unknown>;
  it.each<[string, Call]>([
    ["wait()", (claid, signal, id) => claid.batches.wait(id, { signal })],
    ["retrieve()", (claid, signal, id) => claid.batches.retrieve(id, { signal })],
    ["check()", (claid, signal, id) => claid.batches.check(id, { signal })],
  ])(
    "50 concurrent %s on one signal: no MaxListenersExceededWarning, and the abort stops every pending one",
    async (name, call) => {
      let requests = 0;
      // Answers take 1 s and Claid's policy allows 4 requests a second: at the abort (5 s), calls
      // are in flight, held by the pacer, or between polls.
      const fetch = async () => {
        requests++;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return processing();
      };
      const claid = createClaid({ apiKey: KEY, fetch });
      const controller = new AbortController();
      const reason = new Error("stop");
      const calls = Array.from({ length: 50 }, (_, i) => call(claid, controller.signal, i + 1));
      setTimeout(() => controller.abort(reason), 5000);
      const outcome = await settle(Promise.allSettled(calls));
      // Node emits the warning on the next tick: let it come.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
      const results = outcome.ok ? outcome.value : [];
      expect(outcome.elapsedMs).toBe(5000);
      expect(results.filter((r) => r.status === "rejected").every((r) => r.reason === reason)).toBe(true);
      // Waits poll for ever: every one stops. One-shot calls past the pacer's 20 slots in 5 s stop too.
      expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThanOrEqual(name === "wait()" ? 50 : 25);
      expect(requests).toBeLessThanOrEqual(50);
    },
  );
});

describe("a stored state", () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  it.each([
    [
      "done without a result",
      { taskId: 7, status: "DONE", done: true, checks: 3, firstCheckedAt: "2026-11-27T09:00:00Z" },
    ],
    [
      "done with a result that is not an object",
      { taskId: 7, status: "DONE", done: true, result: "DONE", checks: 3, firstCheckedAt: "2026-11-27T09:00:00Z" },
    ],
  ])("%s: wait() and check() refuse it with InvalidArgumentError naming state", async (_, state) => {
    const requests: Request[] = [];
    const claid = createClaid({
      apiKey: KEY,
      fetch: async (request) => {
        requests.push(request);
        return processing();
      },
    });
    for (const call of [
      (): Promise<unknown> => claid.batches.wait(state as never),
      (): Promise<unknown> => claid.batches.check(state as never),
    ]) {
      const outcome = await settle(call());
      expect((outcome as { error: unknown }).error).toBeInstanceOf(InvalidArgumentError);
      expect(outcome).toMatchObject({ error: { argument: "state" } });
      expect((outcome as { error: Error }).error.message).toMatch(/state .*result/);
    }
    expect(requests).toHaveLength(0);
  });
});
