// Bare openapi-fetch over the same generated types: no retries, timeouts or typed errors.
import createClient from "openapi-fetch";
import type { paths } from "../../packages/core/src/generated/schema.ts";

export default {
  async fetch(request: Request, env: { CLAID_API_KEY: string }): Promise<Response> {
    const client = createClient<paths>({
      baseUrl: "https://api.claid.ai",
      headers: { Authorization: `Bearer ${env.CLAID_API_KEY}` },
    });
    const created = await client.POST("/v1/image/edit/batch", {
      body: { input: (await request.json()) as string[], operations: { resizing: { width: 1000 } } },
    });
    if (!created.data?.data) throw new Error("create failed");
    const id = created.data.data.id;
    for (;;) {
      const { data } = await client.GET("/v1/image/edit/batch/{task_id}", { params: { path: { task_id: id } } });
      const batch = data?.data;
      if (!batch) throw new Error("get failed");
      if (["DONE", "ERROR", "CANCELLED"].includes(batch.status)) return Response.json(batch);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  },
};
