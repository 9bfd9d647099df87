// Bundled into Vercel's Edge VM: a createAndWait with @claid/edge and @claid/otel, spans to the in-memory exporter.
import { createClaid } from "@claid/edge";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { claidTelemetry } from "../../src/index.ts";

(globalThis as { runOtel?: unknown }).runOtel = async (apiKey: string, baseUrl: string) => {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const telemetry = claidTelemetry({ tracerProvider, propagateTraceContext: true });
  const traceparents: (string | null)[] = [];
  const fetch = (request: Request, init?: { signal: AbortSignal }) => {
    traceparents.push(request.headers.get("traceparent"));
    return globalThis.fetch(request, init);
  };
  const claid = createClaid({ apiKey, baseUrl, telemetry, fetch });
  await claid.batches.createAndWait({ input: ["https://image.site/a.png"], operations: {} }, { pollIntervalMs: 20 });
  return JSON.stringify({
    traceparents,
    spans: exporter.getFinishedSpans().map((span) => ({
      name: span.name,
      kind: span.kind,
      attributes: span.attributes,
      parent: span.parentSpanContext?.spanId,
      id: span.spanContext().spanId,
      events: span.events.map((e) => e.attributes?.["claid.batch.status"]),
    })),
  });
};
