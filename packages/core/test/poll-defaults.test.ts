/**
 * `createClaid({ poll })`: the client's poll schedule for every wait, createAndWait and check that
 * does not give its own, checked like the per-call options. Stub fetch on a fake clock: every
 * elapsed time is exact.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../../tests/support/fake-clock.ts";
import { type ClaidOptions, createClaid, InvalidArgumentError, type WaitOptions } from "../src/index.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";

const KEY = "sk-poll-defaults-0123456789";
const body = { input: "storage://s/in/", operations: {} };
const batch = (status: string) => jsonResponse(200, { data: { ...ACCEPTED.data, status, results: [] } });
/** Three PROCESSING answers, then DONE: a wait sleeps three times. */
const fourChecks = () => [batch("PROCESSING"), batch("PROCESSING"), batch("PROCESSING"), batch("DONE")];

describe("the client's poll schedule", () => {
  beforeEach(useFakeClock);
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["no poll option: 2000 ms ×1.5", undefined, {}, 2000 + 3000 + 4500],
    ["the client's interval", { pollIntervalMs: 10 }, {}, 10 + 15 + 23],
    ["the client's interval and cap", { pollIntervalMs: 10, maxPollIntervalMs: 10 }, {}, 30],
    ["the call's interval over the client's", { pollIntervalMs: 10 }, { pollIntervalMs: 1000 }, 1000 + 1500 + 2250],
    ["the call's cap with the client's interval", { pollIntervalMs: 10 }, { maxPollIntervalMs: 12 }, 10 + 12 + 12],
  ] as [string, ClaidOptions["poll"], WaitOptions, number][])(
    "wait() and createAndWait() sleep by %s",
    async (_, poll, callOptions, sleptMs) => {
      // Unpaced: Claid's 4-per-second window would (rightly) hold the fifth request of a quick wait.
      const unpaced = { apiKey: KEY, poll, rateLimit: false } as const;
      const waited = stubFetch(...fourChecks());
      const wait = await settle(createClaid({ ...unpaced, fetch: waited.fetch }).batches.wait(7, callOptions));
      expect(wait).toMatchObject({ ok: true, elapsedMs: sleptMs });

      const created = stubFetch(jsonResponse(200, ACCEPTED), ...fourChecks());
      const claid = createClaid({ ...unpaced, fetch: created.fetch });
      const createAndWait = await settle(claid.batches.createAndWait(body, callOptions));
      expect(createAndWait).toMatchObject({ ok: true, elapsedMs: sleptMs });
      expect(created.requests.map((r) => r.method)).toEqual(["POST", "GET", "GET", "GET", "GET"]);
    },
  );

  it("check() schedules its next check by the client's poll option, and a call's own wins", async () => {
    const stub = stubFetch(batch("PROCESSING"), batch("PROCESSING"));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, poll: { pollIntervalMs: 40 } });
    const first = await settle(claid.batches.check(7));
    expect(first).toMatchObject({ ok: true, value: { nextCheckAfterMs: 40 } });
    const own = await settle(claid.batches.check(7, { pollIntervalMs: 500 }));
    expect(own).toMatchObject({ ok: true, value: { nextCheckAfterMs: 500 } });
  });
});

describe("a bad client poll option is refused by createClaid(), naming it", () => {
  it.each([
    ["poll", 5],
    ["poll", null],
    ["poll.pollIntervalMs", { pollIntervalMs: 0 }],
    ["poll.pollIntervalMs", { pollIntervalMs: "10" }],
    ["poll.pollIntervalMs", { pollIntervalMs: Number.POSITIVE_INFINITY }],
    ["poll.maxPollIntervalMs", { maxPollIntervalMs: Number.NaN }],
    ["poll.maxPollIntervalMs", { maxPollIntervalMs: -1 }],
  ])("%s: %j", (argument, poll) => {
    const create = () => createClaid({ apiKey: KEY, poll } as never);
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(expect.objectContaining({ argument, message: expect.stringMatching(`^${argument} `) }));
  });

  it("a call's bad option is still named as the call's", async () => {
    const stub = stubFetch();
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, poll: { pollIntervalMs: 10 } });
    const error = await claid.batches.wait(7, { maxPollIntervalMs: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ argument: "maxPollIntervalMs" });
    expect(stub.requests).toHaveLength(0);
  });
});
