// A Worker bundled with esbuild and run in workerd.
import { createClaid } from "@claid/edge";

export default {
  async fetch(_request: Request, env: { CLAID_API_KEY: string; CLAID_BASE_URL: string }): Promise<Response> {
    const result = await createClaid({ env }).batches.createAndWait(
      { input: ["https://img.example/d.png"], operations: {} },
      { pollIntervalMs: 50 },
    );
    return new Response(`worker: ${result.status} ${result.results?.length}`);
  },
};
