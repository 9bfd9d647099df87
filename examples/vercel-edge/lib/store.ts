import type { BatchStore, StoredBatch } from "./batches.ts";

/**
 * A store for local development and tests only: edge function instances do not
 * share memory, so deploy with a durable store (e.g. Vercel KV / Upstash Redis)
 * implementing the same two methods.
 */
export function memoryStore(): BatchStore {
  const batches = new Map<number, StoredBatch>();
  return {
    list: async () => [...batches.values()],
    put: async (batch) => {
      batches.set(batch.taskId, batch);
    },
  };
}
