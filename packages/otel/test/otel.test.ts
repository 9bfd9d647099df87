/**
 * `claidTelemetry()` with the real OpenTelemetry SDK: in-memory span and metric exporters, the built
 * `@claid/node` client and `downloadResults()`, a stub fetch (no network).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClaid, downloadResults } from "@claid/node";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claidTelemetry } from "../src/index.ts";

const KEY = "sk-otel-0123456789abcdefSECRET";
const SIGNATURE = "X-Amz-Signature=deadbeefcafe0123456789";
const baseUrl = "http://127.0.0.1:9";
const body = { input: "storage://s/in/", operations: {} };
const created = { id: 7, status: "ACCEPTED", created_at: "2026-11-27T08:00:00+00:00", request: body };
const json = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), { status, headers: { "Content-Type": "application/json", ...headers } });
const batch = (status: string, results: unknown[] = []) =>
  json(200, { data: { ...created, status, results, errors: [] } });

/** A fetch answering from a queue. */
function queue(...answers: (() => Response)[]) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    const next = answers.shift();
    if (!next) throw new Error("no answer queued");
    return next();
  };
  return { fetch, requests };
}

let spans: InMemorySpanExporter;
let metricExporter: InMemoryMetricExporter;
let reader: PeriodicExportingMetricReader;
let tracerProvider: BasicTracerProvider;
let meterProvider: MeterProvider;

beforeEach(() => {
  spans = new InMemorySpanExporter();
  tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  meterProvider = new MeterProvider({ readers: [reader] });
});
afterEach(async () => {
  await meterProvider.shutdown();
  await tracerProvider.shutdown();
});

/** Every exported metric point: name, attributes and value (a histogram's count). */
async function metricPoints() {
  await reader.forceFlush();
  return metricExporter
    .getMetrics()
    .flatMap((rm) => rm.scopeMetrics)
    .flatMap((sm) => sm.metrics)
    .flatMap((m) =>
      m.dataPoints.map((p) => ({
        name: m.descriptor.name,
        unit: m.descriptor.unit,
        attributes: p.attributes,
        value: typeof p.value === "number" ? p.value : (p.value as { count: number }).count,
      })),
    );
}

const attemptsOf = (all: ReadableSpan[]) => all.filter((s) => s.kind === 2);
const GET = "GET /v1/image/edit/batch/{task_id}";

describe("claidTelemetry", () => {
  it("createAndWait with a 429 on the create and a retried 503 on a poll: exactly these spans and metric points", async () => {
    const { fetch, requests } = queue(
      () => json(429, { error_message: "slow down" }, { "Retry-After": "0" }),
      () => json(200, { data: created }, { "RateLimit-Remaining": "118", "RateLimit-Reset": "30" }),
      () => json(503, { error_message: "busy" }, { "Retry-After": "0" }),
      () => batch("PROCESSING"),
      () => batch("DONE"),
    );
    const telemetry = claidTelemetry({ tracerProvider, meterProvider });
    const claid = createClaid({ apiKey: KEY, baseUrl, fetch, telemetry, rateLimit: false });
    await claid.batches.createAndWait(body, { pollIntervalMs: 1 });

    const all = spans.getFinishedSpans();
    const wait = all.find((s) => s.name === "claid.batches.createAndWait");
    expect(wait?.attributes).toEqual({
      "claid.batch.task_id": 7,
      "claid.batch.status": "DONE",
      "claid.rate_limit.queued_duration": expect.any(Number),
    });
    expect(wait?.status.code).toBe(0);
    expect(wait?.events.map((e) => [e.name, e.attributes])).toEqual([
      ["claid.batch.status", { "claid.batch.task_id": 7, "claid.batch.status": "PROCESSING" }],
      ["claid.batch.status", { "claid.batch.task_id": 7, "claid.batch.status": "DONE" }],
    ]);
    const attempts = attemptsOf(all);
    expect(all).toHaveLength(attempts.length + 1);
    const common = { "server.address": "127.0.0.1", "server.port": 9 };
    const postUrl = "http://127.0.0.1:9/v1/image/edit/batch";
    const getUrl = `${postUrl}/7`;
    expect(attempts.map((s) => [s.name, s.attributes, s.status.code])).toEqual([
      [
        "POST /v1/image/edit/batch",
        {
          "http.request.method": "POST",
          ...common,
          "url.template": "/v1/image/edit/batch",
          "url.full": postUrl,
          "http.response.status_code": 429,
          "error.type": "429",
        },
        2,
      ],
      [
        "POST /v1/image/edit/batch",
        {
          "http.request.method": "POST",
          ...common,
          "url.template": "/v1/image/edit/batch",
          "url.full": postUrl,
          "http.request.resend_count": 1,
          "http.response.status_code": 200,
        },
        0,
      ],
      [
        GET,
        {
          "http.request.method": "GET",
          ...common,
          "url.template": "/v1/image/edit/batch/{task_id}",
          "url.full": getUrl,
          "http.response.status_code": 503,
          "error.type": "503",
        },
        2,
      ],
      [
        GET,
        {
          "http.request.method": "GET",
          ...common,
          "url.template": "/v1/image/edit/batch/{task_id}",
          "url.full": getUrl,
          "http.request.resend_count": 1,
          "http.response.status_code": 200,
        },
        0,
      ],
      [
        GET,
        {
          "http.request.method": "GET",
          ...common,
          "url.template": "/v1/image/edit/batch/{task_id}",
          "url.full": getUrl,
          "http.response.status_code": 200,
        },
        0,
      ],
    ]);
    // The attempts are the wait's children, in its trace.
    for (const attempt of attempts) {
      expect(attempt.parentSpanContext?.spanId).toBe(wait?.spanContext().spanId);
      expect(attempt.spanContext().traceId).toBe(wait?.spanContext().traceId);
    }
    // No trace context is sent unless asked for.
    expect(requests.map((r) => r.headers.get("traceparent"))).toEqual([null, null, null, null, null]);

    const points = await metricPoints();
    const metric = { "http.request.method": "GET", ...common, "url.template": "/v1/image/edit/batch/{task_id}" };
    const post = { ...metric, "http.request.method": "POST", "url.template": "/v1/image/edit/batch" };
    expect(points).toEqual(
      expect.arrayContaining([
        {
          name: "http.client.request.duration",
          unit: "s",
          attributes: { ...post, "http.response.status_code": 429, "error.type": "429" },
          value: 1,
        },
        {
          name: "http.client.request.duration",
          unit: "s",
          attributes: { ...post, "http.response.status_code": 200 },
          value: 1,
        },
        {
          name: "http.client.request.duration",
          unit: "s",
          attributes: { ...metric, "http.response.status_code": 503, "error.type": "503" },
          value: 1,
        },
        {
          name: "http.client.request.duration",
          unit: "s",
          attributes: { ...metric, "http.response.status_code": 200 },
          value: 2,
        },
        {
          name: "claid.http.client.rate_limited",
          unit: "{response}",
          attributes: { ...post, "http.response.status_code": 429, "error.type": "429" },
          value: 1,
        },
        {
          name: "claid.rate_limit.remaining",
          unit: "{request}",
          attributes: { "server.address": "127.0.0.1" },
          value: 118,
        },
        {
          name: "claid.pacer.wait.duration",
          unit: "s",
          attributes: { "http.request.method": "POST", "url.template": "/v1/image/edit/batch" },
          value: 2,
        },
        {
          name: "claid.pacer.wait.duration",
          unit: "s",
          attributes: { "http.request.method": "GET", "url.template": "/v1/image/edit/batch/{task_id}" },
          value: 3,
        },
      ]),
    );
    expect(points).toHaveLength(8);
  });

  it("sends traceparent of each attempt's span when asked", async () => {
    const { fetch, requests } = queue(() => json(200, { data: created }));
    const telemetry = claidTelemetry({ tracerProvider, meterProvider, propagateTraceContext: true });
    await createClaid({ apiKey: KEY, baseUrl, fetch, telemetry }).batches.create(body);
    const [span] = spans.getFinishedSpans();
    const { traceId, spanId } = span?.spanContext() ?? {};
    expect(requests[0]?.headers.get("traceparent")).toBe(`00-${traceId}-${spanId}-01`);
  });

  it("a hostile server echoing the key, and signed result URLs, leave no trace in any span or metric", async () => {
    const echo = () =>
      json(
        500,
        { error_message: `key ${KEY}` },
        { "X-Echo": KEY, "RateLimit-Remaining": "2", "WWW-Authenticate": KEY },
      );
    const object = { ext: "png", mps: 1, mime: "image/png", format: "PNG", width: 1, height: 1 };
    const results = ["a", "b", "c"].map((name) => ({
      input_object: object,
      output_object: { ...object, tmp_url: `https://127.0.0.1:1/files/${name}.png?${SIGNATURE}&key=${KEY}` },
    }));
    const { fetch } = queue(echo, echo, () => batch("DONE", results));
    const telemetry = claidTelemetry({ tracerProvider, meterProvider });
    const claid = createClaid({ apiKey: KEY, baseUrl, fetch, telemetry, rateLimit: false, maxRetries: 2 });
    const done = await claid.batches.wait(7, { pollIntervalMs: 1 });

    const dir = await mkdtemp(join(tmpdir(), "claid-otel-"));
    try {
      const files = queue(
        () => new Response("png-bytes", { status: 200, headers: { "X-Echo": KEY } }),
        () => new Response(`expired ${SIGNATURE}`, { status: 403 }),
        () => new Response("png-bytes-2", { status: 200 }),
      );
      const report = await downloadResults(done, dir, { fetch: files.fetch, concurrency: 1, telemetry });
      expect([report.written.length, report.failed.length]).toEqual([2, 1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const all = spans.getFinishedSpans();
    const download = all.find((s) => s.name === "claid.download_results");
    expect(download?.attributes).toEqual({
      "claid.batch.task_id": 7,
      "claid.download.files": 3,
      "claid.download.written": 2,
      "claid.download.skipped": 0,
      "claid.download.failed": 1,
      "claid.download.bytes": "png-bytes".length + "png-bytes-2".length,
    });
    expect(download?.events.map((e) => [e.name, e.attributes])).toEqual([
      [
        "claid.download.file_failed",
        {
          "claid.download.index": 1,
          "url.full": "https://127.0.0.1:1/files/b.png",
          "error.type": "expired",
          "http.response.status_code": 403,
        },
      ],
    ]);
    const points = await metricPoints();
    expect(points.filter((p) => p.name === "claid.download.files")).toEqual([
      { name: "claid.download.files", unit: "{file}", attributes: { "claid.download.outcome": "written" }, value: 2 },
      {
        name: "claid.download.files",
        unit: "{file}",
        attributes: { "claid.download.outcome": "failed", "error.type": "expired" },
        value: 1,
      },
    ]);
    const exported = JSON.stringify({
      spans: all.map((s) => ({
        name: s.name,
        attributes: s.attributes,
        events: s.events,
        status: s.status,
        links: s.links,
      })),
      points,
    });
    expect(exported).toContain("claid.batches.wait");
    expect(exported).not.toContain(KEY);
    expect(exported).not.toContain("SECRET");
    expect(exported).not.toContain("Signature");
    expect(exported).not.toContain("deadbeef");
  });
});
