/**
 * The four clients of the per-call and heap measurements, each doing one
 * create + retrieve pair against the same in-process fetch stub (no network).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createClaid } from "@claid/core";
import createClient from "openapi-fetch";
import type { paths } from "../../packages/core/src/generated/schema.ts";
import { HEY_API_DIR } from "../hey-api.ts";

const accepted = JSON.stringify({
  data: { id: 1, status: "ACCEPTED", created_at: "2026-11-27T09:00:00Z", request: {} },
});
const done = JSON.stringify({
  data: { id: 1, status: "DONE", created_at: "2026-11-27T09:00:00Z", request: {}, errors: [], results: [] },
});
export async function stub(input: Request | string, init?: RequestInit): Promise<Response> {
  const method = input instanceof Request ? input.method : (init?.method ?? "GET");
  return new Response(method === "POST" ? accepted : done, {
    status: 200,
    headers: { "content-type": "application/json" },
  });
}

export const body = { input: ["https://img.example/a.png"], operations: { resizing: { width: 1000 } } };
const headers = { Authorization: "Bearer k", "Content-Type": "application/json" };

export type Pair = () => Promise<unknown>;

interface HeyApiSdk {
  processBatchImageEditV1ImageEditBatchPost(options: object): Promise<{ data?: unknown }>;
  imageEditBatchAsyncResultsV1ImageEditBatchTaskIdGet(options: object): Promise<{ data?: unknown }>;
}

/** Needs `generateHeyApi()` to have run (npm run bench does it first). */
export async function loadClients(): Promise<Record<string, Pair>> {
  const url = (file: string) => pathToFileURL(join(HEY_API_DIR, file)).href;
  const sdk = (await import(url("sdk.gen.ts"))) as HeyApiSdk;
  const heyApi = (await import(url("client/index.ts"))) as { createClient(config: object): unknown };
  const heyClient = heyApi.createClient({ baseUrl: "https://api.claid.ai", auth: "k", fetch: stub });
  const openapiFetch = createClient<paths>({ baseUrl: "https://api.claid.ai", headers, fetch: stub });
  // The pacer at work but never binding (a policy far above the calls made), so its bookkeeping is what is measured.
  const claid = createClaid({ apiKey: "test-key-0123", fetch: stub, rateLimit: "1000000000;w=1" });
  const unpaced = createClaid({ apiKey: "test-key-0123", fetch: stub, rateLimit: false });
  return {
    "raw fetch": async () => {
      const post = { method: "POST", headers, body: JSON.stringify(body) };
      await (await stub("https://api.claid.ai/v1/image/edit/batch", post)).json();
      await (await stub("https://api.claid.ai/v1/image/edit/batch/1", { headers })).json();
    },
    "bare openapi-fetch": async () => {
      await openapiFetch.POST("/v1/image/edit/batch", { body });
      await openapiFetch.GET("/v1/image/edit/batch/{task_id}", { params: { path: { task_id: 1 } } });
    },
    "hey-api": async () => {
      await sdk.processBatchImageEditV1ImageEditBatchPost({ client: heyClient, body });
      await sdk.imageEditBatchAsyncResultsV1ImageEditBatchTaskIdGet({ client: heyClient, path: { task_id: 1 } });
    },
    "@claid/core": async () => {
      await claid.batches.create(body);
      await claid.batches.retrieve(1);
    },
    "@claid/core, rateLimit: false": async () => {
      await unpaced.batches.create(body);
      await unpaced.batches.retrieve(1);
    },
  };
}
