/**
 * One Durable Object per batch. POST /batches submits and sets an alarm; each
 * alarm is one `check()` (one GET) whose state is stored, and the next alarm
 * is set `nextCheckAfterMs` later, until the batch is done. GET
 * /batches/:id reads the stored state.
 */
import { DurableObject } from "cloudflare:workers";
import { type BatchCheck, createClaid } from "@claid/edge";

export interface Env {
  CLAID_API_KEY: string;
  CLAID_BASE_URL?: string;
  /** Optional: start of the polling schedule, ms (default 2000). */
  POLL_INTERVAL_MS?: string;
  WATCHERS: DurableObjectNamespace<BatchWatcher>;
}

interface Stored {
  taskId: number;
  state?: BatchCheck;
}

export class BatchWatcher extends DurableObject<Env> {
  async submit(urls: string[]): Promise<number> {
    const task = await createClaid({ env: this.env }).batches.create({
      input: urls,
      operations: { restorations: { upscale: "smart_enhance" }, resizing: { width: 2000 } },
    });
    await this.ctx.storage.put<Stored>("batch", { taskId: task.id });
    await this.ctx.storage.setAlarm(Date.now() + this.pollIntervalMs());
    return task.id;
  }

  async status(): Promise<Stored | undefined> {
    return this.ctx.storage.get<Stored>("batch");
  }

  override async alarm(): Promise<void> {
    const stored = await this.ctx.storage.get<Stored>("batch");
    if (!stored || stored.state?.done) return;
    const state = await createClaid({ env: this.env }).batches.check(stored.state ?? stored.taskId, {
      pollIntervalMs: this.pollIntervalMs(),
    });
    await this.ctx.storage.put<Stored>("batch", { taskId: stored.taskId, state });
    // A finished batch (DONE, ERROR or CANCELLED) sets no further alarm.
    if (!state.done) await this.ctx.storage.setAlarm(Date.now() + state.nextCheckAfterMs);
  }

  private pollIntervalMs(): number {
    return Number(this.env.POLL_INTERVAL_MS ?? 2000);
  }
}

export default {
  /** POST /batches with a JSON array of image URLs → 202 { taskId, watcher }; GET /watchers/:watcher → the stored state. */
  async fetch(request: Request, env: Env): Promise<Response> {
    const watcher = new URL(request.url).pathname.match(/^\/watchers\/([0-9a-f]{64})$/)?.[1];
    if (request.method === "GET" && watcher) {
      return Response.json((await env.WATCHERS.get(env.WATCHERS.idFromString(watcher)).status()) ?? null);
    }
    const id = env.WATCHERS.newUniqueId();
    const taskId = await env.WATCHERS.get(id).submit((await request.json()) as string[]);
    return Response.json({ taskId, watcher: id.toString() }, { status: 202 });
  },
} satisfies ExportedHandler<Env>;
