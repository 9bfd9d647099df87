// The pacer of a bulk run's client, counted: requests granted in the last minute, and whether one waits for a slot.
import {
  CLAID_RATE_LIMIT,
  type ClaidOptions,
  createRequestPacer,
  DEFAULT_BASE_URL,
  isClaidHost,
  parseRateLimitPolicy,
  type RequestPacer,
} from "@claid/core";

export interface CountedPacer {
  /** What the client is given: the caller's pacer, or the client's default one, counted. */
  pacer: RequestPacer | undefined;
  /** Requests sent in the last 60 s. */
  usedLastMinute(): number;
  /** The policy's quota for a minute (its 60 s window), when known. */
  quotaPerMinute: number | undefined;
  /** Whether a request is waiting for the rate limit right now. */
  waitingForSlot(): boolean;
}

const MINUTE_MS = 60_000;

/**
 * Builds the pacer the client would build (the caller's `pacer`, else `rateLimit`, else Claid's policy on
 * api.claid.ai and a learned one elsewhere), and counts what it grants. `rateLimit: false` paces nothing.
 */
export function countedPacer(options: ClaidOptions, baseUrl: string): CountedPacer {
  const policy =
    options.rateLimit === false
      ? undefined
      : (options.rateLimit ??
        (isClaidHost(new URL(baseUrl ?? DEFAULT_BASE_URL).hostname) ? CLAID_RATE_LIMIT : undefined));
  const inner =
    options.pacer ??
    (options.rateLimit === false
      ? undefined
      : createRequestPacer({ policy, maxConcurrentRequests: options.maxConcurrentRequests }));
  const windows = typeof policy === "string" ? parseRateLimitPolicy(policy) : policy;
  const minute = windows?.find((w) => w.windowSeconds === 60);
  const granted: number[] = [];
  let waiting = 0;
  const prune = () => {
    const since = Date.now() - MINUTE_MS;
    while (granted.length > 0 && (granted[0] as number) <= since) granted.shift();
  };
  const acquire: RequestPacer["acquire"] = async (request) => {
    waiting++;
    try {
      const release = inner ? await inner.acquire(request) : () => {};
      granted.push(Date.now());
      prune();
      return release;
    } finally {
      waiting--;
    }
  };
  return {
    // Without a pacer (`rateLimit: false`) the client is still given one that only counts.
    pacer: { acquire, delayMs: () => inner?.delayMs() ?? 0 },
    usedLastMinute: () => {
      prune();
      return granted.length;
    },
    quotaPerMinute: minute?.quota,
    waitingForSlot: () => waiting > 0 && (inner?.delayMs() ?? 0) > 0,
  };
}
