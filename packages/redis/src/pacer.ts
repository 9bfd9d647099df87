/**
 * `createRedisPacer()`: a `RequestPacer` whose budget lives on Redis, so that every process of a
 * fleet on one API key paces against the same sliding windows, in one fleet-wide order.
 */
import { createHash } from "node:crypto";
import {
  CLAID_RATE_LIMIT,
  ClaidError,
  checkPolicy,
  DEFAULT_BASE_URL,
  describeValue,
  InvalidArgumentError,
  isClaidHost,
  type PacedRequest,
  RateLimitDeadlineError,
  type RateLimitWindow,
  type RequestPacer,
  tightenPolicy,
} from "@claid/core";
import { Redis } from "ioredis";
import { ACQUIRE, HEARTBEAT, keysOf, REGISTER, RELEASE, RESEED, WITHDRAW } from "./scripts.ts";

/**
 * What the pacer uses of a Redis client: an ioredis `Redis` (5 or 6, BullMQ's connection
 * included) has it all.
 */
export interface RedisClient {
  /** Runs a script Redis has cached (each decision is one script). */
  evalsha(sha1: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  /** Runs a script, caching it (after NOSCRIPT: a new or restarted Redis). */
  eval(script: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  /** "ready" while connected; anything else names why not, when a deadline passes without Redis. */
  readonly status: string;
  /** Closes the connection: called by `close()` only on a client the pacer opened from a URL. */
  quit(): Promise<unknown>;
  /** Drops the connection when `quit()` fails (same). */
  disconnect(): void;
}

/** Options of `createRedisPacer()`. */
export interface RedisPacerOptions {
  /**
   * The Redis to keep the budget on: an ioredis client (yours stays open after `close()`), or a
   * `redis://` / `rediss://` URL (a client the pacer opens and closes).
   */
  redis: RedisClient | string;
  /**
   * Prefix of the pacer's keys. Every process pacing the same API key must use the same one; one
   * per API key. Default `"claid-pacer"`.
   */
  namespace?: string | undefined;
  /**
   * The policy as windows or in the RateLimit-Limit syntax ("120;w=60, 4;w=1"). Default: Claid's
   * documented policy when `baseUrl` is Claid's, else learned from the answers (one request at a
   * time until the first). Every answer's `RateLimit-Limit` tightens it, for the whole fleet.
   */
  policy?: RateLimitWindow[] | string | undefined;
  /** The API the requests go to, to pick the default policy. Default Claid's (`DEFAULT_BASE_URL`). */
  baseUrl?: string | URL | undefined;
  /**
   * Every window is taken as this much longer than announced, and every `RateLimit-Reset` as this
   * much later, in ms: network jitter between the grant and the request reaching the server.
   * Default 200.
   */
  marginMs?: number | undefined;
  /** Cap on requests in flight across the whole fleet. Default: unlimited (the windows still apply). */
  maxConcurrentRequests?: number | undefined;
}

/** A `RequestPacer` on Redis. */
export interface RedisPacer extends RequestPacer {
  /**
   * Stops the pacer: waiting requests reject with `RedisUnavailableError`, this process's
   * entries leave the fleet's queue, and a client the pacer opened from a URL is closed.
   */
  close(): Promise<void>;
}

/** A request's deadline passed while Redis could not be reached (or the pacer was closed): nothing was sent. */
export class RedisUnavailableError extends ClaidError {
  override readonly name = "RedisUnavailableError" as const;
}

/**
 * A process's entries lapse this long after its last heartbeat: a killed process holds no one up,
 * and no in-flight slot of the cap, for longer than this.
 */
const LAPSE_MS = 5_000;
const HEARTBEAT_MS = 1_000;
/**
 * After Redis lost the fleet's state, nothing is granted for this long: every live process's
 * heartbeat finds the new state and puts its sends back (two beats: one may fall in its reconnect).
 */
const RESEED_HOLD_MS = 2 * HEARTBEAT_MS;
/** The pacer's keys outlive the last request by this long (then the fleet slow-starts again). */
const KEY_TTL_MS = 10 * 60_000;
/** How soon to ask again when only the queue (others due ahead) or the in-flight cap holds a request. */
const RETRY_MS = 15;
/** Backoff after a failed Redis call. */
const OUTAGE_RETRY_MS = 250;

/**
 * A waiter gives up this long before its deadline: a slot later than that could not reach the
 * server in time, and the caller's own timer (`maxWaitMs`) must find this error, naming the cause.
 */
const DEADLINE_LEAD_MS = 50;

type Release = (headers: Headers | undefined) => void;

interface Waiter {
  member: string;
  kind: PacedRequest["kind"];
  /** Epoch ms, this process's clock. */
  dueAt: number;
  /**
   * dueAt on Redis's clock, fixed when the request starts waiting: its place in the fleet's order
   * and in this process's must be the same, or a process's best could wait behind its own others.
   */
  due: number;
  deadlineAt: number;
  grant(release: Release): void;
  fail(error: unknown): void;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const SCRIPTS = {
  acquire: ACQUIRE,
  register: REGISTER,
  release: RELEASE,
  heartbeat: HEARTBEAT,
  withdraw: WITHDRAW,
  reseed: RESEED,
};

/** `text` of a non-negative decimal header number (RateLimit-Remaining/Reset), else undefined. */
function headerNumber(value: string | null): number | undefined {
  return value !== null && /^\s*\d{1,15}(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

/**
 * A `RequestPacer` whose budget lives on Redis: every process of a fleet on one API key passes
 * one of these to `createClaid({ pacer })`, all with the same `redis` and `namespace`. Each grant
 * is one atomic script that checks every sliding window against a log of the fleet's sends, by
 * Redis's clock; creates go before polls and earliest-due first across the fleet; a
 * `RateLimit-Remaining: 0` that any process sees holds them all until `RateLimit-Reset`. A killed
 * process's entries lapse after a few seconds. While Redis is unreachable, requests wait — none is
 * sent unpaced — and a request whose deadline passes rejects with `RedisUnavailableError`.
 */
export function createRedisPacer(options: RedisPacerOptions): RedisPacer {
  if (typeof options !== "object" || options === null) {
    throw new InvalidArgumentError({
      argument: "options",
      problem: `must be an object, got ${describeValue(options)}.`,
    });
  }
  const { redis: target, namespace = "claid-pacer", baseUrl = DEFAULT_BASE_URL } = options;
  if (typeof namespace !== "string" || !/^[\w:.-]{1,100}$/.test(namespace)) {
    throw new InvalidArgumentError({
      argument: "namespace",
      problem: `must be 1 to 100 letters, digits, "_", "-", "." or ":", got ${describeValue(namespace)}.`,
    });
  }
  const marginMs = checkOption("marginMs", options.marginMs ?? 200, 0, false);
  const cap =
    options.maxConcurrentRequests === undefined
      ? 0
      : checkOption("maxConcurrentRequests", options.maxConcurrentRequests, 1, true);
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    throw new InvalidArgumentError({ argument: "baseUrl", problem: `must be a URL, got ${describeValue(baseUrl)}.` });
  }
  const configured = options.policy ?? (isClaidHost(host) ? CLAID_RATE_LIMIT : undefined);
  let windows = configured === undefined ? [] : tightenPolicy([], checkPolicy("policy", configured));
  const owned = typeof target === "string";
  const redis = owned ? openClient(target) : checkClient(target);
  /** The owned client's last connection failure: a better cause than the command's "max retries". */
  let connectionError: unknown;
  if (owned) (redis as Redis).on("error", (error: unknown) => (connectionError = error));
  const keys = keysOf(namespace);
  const processId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let sequence = 0;

  /** Redis's clock minus this process's, as of the last answer (dueAt is given in this process's). */
  let offsetMs = 0;
  let offsetKnown = false;
  /** Redis's time at its last answer to an ask (0: none yet): tells a lost state from a fresh one. */
  let lastSeen = 0;
  /** The birth of the fleet's state on Redis as of the last answer (undefined: none seen yet). */
  let stateSince: number | undefined;
  /**
   * This process's sends the windows may still count: member → send time on Redis's clock, as in
   * the log. The server counts them even if Redis loses the log, so they go back into a new one.
   */
  const sent = new Map<string, number>();
  let lastRedisError: unknown;
  /** When a request asked for now could go, as of the last answer (this process's clock). */
  let nextFreeAt = 0;
  let closed = false;
  const waiting = new Map<string, Waiter>();
  const inFlight = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pumping = false;
  let pumpAgain = false;

  async function run(name: keyof typeof SCRIPTS, args: (string | number)[]): Promise<unknown> {
    const script = SCRIPTS[name];
    try {
      return await redis.evalsha(sha1(script), keys.length, ...keys, ...args);
    } catch (error) {
      // NOSCRIPT: a new or restarted Redis has no copy yet.
      if (!String((error as Error)?.message).startsWith("NOSCRIPT")) throw error;
      return await redis.eval(script, keys.length, ...keys, ...args);
    }
  }

  /** Learns Redis's clock from an answer that took from `sentAt` until now, and the fleet's policy. */
  function learn(redisNow: number, sentAt: number, limit: string, asked: Waiter) {
    offsetMs = redisNow - (sentAt + Date.now()) / 2;
    if (limit) windows = tightenPolicy(windows, limit);
    if (offsetKnown) return;
    // Requests that started waiting before Redis's clock was known take their place in the queue now
    // (a clock 45 s fast would have put them 45 s late, behind everyone).
    offsetKnown = true;
    for (const waiter of waiting.values()) {
      waiter.due = Math.round(waiter.dueAt + offsetMs);
      // The one just asked for is registered by that ask, or granted: registering it again would leave a ghost.
      if (waiter !== asked) register(waiter);
    }
  }

  const register = (waiter: Waiter) =>
    void run("register", [waiter.member, waiter.kind, waiter.due, LAPSE_MS]).catch(() => {});

  const windowArgs = () => [windows.length, ...windows.flatMap((w) => [w.quota, w.windowSeconds * 1000 + marginMs])];

  /** Forgets the sends that left the longest window (oldest first: the map is in grant order). */
  function pruneSent() {
    const longest = Math.max(0, ...windows.map((w) => w.windowSeconds * 1000 + marginMs));
    const oldest = Date.now() + offsetMs - longest;
    for (const [member, at] of sent) {
      if (at > oldest) break;
      sent.delete(member);
    }
  }

  /**
   * Follows the fleet's state: when it is not the one this process knew (Redis restarted or
   * flushed, 0: none yet), this process's sends go back into the log before it asks again.
   */
  async function follow(since: number) {
    if (since === stateSince) return;
    pruneSent();
    if (stateSince !== undefined && sent.size > 0) {
      const sends = [...sent].flatMap(([member, at]) => [at, member]);
      since = Number(await run("reseed", [LAPSE_MS, KEY_TTL_MS, RESEED_HOLD_MS, sent.size, ...sends, ...inFlight]));
    }
    if (since) stateSince = since;
  }

  /** Asks Redis for `waiter`'s slot: granted, or how long until it could be (ms). */
  async function ask(waiter: Waiter): Promise<{ granted: boolean; waitMs: number }> {
    const sentAt = Date.now();
    const [granted, redisNow, limit, waitMs, since] = (await run("acquire", [
      waiter.member,
      waiter.kind,
      waiter.due,
      LAPSE_MS,
      cap,
      KEY_TTL_MS,
      lastSeen,
      RESEED_HOLD_MS,
      ...windowArgs(),
    ])) as [number, number, string, number, number];
    lastSeen = redisNow;
    learn(redisNow, sentAt, limit, waiter);
    if (granted === 1) sent.set(waiter.member, redisNow);
    // Failed, it is tried again at the next answer (the hold keeps the fleet meanwhile); a grant stands.
    await follow(since).catch(() => {});
    return { granted: granted === 1, waitMs };
  }

  /** Hands out what this process may send now, one request at a time, best first; then sleeps. */
  async function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    clearTimeout(timer);
    let sleepMs = Infinity;
    try {
      for (;;) {
        pumpAgain = false;
        const now = Date.now();
        let head: Waiter | undefined;
        let nextDue = Infinity;
        for (const waiter of waiting.values()) {
          if (waiter.dueAt > now) nextDue = Math.min(nextDue, waiter.dueAt);
          else if (!head || before(waiter, head)) head = waiter;
        }
        if (!head) {
          sleepMs = nextDue - now;
          break;
        }
        let answer: { granted: boolean; waitMs: number };
        try {
          answer = await ask(head);
          lastRedisError = undefined;
        } catch (error) {
          lastRedisError = error;
          sleepMs = OUTAGE_RETRY_MS;
          break;
        }
        const after = Date.now();
        if (answer.granted) {
          nextFreeAt = after;
          if (waiting.delete(head.member)) {
            inFlight.add(head.member);
            head.grant(release(head.member));
          } else {
            // It stopped waiting (aborted, deadline) while Redis granted it: give the slot back.
            void run("release", [head.member, "0", "", "", "", marginMs, KEY_TTL_MS, "", 0]).catch(() => {});
          }
          continue;
        }
        nextFreeAt = after + answer.waitMs;
        if (after + answer.waitMs > head.deadlineAt) {
          head.fail(new RateLimitDeadlineError(answer.waitMs));
          continue;
        }
        if (!pumpAgain) {
          sleepMs = Math.min(answer.waitMs || RETRY_MS, nextDue - after);
          break;
        }
      }
    } finally {
      pumping = false;
    }
    if (pumpAgain) return pump();
    if (sleepMs < Infinity && !closed) timer = setTimeout(pump, Math.min(Math.max(sleepMs, 1), 2 ** 31 - 1));
  }

  /** The function a granted request calls once with its response's headers: the fleet learns from them. */
  function release(member: string): Release {
    return (headers) => {
      if (!inFlight.delete(member)) return;
      const remaining = headerNumber(headers?.get("ratelimit-remaining") ?? null);
      const reset = headerNumber(headers?.get("ratelimit-reset") ?? null);
      const announced = headers?.get("ratelimit-limit");
      if (announced) windows = tightenPolicy(windows, announced);
      const limit = announced ? windows.map((w) => `${w.quota};w=${w.windowSeconds}`).join(", ") : "";
      const known = remaining !== undefined && reset !== undefined;
      // Known here at once; the rest of the fleet learns it from Redis at its next ask.
      if (known && remaining === 0) nextFreeAt = Math.max(nextFreeAt, Date.now() + reset * 1000 + marginMs);
      void run("release", [
        member,
        headers ? "1" : "0",
        known ? Math.floor(remaining) : "",
        known ? Math.round(reset * 1000) : "",
        limit,
        marginMs,
        KEY_TTL_MS,
        // The quota RateLimit-Remaining counts against ("40, 1200;w=60, 40;w=1"): which window it speaks of.
        /^\s*(\d+)\s*(,|$)/.exec(announced ?? "")?.[1] ?? "",
        ...windowArgs(),
      ])
        .then((sentAt) => {
          if (sent.has(member)) sent.set(member, Number(sentAt));
        })
        // Unreported, the in-flight entry lapses by itself; the answer's news is lost, not the budget.
        .catch(() => {})
        .finally(() => {
          if (waiting.size) void pump();
        });
    };
  }

  /** Keeps this process's entries alive on Redis, and its sends in a log Redis lost. */
  const heartbeat = setInterval(() => {
    pruneSent();
    if (!waiting.size && !inFlight.size && !sent.size) return;
    run("heartbeat", [LAPSE_MS, ...waiting.keys(), ...inFlight])
      .then((since) => follow(Number(since)))
      .then(
        () => {
          lastRedisError = undefined;
        },
        (error: unknown) => {
          lastRedisError = error;
        },
      );
  }, HEARTBEAT_MS);
  heartbeat.unref?.();

  /** Why a request past its deadline got no slot: Redis out of reach, or the windows. */
  function deadlineError(waitMs: number): ClaidError {
    const ready = redis.status === "ready";
    const down = ready
      ? lastRedisError
      : (connectionError ?? lastRedisError ?? new Error(`connection ${redis.status}`));
    if (down === undefined) return new RateLimitDeadlineError(waitMs);
    return new RedisUnavailableError(
      `No rate-limit slot before the deadline: Redis could not be reached (${messageOf(down)}). Nothing was sent.`,
      { cause: down },
    );
  }

  return {
    acquire: ({ kind, dueAt = Date.now(), deadlineAt = Infinity, signal }) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (closed) return reject(new RedisUnavailableError("The Redis pacer was closed. Nothing was sent."));
        const member = `${processId}:${++sequence}`;
        let deadline: ReturnType<typeof setTimeout> | undefined;
        const settle =
          <T>(how: (value: T) => void) =>
          (value: T) => {
            clearTimeout(deadline);
            signal?.removeEventListener("abort", onAbort);
            how(value);
          };
        const waiter: Waiter = {
          member,
          kind,
          dueAt,
          due: Math.round(dueAt + offsetMs),
          deadlineAt,
          grant: settle(resolve),
          // Leaves the queue, here and on Redis.
          fail: (error) => {
            if (waiting.delete(member)) void run("withdraw", [member]).catch(() => {});
            settle(reject)(error);
          },
        };
        const onAbort = () => waiter.fail(signal?.reason);
        signal?.addEventListener("abort", onAbort, { once: true });
        if (deadlineAt < Infinity) {
          deadline = setTimeout(
            () => waiter.fail(deadlineError(Math.max(0, nextFreeAt - Date.now()))),
            Math.min(Math.max(0, deadlineAt - DEADLINE_LEAD_MS - Date.now()), 2 ** 31 - 1),
          );
        }
        waiting.set(member, waiter);
        // Sent before any ask for it (one connection keeps the order); lost, its first ask registers it.
        if (offsetKnown) register(waiter);
        void pump();
      }),
    delayMs: () => Math.max(0, nextFreeAt - Date.now()),
    async close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(timer);
      for (const waiter of [...waiting.values()]) {
        waiter.fail(
          new RedisUnavailableError("The Redis pacer was closed while this request waited. Nothing was sent."),
        );
      }
      if (owned) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Creates first, then earliest due (on Redis's clock, as the fleet's queue orders them). */
const before = (a: Waiter, b: Waiter) =>
  a.kind !== b.kind ? a.kind === "create" : a.due < b.due || (a.due === b.due && a.member < b.member);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function checkOption(argument: string, value: unknown, min: number, integer: boolean): number {
  if (
    typeof value !== "number" ||
    !(value >= min) ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value))
  ) {
    throw new InvalidArgumentError({
      argument,
      problem: `must be ${integer ? "an integer" : "a number"} ≥ ${min}, got ${describeValue(value)}.`,
    });
  }
  return value;
}

/** A client of the pacer's own, from a URL. */
function openClient(url: string): Redis {
  if (!/^rediss?:\/\//.test(url)) {
    // The URL may carry a password: never echo it.
    throw new InvalidArgumentError({
      argument: "redis",
      problem: "must be an ioredis client or a redis:// or rediss:// URL.",
    });
  }
  // Fail a command after one reconnect attempt instead of queueing it for long: the pacer retries
  // by itself, and knows Redis is down when a request's deadline comes.
  return new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
}

function checkClient(target: unknown): RedisClient {
  if (typeof (target as RedisClient | null)?.evalsha !== "function") {
    throw new InvalidArgumentError({
      argument: "redis",
      problem: `must be an ioredis client or a redis:// URL, got ${describeValue(target)}.`,
    });
  }
  return target as RedisClient;
}
