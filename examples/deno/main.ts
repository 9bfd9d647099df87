/**
 * Deno Deploy (or Supabase-style) handler. POST /batches submits a batch and
 * enqueues its first check in Deno KV; each queue message is one `check()`
 * (one GET), re-enqueued with the schedule's delay until the batch is done.
 * GET /batches/:id reads the latest state from KV.
 *
 *   CLAID_API_KEY=... deno task start
 */
import { type BatchCheck, createClaid } from "@claid/edge";

export interface CheckMessage {
  taskId: number;
  state?: BatchCheck;
}

export function createApp(kv: Deno.Kv, { pollIntervalMs = 2000 } = {}) {
  const claid = createClaid(); // CLAID_API_KEY (and CLAID_BASE_URL) from Deno.env

  async function handler(request: Request): Promise<Response> {
    const id = new URL(request.url).pathname.match(/^\/batches\/(\d+)$/)?.[1];
    if (request.method === "GET" && id) {
      const { value } = await kv.get<BatchCheck>(["batches", Number(id)]);
      return value ? Response.json(value) : Response.json({ taskId: Number(id), done: false }, { status: 404 });
    }
    const urls: string[] = await request.json();
    const task = await claid.batches.create({
      input: urls,
      operations: { adjustments: { hdr: 60 }, resizing: { width: 1200 } },
    });
    await kv.enqueue({ taskId: task.id } satisfies CheckMessage, { delay: pollIntervalMs });
    return Response.json({ taskId: task.id }, { status: 202 });
  }

  /** One check per message; a finished batch (even ERROR) is stored, not checked again. */
  async function onMessage(message: CheckMessage): Promise<void> {
    const state = await claid.batches.check(message.state ?? message.taskId, { pollIntervalMs });
    await kv.set(["batches", state.taskId], state);
    if (!state.done)
      await kv.enqueue({ taskId: state.taskId, state } satisfies CheckMessage, { delay: state.nextCheckAfterMs });
  }

  return { handler, onMessage };
}

if (import.meta.main) {
  const kv = await Deno.openKv();
  const app = createApp(kv);
  kv.listenQueue((message) => app.onMessage(message as CheckMessage));
  Deno.serve(app.handler);
}
