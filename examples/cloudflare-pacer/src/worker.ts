/**
 * One rate-limit budget for every isolate of a Worker. Claid limits each API key
 * (120 requests a minute and 4 a second), but a deployment runs many isolates,
 * and an in-memory pacer in each cannot see the others. Here one Durable Object,
 * `ClaidBudget`, owns the key's budget: it runs `createRequestPacer()` in its
 * single-threaded instance, and every Claid request of every isolate first asks
 * it for a slot (one call to the object, answered when the slot is granted), then
 * reports the response's headers back so the pacer learns the server's view.
 *
 * POST /jobs with a JSON array of image URLs submits one batch and waits for it:
 * → { id, status }. With `?maxWaitMs=`, a job that cannot get its create's slot in
 * time is refused at once, before anything is sent: 503 with Retry-After. A job whose
 * batch was created but not finished in time answers 202 with its id (`taskId` of the
 * error): the batch is billed and keeps running, so it must never look like a refusal.
 */
import { DurableObject } from "cloudflare:workers";
import {
  ClaidError,
  createClaid,
  createRequestPacer,
  type PacedRequest,
  RateLimitDeadlineError,
  type RequestPacer,
} from "@claid/edge";

export interface Env {
  CLAID_API_KEY: string;
  CLAID_BASE_URL?: string;
  /** The policy to pace to, in RateLimit-Limit syntax ("120;w=60, 4;w=1"); learned from Claid's answers when unset. */
  CLAID_RATE_LIMIT?: string;
  /** Optional cap on requests in flight across all isolates (see README: with each quota lowered by it, no 429 whatever the latency). */
  CLAID_MAX_IN_FLIGHT?: string;
  /** Optional: start of the polling schedule, ms (default 2000). */
  POLL_INTERVAL_MS?: string;
  BUDGET: DurableObjectNamespace<ClaidBudget>;
}

/**
 * A slot is given back without headers after this long if its isolate never reports
 * (it crashed or was evicted mid-request): longer than the SDK's 60 s attempt timeout.
 */
const LEASE_MS = 65_000;

/** A slot request as it crosses to the object: an AbortSignal cannot. */
type SlotRequest = Omit<PacedRequest, "signal">;

/** The object's answer: a lease to give back, or how far past the request's deadline a slot would have been. */
interface Slot {
  lease?: string;
  /** The pacer's delay for a request asked for now, after this grant. */
  delayMs?: number;
  deadlineMissedByMs?: number;
}

/**
 * The key's budget: one instance (`idFromName`) serves every isolate. Its pacer is
 * in memory, so an evicted object forgets its recent sends; the first answers'
 * RateLimit-Remaining / RateLimit-Reset bring it back in line.
 */
export class ClaidBudget extends DurableObject<Env> {
  private readonly pacer = createRequestPacer({
    policy: this.env.CLAID_RATE_LIMIT || undefined,
    maxConcurrentRequests: this.env.CLAID_MAX_IN_FLIGHT ? Number(this.env.CLAID_MAX_IN_FLIGHT) : undefined,
  });
  private readonly leases = new Map<string, (headers: Headers | undefined) => void>();

  /** Resolves when the request may be sent, or when no slot can come before its deadline. */
  async acquire(request: SlotRequest): Promise<Slot> {
    let release: (headers: Headers | undefined) => void;
    try {
      release = await this.pacer.acquire(request);
    } catch (error) {
      // Errors cross RPC as plain Errors: the isolate rebuilds this one with its type.
      if (error instanceof RateLimitDeadlineError) return { deadlineMissedByMs: error.waitMs };
      throw error;
    }
    const lease = crypto.randomUUID();
    const expiry = setTimeout(() => this.release(lease), LEASE_MS);
    this.leases.set(lease, (headers) => {
      clearTimeout(expiry);
      release(headers);
    });
    return { lease, delayMs: this.pacer.delayMs() };
  }

  /** Gives a slot back with the response's headers (none if no response came). */
  release(lease: string, headers?: [string, string][]): void {
    const release = this.leases.get(lease);
    this.leases.delete(lease);
    release?.(headers && new Headers(headers));
  }
}

/** A `RequestPacer` whose slots come from the key's `ClaidBudget`, shared by every isolate. */
export function budgetPacer(env: Env, ctx: ExecutionContext): RequestPacer {
  const budget = env.BUDGET.get(env.BUDGET.idFromName("claid-api-key"));
  // Reporting back needs no waiting, but must outlive the response; the promise says when the budget has it.
  const giveBack = (lease: string, headers?: Headers) => {
    const reported = budget.release(lease, headers && [...headers]);
    ctx.waitUntil(reported);
    return reported;
  };
  let delayMs = 0;
  return {
    async acquire({ signal, ...request }) {
      signal?.throwIfAborted();
      const { lease, ...slot } = await untilAborted<Slot>(budget.acquire(request), signal, (late) => {
        if (late.lease) void giveBack(late.lease);
      });
      if (lease === undefined) throw new RateLimitDeadlineError(slot.deadlineMissedByMs ?? 0);
      delayMs = slot.delayMs ?? 0;
      return (headers) => giveBack(lease, headers);
    },
    delayMs: () => delayMs,
  };
}

/** `promise`, or `signal.reason` as soon as `signal` aborts; what `promise` brings after that goes to `late`. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, late: (value: T) => void): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      promise.then(late, () => {});
    };
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    if (request.method !== "POST" || new URL(request.url).pathname !== "/jobs")
      return new Response("POST /jobs with a JSON array of image URLs", { status: 404 });
    const claid = createClaid({ env, pacer: budgetPacer(env, ctx) });
    const maxWaitMs = new URL(request.url).searchParams.get("maxWaitMs");
    try {
      const result = await claid.batches.createAndWait(
        { input: (await request.json()) as string[], operations: { resizing: { width: 1200 } } },
        { pollIntervalMs: Number(env.POLL_INTERVAL_MS ?? 2000), ...(maxWaitMs && { maxWaitMs: Number(maxWaitMs) }) },
      );
      return Response.json({ id: result.id, status: result.status });
    } catch (error) {
      // The batch exists (every error after its create carries the id): hand the id back to check later.
      if (error instanceof ClaidError && error.taskId !== undefined) {
        return Response.json({ id: error.taskId, error: error.message }, { status: 202 });
      }
      // Only a create that never got its slot is a refusal: nothing was sent.
      if (!(error instanceof RateLimitDeadlineError)) throw error;
      const retryAfter = String(Math.ceil(error.waitMs / 1000));
      return Response.json({ error: error.message }, { status: 503, headers: { "Retry-After": retryAfter } });
    }
  },
} satisfies ExportedHandler<Env>;
