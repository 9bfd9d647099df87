import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createRequestPacer,
  InvalidArgumentError,
  type PacedRequest,
  type PacerOptions,
  parseRateLimitPolicy,
  RateLimitDeadlineError,
  type RequestPacer,
} from "../src/index.ts";
import { MAX_POLICY_WINDOWS, tightenPolicy } from "../src/pacer.ts";

const START = Date.parse("2026-11-27T09:00:00Z");
const CLAID = "120, 120;w=60, 4;w=1";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Milliseconds since the test started. */
const elapsed = () => Date.now() - START;

type Release = (headers: Headers | undefined) => void;

/** Asks for slots; records when each was granted (or how it failed) and keeps the release functions. */
function track(pacer: RequestPacer, requests: PacedRequest[]) {
  const grants: (number | undefined)[] = requests.map(() => undefined);
  const errors: unknown[] = requests.map(() => undefined);
  const releases: (Release | undefined)[] = requests.map(() => undefined);
  requests.forEach((request, i) => {
    pacer.acquire(request).then(
      (release) => {
        grants[i] = elapsed();
        releases[i] = release;
      },
      (error: unknown) => {
        errors[i] = error;
      },
    );
  });
  return { grants, errors, releases };
}

/** Sends `count` requests as fast as the pacer allows, each answered at once with `headers`. */
async function burst(pacer: RequestPacer, count: number, headers?: () => Headers, kind: "create" | "poll" = "poll") {
  const sentAt: number[] = [];
  await Promise.all(
    Array.from({ length: count }, async () => {
      const release = await pacer.acquire({ kind });
      sentAt.push(elapsed());
      release(headers?.() ?? new Headers());
    }),
  );
  return sentAt;
}

/** Lets the clock run until every timer has fired. */
async function drain(pacer: Promise<unknown>) {
  let done = false;
  pacer.finally(() => {
    done = true;
  });
  while (!done) await vi.advanceTimersToNextTimerAsync();
}

/** The most send times that fall in any half-open interval [t, t + ms). */
function busiestWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] as number) - (sorted[i] as number) >= ms) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

const limits = (limit: string, remaining?: string, reset?: string) =>
  new Headers({
    "RateLimit-Limit": limit,
    ...(remaining === undefined ? {} : { "RateLimit-Remaining": remaining }),
    ...(reset === undefined ? {} : { "RateLimit-Reset": reset }),
  });

describe("parseRateLimitPolicy()", () => {
  it.each([
    [
      CLAID,
      [
        { quota: 120, windowSeconds: 60 },
        { quota: 4, windowSeconds: 1 },
      ],
    ],
    ["4;w=1", [{ quota: 4, windowSeconds: 1 }]],
    [
      " 10 ; w=1.5 ,30;w=20",
      [
        { quota: 30, windowSeconds: 20 },
        { quota: 10, windowSeconds: 1.5 },
      ],
    ],
    ['10;comment="x";w=5;burst=2', [{ quota: 10, windowSeconds: 5 }]],
    ["120", []],
    ["", []],
    [null, []],
    [
      "abc;w=1, 4;w=abc, 0;w=1, -1;w=1, 1.5;w=1, 5;w=0, 5;w=1.2.3, 5;x=1, 5;w=1x, 7;w=3",
      [{ quota: 7, windowSeconds: 3 }],
    ],
  ])("%j → %j", (value, windows) => {
    expect(parseRateLimitPolicy(value)).toEqual(windows);
  });
});

/** A hostile or careless server's announcement: 900 harmless windows of 999 per ~1 s, all different. */
const noisyPolicy = (from: number) =>
  Array.from({ length: 900 }, (_, i) => `999;w=${(1 + (from + i) / 1e6).toFixed(6)}`).join(", ");

describe("a policy is a few windows, however many are announced", () => {
  it.each([
    ["duplicates", "4;w=1, 4;w=1, 4;w=1", [{ quota: 4, windowSeconds: 1 }]],
    ["a larger quota over the same length", "4;w=1, 9;w=1", [{ quota: 4, windowSeconds: 1 }]],
    [
      "a window implied by a stricter one (3 per 2 s ⇒ at most 3 per 1.5 s)",
      "10;w=1.5, 3;w=2",
      [{ quota: 3, windowSeconds: 2 }],
    ],
    ["900 near-duplicates", noisyPolicy(123), [{ quota: 999, windowSeconds: 1.001022 }]],
  ])("parseRateLimitPolicy() drops %s", (_, value, windows) => {
    expect(parseRateLimitPolicy(value)).toEqual(windows);
  });

  it(`keeps at most ${MAX_POLICY_WINDOWS} windows, merging neighbours into stricter ones: never looser than announced`, () => {
    // 40 windows, none implied by another: 1 per 1 s, 2 per 2 s, …, 40 per 40 s.
    const announced = Array.from({ length: 40 }, (_, i) => ({ quota: i + 1, windowSeconds: i + 1 }));
    const kept = parseRateLimitPolicy(announced.map((w) => `${w.quota};w=${w.windowSeconds}`).join(", "));
    expect(kept.length).toBeLessThanOrEqual(MAX_POLICY_WINDOWS);
    for (const { quota, windowSeconds } of announced) {
      expect(kept.some((w) => w.quota <= quota && w.windowSeconds >= windowSeconds)).toBe(true);
    }
    expect(createRequestPacer({ policy: announced })).toBeDefined();
  });

  it("the pacer holds a bounded policy after 40 answers announcing 900 windows each", () => {
    let policy = parseRateLimitPolicy("120;w=60, 4;w=1");
    for (let answer = 0; answer < 40; answer++) policy = tightenPolicy(policy, noisyPolicy(answer * 900));
    expect(policy.length).toBeLessThanOrEqual(MAX_POLICY_WINDOWS);
    expect(policy).toEqual([
      { quota: 120, windowSeconds: 60 },
      { quota: 4, windowSeconds: 1 },
    ]);
  });

  it("after 40 noisy answers the pacer still paces to the tightest window announced", async () => {
    const pacer = createRequestPacer();
    for (let answer = 0; answer < 40; answer++) {
      (await pacer.acquire({ kind: "poll" }))(limits(`${noisyPolicy(answer * 900)}, 50;w=10`));
    }
    await vi.advanceTimersByTimeAsync(60_000);
    const run = burst(pacer, 52);
    await drain(run);
    expect((await run).slice(48)).toEqual([60_000, 60_000, 70_200, 70_200]);
  });
});

describe("createRequestPacer() options", () => {
  it.each([
    ["a string without any window", "120"],
    ["garbage", "four per second"],
    ["an empty list", []],
    ["a zero quota", [{ quota: 0, windowSeconds: 1 }]],
    ["a fractional quota", [{ quota: 1.5, windowSeconds: 1 }]],
    ["a window of no length", [{ quota: 4, windowSeconds: 0 }]],
    ["a window without seconds", [{ quota: 4 }]],
    ["an empty string", ""],
    ["a list holding null", [null]],
  ])("rejects %s as the policy with InvalidArgumentError naming policy (its own option)", (_, policy) => {
    const create = () => createRequestPacer({ policy } as PacerOptions);
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(expect.objectContaining({ argument: "policy", message: expect.stringMatching(/^policy /) }));
    expect(create).not.toThrow(/rateLimit/);
  });

  it.each([0, -1, Number.NaN, "2"])("rejects maxConcurrentRequests %j with InvalidArgumentError naming it", (max) => {
    const create = () => createRequestPacer({ maxConcurrentRequests: max } as PacerOptions);
    expect(create).toThrow(expect.objectContaining({ argument: "maxConcurrentRequests" }));
  });

  it.each([-1, Number.NaN, Infinity, "20"])("rejects marginMs %j with InvalidArgumentError naming it", (marginMs) => {
    const create = () => createRequestPacer({ marginMs } as PacerOptions);
    expect(create).toThrow(expect.objectContaining({ argument: "marginMs" }));
  });

  it.each([
    [undefined, [0, 0, 1200, 1200, 2400]],
    [0, [0, 0, 1000, 1000, 2000]],
    [20, [0, 0, 1020, 1020, 2040]],
  ])("marginMs %j lengthens every window by that much (default 200)", async (marginMs, expected) => {
    const pacer = createRequestPacer({ policy: "2;w=1", marginMs });
    const run = burst(pacer, 5);
    await drain(run);
    expect(await run).toEqual(expected);
  });

  it.each([
    [undefined, 3200],
    [0, 3000],
  ])("marginMs %j: a RateLimit-Reset is taken as that much later", async (marginMs, expected) => {
    const pacer = createRequestPacer({ policy: CLAID, marginMs });
    (await pacer.acquire({ kind: "poll" }))(new Headers({ "RateLimit-Remaining": "0", "RateLimit-Reset": "3" }));
    expect(pacer.delayMs()).toBe(expected);
  });

  it("leaves the caller's policy objects alone when it learns a smaller quota", async () => {
    const policy = [{ quota: 5, windowSeconds: 10 }];
    const pacer = createRequestPacer({ policy });
    (await pacer.acquire({ kind: "poll" }))(limits("2, 2;w=10"));
    expect(policy).toEqual([{ quota: 5, windowSeconds: 10 }]);
    expect(pacer.delayMs()).toBe(0);
    (await pacer.acquire({ kind: "poll" }))(new Headers());
    expect(pacer.delayMs()).toBe(10_200);
  });
});

describe("sliding windows", () => {
  it("never lets a sliding window carry more than its quota, for every window of Claid's policy", async () => {
    const pacer = createRequestPacer({ policy: CLAID });
    const run = burst(pacer, 130);
    await drain(run);
    const sentAt = await run;
    expect(busiestWindow(sentAt, 1000)).toBe(4);
    expect(busiestWindow(sentAt, 60_000)).toBe(120);
    // 4 per 1.2 s (1 s + the 200 ms margin), then the minute's quota holds the rest back until 60.2 s.
    expect(sentAt.slice(0, 9)).toEqual([0, 0, 0, 0, 1200, 1200, 1200, 1200, 2400]);
    expect(sentAt[119]).toBe(29 * 1200);
    expect(sentAt[120]).toBe(60_200);
  });

  it("slides: a window opens when its oldest request leaves it, not at a fixed boundary", async () => {
    const pacer = createRequestPacer({ policy: "2;w=10" });
    await burst(pacer, 1);
    await vi.advanceTimersByTimeAsync(9000);
    await burst(pacer, 1);
    await vi.advanceTimersByTimeAsync(1500);
    // A fixed window [10 s, 20 s) would let both go at 10.5 s; sliding, the second waits for 9 s + 10 s + margin.
    const { grants } = track(pacer, [{ kind: "poll" }, { kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toEqual([10_500, undefined]);
    await vi.advanceTimersByTimeAsync(8699);
    expect(grants[1]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(grants[1]).toBe(19_200);
  });

  it("holds requests, never refuses them, and delayMs() says how long a new one would wait", async () => {
    const pacer = createRequestPacer({ policy: "1;w=2" });
    expect(pacer.delayMs()).toBe(0);
    const { grants } = track(pacer, [{ kind: "poll" }, { kind: "poll" }, { kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toEqual([0, undefined, undefined]);
    // Two are queued ahead of a new request: it would go third, at 2 × 2.2 s.
    expect(pacer.delayMs()).toBe(6600);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(grants).toEqual([0, 2200, 4400]);
    expect(pacer.delayMs()).toBe(0);
  });

  it("caps requests in flight with maxConcurrentRequests; a release lets the next one go", async () => {
    const pacer = createRequestPacer({ policy: "100;w=1", maxConcurrentRequests: 2 });
    const { grants, releases } = track(pacer, [{ kind: "poll" }, { kind: "poll" }, { kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(grants).toEqual([0, 0, undefined]);
    releases[0]?.(new Headers());
    releases[0]?.(new Headers()); // a second call of the same release frees nothing more
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toEqual([0, 0, 5000]);
    const late = track(pacer, [{ kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(late.grants).toEqual([undefined]);
  });

  it("never gives setTimeout more than 2^31 − 1 ms, even for a reset weeks away", async () => {
    const timeouts = vi.spyOn(globalThis, "setTimeout");
    const pacer = createRequestPacer({ policy: "10;w=1" });
    const first = await pacer.acquire({ kind: "poll" });
    const thirtyDays = 30 * 24 * 3600;
    first(limits("10, 10;w=1", "0", String(thirtyDays)));
    const { grants } = track(pacer, [{ kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(thirtyDays * 1000);
    expect(grants).toEqual([undefined]);
    await vi.advanceTimersByTimeAsync(200);
    expect(grants).toEqual([thirtyDays * 1000 + 200]);
    const delays = timeouts.mock.calls.map((call) => call[1] ?? 0);
    expect(Math.max(...delays)).toBe(2 ** 31 - 1);
  });
});

describe("learning the policy from responses", () => {
  it("slow start: one request in flight until the first answer, then the announced policy", async () => {
    const pacer = createRequestPacer();
    const { grants, releases } = track(
      pacer,
      Array.from({ length: 6 }, () => ({ kind: "create" as const })),
    );
    await vi.advanceTimersByTimeAsync(3000);
    expect(grants).toEqual([0, undefined, undefined, undefined, undefined, undefined]);
    releases[0]?.(limits(CLAID, "119", "60"));
    await vi.advanceTimersByTimeAsync(0);
    // Learned 4 per second: four go now (the first left the window long ago), the next 1.2 s later.
    expect(grants).toEqual([0, 3000, 3000, 3000, 3000, undefined]);
    await vi.advanceTimersByTimeAsync(1200);
    expect(grants[5]).toBe(4200);
  });

  it("counts the slow-start request in the windows it learns", async () => {
    const pacer = createRequestPacer();
    const { grants, releases } = track(
      pacer,
      Array.from({ length: 6 }, () => ({ kind: "create" as const })),
    );
    await vi.advanceTimersByTimeAsync(100);
    releases[0]?.(limits(CLAID, "3", "1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toEqual([0, 100, 100, 100, undefined, undefined]);
    await vi.advanceTimersByTimeAsync(1200);
    // The windows would allow 1200 for the fifth; the answer at 100 said "3 left, reset in 1 s", so
    // the rest wait for that reset (+ margin), and then for an answer saying what is left now.
    expect(grants).toEqual([0, 100, 100, 100, undefined, undefined]);
    for (const release of releases.slice(1, 4)) release?.(limits(CLAID, "4", "1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toEqual([0, 100, 100, 100, 1300, 1300]);
  });

  it("stays in slow start when a request got no answer (release(undefined))", async () => {
    const pacer = createRequestPacer();
    const { grants, releases } = track(pacer, [{ kind: "poll" }, { kind: "poll" }, { kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(0);
    releases[0]?.(undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toEqual([0, 0, undefined]);
  });

  it("without any RateLimit headers, the first answer ends slow start and nothing is paced", async () => {
    const pacer = createRequestPacer();
    const run = burst(pacer, 50);
    await vi.advanceTimersByTimeAsync(0);
    expect(await run).toEqual(Array(50).fill(0));
  });

  it("a smaller quota seen later replaces a larger one; a larger one, malformed or absent headers change nothing", async () => {
    const pacer = createRequestPacer({ policy: "3;w=10" });
    for (const headers of [limits("5, 5;w=10"), limits("3, 3;w=oops"), new Headers()]) {
      (await pacer.acquire({ kind: "poll" }))(headers);
    }
    // Still 3 per 10 s: a fourth request would wait for the first to leave the window.
    expect(pacer.delayMs()).toBe(10_200);
    await vi.advanceTimersByTimeAsync(20_000);
    (await pacer.acquire({ kind: "poll" }))(limits("2, 2;w=10, 50;w=3600"));
    const run = burst(pacer, 3);
    await drain(run);
    expect(await run).toEqual([20_000, 30_200, 30_200]);
  });

  it("believes RateLimit-Remaining: 0 (other clients share the key) and waits RateLimit-Reset", async () => {
    const pacer = createRequestPacer({ policy: "100;w=60" });
    const first = await pacer.acquire({ kind: "poll" });
    first(limits("100, 100;w=60", "0", "7"));
    const { grants } = track(pacer, [{ kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(7199);
    expect(grants).toEqual([undefined]);
    await vi.advanceTimersByTimeAsync(1);
    expect(grants).toEqual([7200]);
  });

  it.each([
    ["Remaining above 0", "5", "7"],
    ["no Reset", "0", undefined],
    ["a malformed Reset", "0", "soon"],
  ])("ignores %s", async (_, remaining, reset) => {
    const pacer = createRequestPacer({ policy: "100;w=60" });
    (await pacer.acquire({ kind: "poll" }))(limits("100", remaining, reset));
    expect(pacer.delayMs()).toBe(0);
  });
});

describe("queue order", () => {
  it("sends creates before polls, and polls earliest-due first", async () => {
    const pacer = createRequestPacer({ policy: "1;w=1" });
    const first = track(pacer, [{ kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.grants).toEqual([0]);
    const { grants } = track(pacer, [
      { kind: "poll", dueAt: START - 500 },
      { kind: "poll", dueAt: START - 3000 },
      { kind: "create" },
      { kind: "poll", dueAt: START - 2000 },
      { kind: "create" },
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    const order = grants.map((at, i) => [at, i]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(order.map(([, i]) => i)).toEqual([2, 4, 1, 3, 0]);
  });

  it("a create is never starved by a steady stream of polls", async () => {
    const pacer = createRequestPacer({ policy: "2;w=1" });
    const polls = track(
      pacer,
      Array.from({ length: 50 }, () => ({ kind: "poll" as const })),
    );
    await vi.advanceTimersByTimeAsync(2000);
    const create = track(pacer, [{ kind: "create" }]);
    await vi.advanceTimersByTimeAsync(1200);
    expect(create.grants[0]).toBe(2400);
    expect(polls.grants.filter((at) => at !== undefined).length).toBeLessThan(10);
  });

  it("does not send a poll before its dueAt", async () => {
    const pacer = createRequestPacer({ policy: "10;w=1" });
    const { grants } = track(pacer, [{ kind: "poll", dueAt: START + 4000 }, { kind: "poll" }]);
    await vi.advanceTimersByTimeAsync(3999);
    expect(grants).toEqual([undefined, 0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(grants).toEqual([4000, 0]);
  });
});

describe("deadlineAt and abort", () => {
  it("rejects at once with RateLimitDeadlineError carrying the wait, when no slot comes before deadlineAt", async () => {
    const pacer = createRequestPacer({ policy: "1;w=10" });
    const { grants, errors } = track(pacer, [
      { kind: "poll" },
      { kind: "poll", deadlineAt: START + 10_200 },
      { kind: "poll", deadlineAt: START + 15_000 },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    // The second fits just in time; the third would come after it, at 20.4 s: 5.4 s past its deadline.
    expect(grants).toEqual([0, undefined, undefined]);
    expect(errors[2]).toBeInstanceOf(RateLimitDeadlineError);
    expect(errors[2]).toMatchObject({ waitMs: 20_400, name: "RateLimitDeadlineError" });
    await vi.advanceTimersByTimeAsync(10_200);
    expect(grants).toEqual([0, 10_200, undefined]);
  });

  it("rejects at deadlineAt a request held by the in-flight cap", async () => {
    const pacer = createRequestPacer({ maxConcurrentRequests: 1, policy: "10;w=1" });
    const { grants, errors } = track(pacer, [{ kind: "create" }, { kind: "poll", deadlineAt: START + 3000 }]);
    await vi.advanceTimersByTimeAsync(2999);
    expect(errors[1]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(errors[1]).toBeInstanceOf(RateLimitDeadlineError);
    expect(grants).toEqual([0, undefined]);
  });

  it("an abort rejects the wait with signal.reason and lets the next request take the slot", async () => {
    const pacer = createRequestPacer({ policy: "1;w=1" });
    const controller = new AbortController();
    const { grants, errors } = track(pacer, [
      { kind: "poll" },
      { kind: "poll", signal: controller.signal },
      { kind: "poll" },
    ]);
    await vi.advanceTimersByTimeAsync(500);
    const reason = new Error("stop");
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(errors[1]).toBe(reason);
    await vi.advanceTimersByTimeAsync(1000);
    expect(grants).toEqual([0, undefined, 1200]);
  });

  it("an already aborted signal rejects without taking a slot; a signal is let go once granted", async () => {
    const pacer = createRequestPacer({ policy: "1;w=1" });
    const reason = new Error("already");
    await expect(pacer.acquire({ kind: "poll", signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(pacer.delayMs()).toBe(0);
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    await pacer.acquire({ kind: "poll", signal: controller.signal });
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
  });
});
