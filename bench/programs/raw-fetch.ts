// The floor: raw fetch, no retries, no typed errors, a fixed-interval poll.
export default {
  async fetch(request: Request, env: { CLAID_API_KEY: string }): Promise<Response> {
    const headers = { Authorization: `Bearer ${env.CLAID_API_KEY}`, "Content-Type": "application/json" };
    const created = await fetch("https://api.claid.ai/v1/image/edit/batch", {
      method: "POST",
      headers,
      body: JSON.stringify({ input: await request.json(), operations: { resizing: { width: 1000 } } }),
    });
    if (!created.ok) throw new Error(`create: ${created.status}`);
    const { data } = (await created.json()) as { data: { id: number } };
    for (;;) {
      const res = await fetch(`https://api.claid.ai/v1/image/edit/batch/${data.id}`, { headers });
      if (!res.ok) throw new Error(`get: ${res.status}`);
      const { data: batch } = (await res.json()) as { data: { status: string } };
      if (["DONE", "ERROR", "CANCELLED"].includes(batch.status)) return Response.json(batch);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  },
};
