// claid-edge.ts with OpenTelemetry on: @claid/otel's hooks, spans and metrics to the globally registered providers.
import { createClaid } from "@claid/edge";
import { claidTelemetry } from "@claid/otel";

export default {
  async fetch(request: Request, env: { CLAID_API_KEY: string }): Promise<Response> {
    const claid = createClaid({ env, telemetry: claidTelemetry() });
    const task = await claid.batches.create({
      input: (await request.json()) as string[],
      operations: { resizing: { width: 1000 } },
    });
    return Response.json(await claid.batches.wait(task));
  },
};
