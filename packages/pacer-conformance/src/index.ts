/**
 * The conformance suite every `RequestPacer` must pass: the in-memory pacer of `@claid/core`,
 * the Durable Object budget of the Cloudflare recipe, `@claid/redis`, and yours. It runs on the
 * real clock (a shared pacer keeps time elsewhere: in Redis, in a Durable Object), with policies
 * scaled to fractions of a second, in vitest:
 *
 * ```ts
 * import { describePacerConformance } from "@claid/pacer-conformance";
 * describePacerConformance("my pacer", { create: async ({ policy }) => ({ pacer: myPacer(policy), close: async () => {} }) });
 * ```
 * @packageDocumentation
 * @module @claid/pacer-conformance
 */
import {
  type PacedRequest,
  parseRateLimitPolicy,
  RateLimitDeadlineError,
  type RateLimitWindow,
  type RequestPacer,
} from "@claid/core";
import { describe, expect, test } from "vitest";

/** What a case asks the backend for: a new, empty budget. */
export interface ConformanceBudget {
  /** The policy to pace to, in RateLimit-Limit syntax ("6;w=1, 3;w=0.4"): the server of the case enforces the same. */
  policy: string;
}

/** A pacer under test, on a budget of its own, and how to let it go. */
export interface PacerUnderTest {
  pacer: RequestPacer;
  /** Frees what the pacer holds (connections, timers); called after each case. */
  close(): Promise<void> | void;
}

/** How the suite gets a pacer for each case. */
export interface ConformanceBackend {
  /** A pacer on a new, empty budget: nothing sent, nothing learned (a fresh namespace, object or instance). */
  create(budget: ConformanceBudget): Promise<PacerUnderTest>;
  /**
   * Extra margin (ms) the backend adds to each window; a backend that measures time elsewhere
   * (Redis's clock) is checked against windows of this much more. Default 0.
   */
  toleranceMs?: number | undefined;
  /**
   * Runs the cases one after another. By default they run at once (vitest's `maxConcurrency`, 5):
   * each waits on the clock, on a budget of its own. Set this when the backend's budgets are not
   * independent (one store that `create()` cannot key per case).
   */
  sequential?: boolean | undefined;
}

/**
 * The server of a case: it records when each request arrives, answers with Claid's `RateLimit-*`
 * headers for the policy, and counts the requests that a window could not hold (the 429s).
 */
export interface ConformanceServer {
  /** A request arrives now: its answer's headers. */
  arrive(): Headers;
  /** Arrival times (ms, this process's clock). */
  arrivals: number[];
  /** Requests that arrived over a window's quota. */
  tooMany: number;
}

/** A server enforcing `policy` as sliding windows, as Claid does. */
export function conformanceServer(policy: string): ConformanceServer {
  const windows = parseRateLimitPolicy(policy);
  const arrivals: number[] = [];
  const server = {
    arrivals,
    tooMany: 0,
    arrive() {
      const now = Date.now();
      const inWindow = (w: RateLimitWindow) => arrivals.filter((at) => at > now - w.windowSeconds * 1000);
      const over = windows.some((w) => inWindow(w).length >= w.quota);
      if (over) server.tooMany++;
      else arrivals.push(now);
      // The window closest to its quota speaks for RateLimit-Remaining and RateLimit-Reset.
      const closest = windows
        .map((w) => {
          const times = inWindow(w);
          const resetMs = times.length ? (times[0] as number) + w.windowSeconds * 1000 - now : 0;
          return { quota: w.quota, remaining: Math.max(0, w.quota - times.length), resetMs };
        })
        .sort((a, b) => a.remaining - b.remaining)[0];
      return new Headers({
        "RateLimit-Limit": [closest?.quota, ...windows.map((w) => `${w.quota};w=${w.windowSeconds}`)].join(", "),
        "RateLimit-Remaining": String(closest?.remaining ?? 0),
        "RateLimit-Reset": String(Math.ceil((closest?.resetMs ?? 0) / 1000)),
      });
    },
  };
  return server;
}

/** The most arrivals in any `windowSeconds`-long interval (arrivals sorted). */
export function busiestWindow(times: number[], windowSeconds: number): number {
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= windowSeconds * 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** Acquires a slot for `request`, "sends" it to `server` and reports the answer: the order it was granted in goes to `order`. */
async function send(
  pacer: RequestPacer,
  server: ConformanceServer,
  request: PacedRequest,
  order?: string[],
  name?: string,
) {
  const release = await pacer.acquire(request);
  if (order && name) order.push(name);
  const headers = server.arrive();
  release(headers);
  return headers;
}

/**
 * Registers the conformance cases for `backend` under `describe(name)`: windows never exceeded
 * as measured at the server, creates before polls, earliest due first, deadlines, aborts,
 * credits from `RateLimit-Remaining`/`Reset`, a tighter `RateLimit-Limit` learned, and hostile
 * header values. Each case takes a few seconds of real time; they run concurrently unless
 * `backend.sequential`.
 */
export function describePacerConformance(name: string, backend: ConformanceBackend): void {
  const tolerance = backend.toleranceMs ?? 0;
  // Each case takes seconds of real time (more on a busy machine): whatever the runner's default.
  const it = (title: string, body: () => Promise<void>) => test(title, body, 60_000);
  /** Runs `body` with a pacer on a new budget under `policy`, and the server enforcing it. */
  const withPacer = async (policy: string, body: (pacer: RequestPacer, server: ConformanceServer) => Promise<void>) => {
    const { pacer, close } = await backend.create({ policy });
    try {
      await body(pacer, conformanceServer(policy));
    } finally {
      await close();
    }
  };

  // Cases spend their time waiting for windows, each on a new budget: run at once, the suite
  // takes about as long as its longest case.
  (backend.sequential ? describe : describe.concurrent)(`${name}: RequestPacer conformance`, () => {
    it("never lets a sliding window carry more than its quota, as the server counts arrivals", async () => {
      const policy = "6;w=1, 3;w=0.4";
      await withPacer(policy, async (pacer, server) => {
        await Promise.all(
          Array.from({ length: 14 }, (_, i) => send(pacer, server, { kind: i % 3 ? "poll" : "create" })),
        );
        expect(server.tooMany).toBe(0);
        expect(server.arrivals).toHaveLength(14);
        const times = [...server.arrivals].sort((a, b) => a - b);
        expect(busiestWindow(times, 1)).toBeLessThanOrEqual(6);
        expect(busiestWindow(times, 0.4)).toBeLessThanOrEqual(3);
      });
    });

    it("sends waiting creates before waiting polls, and polls earliest-due first", async () => {
      await withPacer("1;w=0.4", async (pacer, server) => {
        await send(pacer, server, { kind: "poll" });
        const order: string[] = [];
        const now = Date.now();
        // Queued behind the full window, in an order that is neither kind-first nor due-first.
        const waits = [
          send(pacer, server, { kind: "poll", dueAt: now - 10 }, order, "poll due -10"),
          send(pacer, server, { kind: "poll", dueAt: now - 30 }, order, "poll due -30"),
          send(pacer, server, { kind: "create" }, order, "create"),
          send(pacer, server, { kind: "poll", dueAt: now - 20 }, order, "poll due -20"),
        ];
        await Promise.all(waits);
        expect(order).toEqual(["create", "poll due -30", "poll due -20", "poll due -10"]);
        expect(server.tooMany).toBe(0);
      });
    });

    it("never sends a poll before its dueAt", async () => {
      await withPacer("50;w=1", async (pacer, server) => {
        await send(pacer, server, { kind: "poll" });
        const dueAt = Date.now() + 300;
        const order: string[] = [];
        await Promise.all([
          send(pacer, server, { kind: "poll", dueAt }, order, "later"),
          send(pacer, server, { kind: "poll", dueAt: dueAt - 150 }, order, "sooner"),
        ]);
        expect(order).toEqual(["sooner", "later"]);
        expect(server.arrivals.at(-1)).toBeGreaterThanOrEqual(dueAt - tolerance);
      });
    });

    it("rejects with RateLimitDeadlineError, nothing sent, when no slot comes before deadlineAt", async () => {
      await withPacer("1;w=3", async (pacer, server) => {
        await send(pacer, server, { kind: "create" });
        const error = await pacer.acquire({ kind: "create", deadlineAt: Date.now() + 300 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RateLimitDeadlineError);
        expect((error as RateLimitDeadlineError).waitMs).toBeGreaterThan(300);
        expect(server.arrivals).toHaveLength(1);
        // A deadline the window can meet is met.
        await send(pacer, server, { kind: "create", deadlineAt: Date.now() + 10_000 });
        expect(server.tooMany).toBe(0);
      });
    });

    it("an abort rejects the wait with signal.reason; an already aborted signal takes no slot", async () => {
      await withPacer("1;w=10", async (pacer, server) => {
        const aborted = AbortSignal.abort(new Error("gone before asking"));
        await expect(pacer.acquire({ kind: "create", signal: aborted })).rejects.toBe(aborted.reason);
        // Both asked at once, so the second waits behind the first's slot however slow a remote pacer is (a
        // Durable Object in CI took over 10 s per round trip under load: asked after the first was granted, the
        // second could find the window over before the abort).
        const first = pacer.acquire({ kind: "create" });
        const controller = new AbortController();
        const reason = new Error("caller gave up");
        const waiting = pacer.acquire({ kind: "create", signal: controller.signal });
        setTimeout(() => controller.abort(reason), 50);
        await expect(waiting).rejects.toBe(reason);
        (await first)(server.arrive());
        // The pacer goes on serving.
        await send(pacer, server, { kind: "poll" });
        expect(server.tooMany).toBe(0);
      });
    });

    it("believes RateLimit-Remaining: 0 with RateLimit-Reset (others share the key): nothing goes before the reset", async () => {
      await withPacer("50;w=1", async (pacer, server) => {
        const release = await pacer.acquire({ kind: "create" });
        server.arrive();
        const resetAt = Date.now() + 1000;
        release(new Headers({ "RateLimit-Limit": "50;w=1", "RateLimit-Remaining": "0", "RateLimit-Reset": "1" }));
        await send(pacer, server, { kind: "create" });
        expect(server.arrivals.at(-1)).toBeGreaterThanOrEqual(resetAt - tolerance);
      });
    });

    it("spends the credits RateLimit-Remaining gives, then waits for RateLimit-Reset", async () => {
      await withPacer("50;w=1", async (pacer, server) => {
        const release = await pacer.acquire({ kind: "create" });
        server.arrive();
        const resetAt = Date.now() + 1000;
        release(new Headers({ "RateLimit-Limit": "50;w=1", "RateLimit-Remaining": "2", "RateLimit-Reset": "1" }));
        const granted: number[] = [];
        await Promise.all(
          Array.from({ length: 3 }, async () => {
            const done = await pacer.acquire({ kind: "poll" });
            granted.push(Date.now());
            done(undefined);
          }),
        );
        granted.sort((a, b) => a - b);
        expect(granted[1]).toBeLessThan(resetAt);
        expect(granted[2]).toBeGreaterThanOrEqual(resetAt - tolerance);
      });
    });

    it("paces to a tighter RateLimit-Limit the server announces", async () => {
      await withPacer("50;w=1", async (pacer, server) => {
        const release = await pacer.acquire({ kind: "create" });
        server.arrive();
        release(new Headers({ "RateLimit-Limit": "2, 2;w=1" }));
        const strict = conformanceServer("2;w=1");
        strict.arrivals.push(...server.arrivals);
        await Promise.all(Array.from({ length: 4 }, () => send(pacer, strict, { kind: "poll" })));
        expect(strict.tooMany).toBe(0);
      });
    });

    it("survives hostile header values: malformed numbers ignored, 900 windows bounded, pacing goes on", async () => {
      const policy = "4;w=0.5";
      await withPacer(policy, async (pacer, server) => {
        const hostile: Record<string, string>[] = [
          { "RateLimit-Remaining": "abc", "RateLimit-Reset": "-5" },
          { "RateLimit-Remaining": "-1", "RateLimit-Reset": "soon" },
          { "RateLimit-Remaining": "0x10", "RateLimit-Reset": "1e1" },
          { "RateLimit-Limit": Array.from({ length: 900 }, (_, i) => `${999 - i};w=${1 + i / 1e6}`).join(", ") },
          { "RateLimit-Limit": "x;w=abc, ;w=, 5;w=-1, 0;w=1" },
        ];
        for (const headers of hostile) {
          const release = await pacer.acquire({ kind: "poll" });
          server.arrive();
          release(new Headers(headers));
        }
        // Still paced, to a policy no looser than its own.
        await Promise.all(Array.from({ length: 6 }, () => send(pacer, server, { kind: "poll" })));
        expect(server.tooMany).toBe(0);
        expect(pacer.delayMs()).toBeLessThan(60_000);
      });
    });
  });
}
