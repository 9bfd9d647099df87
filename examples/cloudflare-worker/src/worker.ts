/**
 * POST a JSON array of image URLs; the Worker submits one batch and answers
 * with the finished result. Fine for small batches that finish within the
 * request's time limit — for long ones, see examples/cloudflare-queues.
 */
import { BatchFailedError, ClaidAPIError, createClaid } from "@claid/edge";

export interface Env {
  CLAID_API_KEY: string;
  CLAID_BASE_URL?: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== "POST") return new Response("POST a JSON array of image URLs", { status: 405 });
    const urls = (await request.json()) as string[];
    const claid = createClaid({ env });
    try {
      const batch = await claid.batches.createAndWait(
        {
          input: urls,
          operations: { restorations: { upscale: "smart_enhance" }, resizing: { width: 1600 } },
          output: { format: "jpeg" },
        },
        { pollIntervalMs: 1000, maxWaitMs: 25_000, signal: request.signal },
      );
      return Response.json(batch);
    } catch (error) {
      if (error instanceof BatchFailedError)
        return Response.json({ error: error.message, errors: error.errors }, { status: 502 });
      if (error instanceof ClaidAPIError)
        return Response.json(
          { error: error.message, requestId: error.requestId },
          { status: error.status === 422 ? 400 : 502 },
        );
      throw error;
    }
  },
} satisfies ExportedHandler<Env>;
