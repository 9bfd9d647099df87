/**
 * Client-side pacing under a rate-limit policy of sliding windows, so that
 * requests wait in a queue instead of meeting 429s.
 */
import { CLAID_RATE_LIMIT } from "./claid-api.ts";
import { describeValue, InvalidArgumentError, RateLimitDeadlineError } from "./errors.ts";
import { onAbort } from "./internal/signals.ts";
import { checkNumber } from "./internal/validate.ts";

/** One window of a rate-limit policy: at most `quota` requests in any `windowSeconds`-long sliding window. */
export interface RateLimitWindow {
  /** Requests allowed in the window: an integer ≥ 1. */
  quota: number;
  /** The window's length in seconds (> 0). */
  windowSeconds: number;
}

/** A request asking the pacer for a slot. */
export interface PacedRequest {
  /** "create" (POST) is never starved by "poll" (GET) requests. */
  kind: "create" | "poll";
  /** Epoch ms at which the caller wants to send (a poll's due time); earliest-due first. Default: now. */
  dueAt?: number | undefined;
  /** Epoch ms by which the request must be sent, else a slot is useless: acquire() rejects with RateLimitDeadlineError (carrying the wait it would have needed). */
  deadlineAt?: number | undefined;
  /** Aborts the wait for a slot: acquire() rejects with signal.reason. */
  signal?: AbortSignal | undefined;
}

/** Decides when each request may be sent (one per client by default, or shared: see the Durable Object recipe). */
export interface RequestPacer {
  /** Resolves when the request may be sent, with a function to call once with the response's headers (undefined if no response came). */
  acquire(request: PacedRequest): Promise<(headers: Headers | undefined) => void>;
  /** ms until a request asked for now could be sent (0 when free): check() adds it to nextCheckAfterMs. */
  delayMs(): number;
}

/** Options of `createRequestPacer()`. */
export interface PacerOptions {
  /** The policy as windows or in the RateLimit-Limit syntax ("120, 120;w=60, 4;w=1"); learned from responses when not given. */
  policy?: RateLimitWindow[] | string | undefined;
  /** Cap on requests in flight. Default: unlimited (the windows still apply). */
  maxConcurrentRequests?: number | undefined;
  /**
   * Every window is taken as this much longer than announced, and every `RateLimit-Reset` as this much
   * later, in ms: network jitter between the grant and the request reaching the server. Default 200.
   */
  marginMs?: number | undefined;
  /** Clock, for tests. Default `Date.now()`, read at each use: fake timers installed after the pacer was made apply to it. */
  now?: (() => number) | undefined;
}

/**
 * The windows of a `RateLimit-Limit` value (IETF draft syntax, "120, 120;w=60, 4;w=1") that bind,
 * longest first: the `quota;w=seconds` items, less duplicates and those a stricter one implies,
 * at most 8 (beyond that, neighbouring windows merge into one as strict as each). Malformed
 * items, and a bare number (the current quota), give no window.
 */
export function parseRateLimitPolicy(value: string | null | undefined): RateLimitWindow[] {
  return tightenPolicy(
    [],
    [...(value ?? "").matchAll(/(?:^|,) *(\d+) *;[^,]*?\bw=([\d.]+) *(?=[;,]|$)/g)]
      .map(([, quota, seconds]) => ({ quota: +(quota as string), windowSeconds: +(seconds as string) }))
      .filter(isWindow),
  );
}

const isWindow = (w: RateLimitWindow) => Number.isInteger(w?.quota) && w.quota > 0 && w.windowSeconds > 0;

/**
 * `value` as a policy's windows, else `InvalidArgumentError` naming `argument`: the option the
 * caller wrote (the pacer's `policy`, the client's `rateLimit`).
 */
export function checkPolicy(argument: string, value: unknown): RateLimitWindow[] {
  const windows = typeof value === "string" ? parseRateLimitPolicy(value) : value;
  if (!(Array.isArray(windows) && windows.length && windows.every(isWindow))) {
    throw new InvalidArgumentError({
      argument,
      problem: `must be windows or a RateLimit-Limit value like "${CLAID_RATE_LIMIT}", got ${describeValue(value)}.`,
    });
  }
  return windows;
}

/**
 * The most windows a policy keeps: every request is checked against each, so a server
 * announcing hundreds (`999;w=1.000123, 999;w=1.000124, …`) must not make each request cost hundreds.
 */
export const MAX_POLICY_WINDOWS = 8;

/**
 * `policy` tightened by `announced` (windows, or a `RateLimit-Limit` value): the windows of both
 * that bind, longest first, never looser than either. A window is dropped when another is at least
 * as strict — a quota no larger over a length no shorter ("3;w=2" implies "10;w=1.5") — so
 * duplicates and near-duplicates collapse. Beyond `MAX_POLICY_WINDOWS`, neighbouring windows are
 * merged into one as strict as each: the smallest quota over the longest length.
 */
export function tightenPolicy(policy: RateLimitWindow[], announced: RateLimitWindow[] | string): RateLimitWindow[] {
  const all = [...policy, ...(typeof announced === "string" ? parseRateLimitPolicy(announced) : announced)];
  // Longest first, and of equal lengths the smallest quota: a window binds only if its quota is
  // below that of every longer one kept before it.
  all.sort((a, b) => b.windowSeconds - a.windowSeconds || a.quota - b.quota);
  const binding: RateLimitWindow[] = [];
  for (const { quota, windowSeconds } of all) {
    if (quota < (binding.at(-1)?.quota ?? Infinity)) binding.push({ quota, windowSeconds });
  }
  if (binding.length <= MAX_POLICY_WINDOWS) return binding;
  // Quotas fall as lengths do: a run of neighbours merges into its last quota over its first length.
  return Array.from({ length: MAX_POLICY_WINDOWS }, (_, group) => {
    const first = binding[Math.floor((group * binding.length) / MAX_POLICY_WINDOWS)] as RateLimitWindow;
    const last = binding[Math.floor(((group + 1) * binding.length) / MAX_POLICY_WINDOWS) - 1] as RateLimitWindow;
    return { quota: last.quota, windowSeconds: first.windowSeconds };
  });
}

type Release = (headers: Headers | undefined) => void;

interface Waiter {
  /** Creates sort before every poll (epoch ms are far below 1e15), then earliest due first. */
  rank: number;
  dueAt: number;
  deadlineAt: number;
  grant(release: Release): void;
  fail(error: unknown): void;
}

/**
 * The default in-memory pacer. No sliding window of the policy ever carries
 * more than its quota; before any policy is known (none given, no answer yet),
 * one request is in flight at a time. Creates go before polls, polls earliest-due first.
 */
export function createRequestPacer(options: PacerOptions = {}): RequestPacer {
  // Not `= Date.now`: a clock kept from before `vi.useFakeTimers()` would stay real while the timers go fake.
  const { policy, now = () => Date.now() } = options;
  const maxConcurrentRequests =
    options.maxConcurrentRequests === undefined
      ? Infinity
      : checkNumber("maxConcurrentRequests", options.maxConcurrentRequests, 1, "integer");
  const marginMs = checkNumber("marginMs", options.marginMs ?? 200, 0, "finite");
  // Copies: learning a smaller quota must not change the caller's objects.
  let windows = tightenPolicy([], policy === undefined ? [] : checkPolicy("policy", policy));
  let known = policy !== undefined;
  let inFlight = 0;
  let blockedUntil = 0;
  /**
   * What the server's last `RateLimit-Remaining`/`Reset` allow until `creditsUntil` (it counts other
   * clients of the key too). Once they expire, one request at a time until the next answer says again.
   */
  let credits: number | undefined;
  let creditsUntil = 0;
  /** Send times, oldest first: the last `quota` of them are all a window needs. */
  const sent: number[] = [];
  /** The longest window (ms, margin included) and the largest quota: how far back sends still count. */
  let longestMs = 0;
  let largestQuota = 0;
  const measure = () => {
    longestMs = windows.length ? Math.max(...windows.map((w) => w.windowSeconds)) * 1000 + marginMs : Infinity;
    largestQuota = Math.max(1e3, ...windows.map((w) => w.quota));
  };
  measure();
  let queue: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When a request asked for now could go, behind the queue, as of the last pump. */
  let nextFree = 0;

  /**
   * The earliest time ≥ `from` at which one more request fits every window, after the sends and then
   * the `planned` ones (read from the end of both, so that nothing is copied per request).
   */
  const slot = (planned: number[], from: number) =>
    windows.reduce(
      (at, { quota, windowSeconds }) => {
        const nth =
          quota <= planned.length ? planned[planned.length - quota] : sent[sent.length - quota + planned.length];
        return Math.max(at, (nth ?? -Infinity) + windowSeconds * 1000 + marginMs);
      },
      Math.max(from, blockedUntil),
    );

  /** Grants what may go now, rejects what cannot go before its deadline, and sleeps until the next change. */
  function pump() {
    clearTimeout(timer);
    const time = now();
    // Kept even before any window is known, so that the slow-start requests count once one is.
    // Sends older than every window no longer count (a huge quota must not keep them all).
    const horizon = time - longestMs;
    let stale = Math.max(0, sent.length - largestQuota);
    while (stale < sent.length && (sent[stale] as number) < horizon) stale++;
    sent.splice(0, stale);
    // Slots are handed out in rank order; `planned` holds the projected send times of those still waiting.
    const planned: number[] = [];
    let wake = Infinity;
    const counted = credits !== undefined;
    const expired = counted && time >= creditsUntil;
    const cap = !known || expired ? 1 : maxConcurrentRequests;
    const creditsLeft = () => (counted && !expired ? (credits as number) : Infinity);
    queue = queue
      .sort((a, b) => a.rank - b.rank)
      .filter((waiter) => {
        const at = Math.max(slot(planned, time), waiter.dueAt, creditsLeft() > 0 ? 0 : creditsUntil);
        const go = at <= Math.min(time, waiter.deadlineAt) && inFlight < cap;
        if (!go && (at > waiter.deadlineAt || time >= waiter.deadlineAt)) {
          return waiter.fail(new RateLimitDeadlineError(Math.max(at - time, 0)));
        }
        if (go) {
          inFlight++;
          if (counted && !expired) credits = (credits as number) - 1;
          sent.push(time);
          return waiter.grant(release());
        }
        planned.push(Math.max(at, time));
        // A waiter held only by the in-flight cap wakes on a release, not on a timer.
        wake = Math.min(wake, at > time ? at : wake, waiter.deadlineAt);
        return true;
      });
    nextFree = slot(planned, time);
    // setTimeout takes at most 2^31 − 1 ms: a longer wait wakes early and sleeps again.
    if (wake < Infinity) timer = setTimeout(pump, Math.min(wake - time, 2 ** 31 - 1));
  }

  /** The function a granted request calls once with its response's headers: the pacer learns from them. */
  function release(): Release {
    let open = true;
    return (headers) => {
      if (!open) return;
      open = false;
      inFlight--;
      if (headers) {
        // Slow start ends with the first answer, even one that announces no policy.
        known = true;
        const policy = headers.get("ratelimit-limit");
        if (policy) {
          windows = tightenPolicy(windows, policy);
          measure();
        }
        const reset = headers.get("ratelimit-reset");
        const remaining = headers.get("ratelimit-remaining");
        // The server counts other clients of the key too: what it says is left is believed, minus what is in flight.
        if (remaining && reset && +remaining >= 0 && +reset >= 0) {
          const until = now() + +reset * 1000 + marginMs;
          if (+remaining === 0) blockedUntil = Math.max(blockedUntil, until);
          credits = Math.max(0, Math.floor(+remaining) - inFlight);
          creditsUntil = until;
        }
      }
      // Nobody waiting: nothing to hand out (delayMs() computes its answer itself then).
      if (queue.length) pump();
    };
  }

  return {
    acquire: ({ kind, dueAt = now(), deadlineAt = Infinity, signal }) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const settle =
          <T>(how: (value: T) => void) =>
          (value: T) => {
            unsubscribe?.();
            how(value);
          };
        const waiter: Waiter = {
          rank: dueAt - (kind === "create" ? 1e15 : 0),
          dueAt,
          deadlineAt,
          grant: settle(resolve),
          fail: settle(reject),
        };
        const unsubscribe =
          signal &&
          onAbort(signal, () => {
            queue = queue.filter((other) => other !== waiter);
            waiter.fail(signal.reason);
          });
        queue.push(waiter);
        pump();
      }),
    delayMs: () => {
      const time = now();
      return Math.max(0, (queue.length ? nextFree : slot([], time)) - time);
    },
  };
}
