/**
 * Route logic, independent of where batches are stored. An edge function may
 * not wait minutes, so submitting stores the task as pending, and a cron
 * route checks each pending batch that is due — one GET each — per invocation.
 */
import { type BatchCheck, createClaid, type PollOptions } from "@claid/edge";

export interface StoredBatch {
  taskId: number;
  state?: BatchCheck;
  /** Epoch ms when the next check is due. */
  dueAt: number;
}

/** Any durable key-value store (Vercel KV / Upstash, Edge Config writes, a database). */
export interface BatchStore {
  list(): Promise<StoredBatch[]>;
  put(batch: StoredBatch): Promise<void>;
}

export function createRoutes(store: BatchStore, poll: PollOptions = {}) {
  const pollIntervalMs = poll.pollIntervalMs ?? 2000;

  /** POST: a JSON array of image URLs → 202 { taskId }. */
  async function submit(request: Request): Promise<Response> {
    const task = await createClaid().batches.create({
      input: (await request.json()) as string[],
      operations: { background: { blur: { type: "lens", level: "medium" } } },
      output: { format: "jpeg" },
    });
    await store.put({ taskId: task.id, dueAt: Date.now() + pollIntervalMs });
    return Response.json({ taskId: task.id }, { status: 202 });
  }

  /** GET (cron): one check for every pending batch that is due; finished ones (DONE, ERROR, CANCELLED) stay finished. */
  async function checkDue(): Promise<Response> {
    const claid = createClaid();
    const now = Date.now();
    const due = (await store.list()).filter((b) => !b.state?.done && b.dueAt <= now);
    const checked = await Promise.all(
      due.map(async (batch) => {
        const state = await claid.batches.check(batch.state ?? batch.taskId, poll);
        await store.put({ taskId: batch.taskId, state, dueAt: Date.now() + state.nextCheckAfterMs });
        return { taskId: state.taskId, status: state.status, done: state.done };
      }),
    );
    return Response.json({ checked });
  }

  return { submit, checkDue };
}
