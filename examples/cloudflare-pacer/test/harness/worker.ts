/**
 * The conformance suite's way into the Durable Object budget: the recipe's `ClaidBudget` and
 * `budgetPacer()`, driven by the Node side (test/conformance.test.ts) over one WebSocket, so
 * that one budgetPacer serves every call of a case as it serves one Worker request: its stub's
 * calls reach the object in order. Messages: {n, acquire: PacedRequest without signal} →
 * {n, slot} or {n, deadlineMissedByMs}; {n, release: slot, headers?} → {n} once the object has it.
 */
import { RateLimitDeadlineError } from "@claid/edge";
import { budgetPacer, type Env } from "../../src/worker.ts";

export { ClaidBudget } from "../../src/worker.ts";

interface Message {
  n: number;
  acquire?: Record<string, unknown>;
  release?: string;
  headers?: [string, string][];
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    if (request.headers.get("Upgrade") !== "websocket") return new Response("WebSocket only", { status: 426 });
    const pacer = budgetPacer(env, ctx);
    const releases = new Map<string, (headers: Headers | undefined) => unknown>();
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    server.accept();
    let slots = 0;
    server.addEventListener("message", async (event) => {
      const message = JSON.parse(event.data as string) as Message;
      if (message.acquire) {
        try {
          const release = await pacer.acquire(message.acquire as never);
          const slot = String(++slots);
          releases.set(slot, release);
          server.send(JSON.stringify({ n: message.n, slot, delayMs: pacer.delayMs() }));
        } catch (error) {
          if (!(error instanceof RateLimitDeadlineError)) throw error;
          server.send(JSON.stringify({ n: message.n, deadlineMissedByMs: error.waitMs }));
        }
      } else if (message.release) {
        const release = releases.get(message.release);
        releases.delete(message.release);
        await release?.(message.headers && new Headers(message.headers));
        server.send(JSON.stringify({ n: message.n }));
      }
    });
    return new Response(null, { status: 101, webSocket: client });
  },
} satisfies ExportedHandler<Env>;
