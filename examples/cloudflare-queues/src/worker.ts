/**
 * A batch takes minutes; a Worker invocation must not wait for it. The fetch
 * handler submits the batch and enqueues its first check; each queue message
 * is one `check()` (one GET), re-enqueued with the delay the SDK's schedule
 * asks for until the batch is done, when the result is stored in KV.
 */
import { type BatchCheck, createClaid, type PollOptions } from "@claid/edge";

export interface Env {
  CLAID_API_KEY: string;
  CLAID_BASE_URL?: string;
  /** Optional: start of the polling schedule, ms (default 2000). */
  POLL_INTERVAL_MS?: string;
  CHECKS: Queue<CheckMessage>;
  RESULTS: KVNamespace;
}

/** The whole polling state travels in the message: plain JSON from `check()`. */
export interface CheckMessage {
  taskId: number;
  state?: BatchCheck;
}

const pollOptions = (env: Env): PollOptions => ({ pollIntervalMs: Number(env.POLL_INTERVAL_MS ?? 2000) });

export default {
  /** POST a JSON array of image URLs; answers 202 with the task id. GET /batches/:id reads the stored result. */
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = new URL(request.url).pathname.match(/^\/batches\/(\d+)$/)?.[1];
    if (request.method === "GET" && id) {
      const stored = await env.RESULTS.get(`batch:${id}`);
      return stored
        ? new Response(stored, { headers: { "content-type": "application/json" } })
        : Response.json({ taskId: Number(id), done: false }, { status: 404 });
    }
    const urls = (await request.json()) as string[];
    const task = await createClaid({ env }).batches.create({
      input: urls,
      operations: { background: { remove: true }, resizing: { width: 1000, height: 1000, fit: "canvas" } },
      output: { format: "webp" },
    });
    await env.CHECKS.send(
      { taskId: task.id },
      { delaySeconds: Math.ceil(Number(env.POLL_INTERVAL_MS ?? 2000) / 1000) },
    );
    return Response.json({ taskId: task.id }, { status: 202 });
  },

  /** One check per message. A failed batch is stored as done (with `failed`), never retried forever. */
  async queue(batch: MessageBatch<CheckMessage>, env: Env): Promise<void> {
    const claid = createClaid({ env });
    for (const message of batch.messages) {
      const state = await claid.batches.check(message.body.state ?? message.body.taskId, pollOptions(env));
      if (state.done) {
        await env.RESULTS.put(`batch:${state.taskId}`, JSON.stringify(state));
      } else {
        await env.CHECKS.send(
          { taskId: state.taskId, state },
          { delaySeconds: Math.ceil(state.nextCheckAfterMs / 1000) },
        );
      }
      message.ack();
    }
  },
} satisfies ExportedHandler<Env, CheckMessage>;
