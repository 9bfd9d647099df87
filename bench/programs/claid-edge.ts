// The same Worker-style job in every program: submit a batch, wait until DONE.
import { createClaid } from "@claid/edge";

export default {
  async fetch(request: Request, env: { CLAID_API_KEY: string }): Promise<Response> {
    const claid = createClaid({ env });
    const task = await claid.batches.create({
      input: (await request.json()) as string[],
      operations: { resizing: { width: 1000 } },
    });
    return Response.json(await claid.batches.wait(task));
  },
};
