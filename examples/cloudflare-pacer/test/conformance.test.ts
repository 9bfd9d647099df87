/**
 * The pacer conformance suite against the Durable Object budget, in workerd (miniflare): each
 * case gets a new Miniflare with one ClaidBudget pacing to the case's policy, reached through
 * `budgetPacer()` in a Worker (test/harness/worker.ts) that the Node side drives over a WebSocket.
 */
import { join } from "node:path";
import { RateLimitDeadlineError, type RequestPacer } from "@claid/edge";
import { describePacerConformance } from "@claid/pacer-conformance";
import { Miniflare } from "miniflare";
import { bundle } from "../../../tests/support/bundle.ts";

const script = bundle(join(import.meta.dirname, "harness/worker.ts"));

interface Answer {
  n: number;
  slot?: string;
  delayMs?: number;
  deadlineMissedByMs?: number;
}

/** A RequestPacer in Node whose slots come from the budget in `mf`, through one budgetPacer over a WebSocket. */
async function harnessPacer(mf: Miniflare): Promise<RequestPacer> {
  const response = await mf.dispatchFetch("http://harness.test/", { headers: { Upgrade: "websocket" } });
  const socket = response.webSocket;
  if (!socket) throw new Error(`the harness answered ${response.status} without a WebSocket`);
  socket.accept();
  const pending = new Map<number, (answer: Answer) => void>();
  socket.addEventListener("message", (event) => {
    const answer = JSON.parse(event.data as string) as Answer;
    pending.get(answer.n)?.(answer);
    pending.delete(answer.n);
  });
  let sent = 0;
  const call = (message: object) =>
    new Promise<Answer>((resolve) => {
      const n = ++sent;
      pending.set(n, resolve);
      socket.send(JSON.stringify({ n, ...message }));
    });
  // Releases land before later acquires, as on one stub.
  let released: Promise<unknown> = Promise.resolve();
  const release = (slot: string, headers?: Headers) => {
    released = call({ release: slot, headers: headers && [...headers] });
  };
  let delayMs = 0;
  return {
    async acquire({ signal, ...request }) {
      signal?.throwIfAborted();
      await released;
      const granted = call({ acquire: request });
      // An abort cannot cross to the object: the caller is let go at once, a late slot given back.
      const answer = await new Promise<Answer>((resolve, reject) => {
        const onAbort = () => {
          reject(signal?.reason);
          granted.then((late) => late.slot && release(late.slot));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        granted.then(resolve).finally(() => signal?.removeEventListener("abort", onAbort));
      });
      const { slot } = answer;
      if (slot === undefined) throw new RateLimitDeadlineError(answer.deadlineMissedByMs ?? 0);
      delayMs = answer.delayMs ?? 0;
      return (headers) => release(slot, headers);
    },
    delayMs: () => delayMs,
  };
}

describePacerConformance("Durable Object budget (budgetPacer)", {
  create: async ({ policy }) => {
    const mf = new Miniflare({
      modules: true,
      script: await script,
      compatibilityDate: "2026-04-01",
      bindings: { CLAID_API_KEY: "unused-key-0123456789", CLAID_RATE_LIMIT: policy },
      durableObjects: { BUDGET: { className: "ClaidBudget", useSQLite: true } },
    });
    await mf.ready;
    return { pacer: await harnessPacer(mf), close: () => mf.dispose() };
  },
  // Grants reach the Node side one HTTP hop and one RPC after the object decided.
  toleranceMs: 50,
});
