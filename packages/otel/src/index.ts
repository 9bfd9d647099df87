/**
 * OpenTelemetry for the Claid Batch API client: `claidTelemetry()` turns the client's telemetry hooks into
 * spans and metrics that follow OpenTelemetry's stable HTTP client semantic conventions.
 * @packageDocumentation
 * @module @claid/otel
 */
import type { ClaidTelemetry, DownloadEvent, FileEvent, WaitEvent } from "@claid/core";
import {
  type Attributes,
  type Context,
  context,
  type MeterProvider,
  metrics,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TracerProvider,
  trace,
} from "@opentelemetry/api";

/** Options of `claidTelemetry()`. */
export interface ClaidTelemetryOptions {
  /** Where spans go. Default: the global tracer provider (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider | undefined;
  /** Where metrics go. Default: the global meter provider (`metrics.getMeterProvider()`). */
  meterProvider?: MeterProvider | undefined;
  /**
   * Send the W3C `traceparent` (and `tracestate`) of each attempt's span to the API, so that a
   * tracing backend on the API's side joins the trace. Default false: no header is added.
   */
  propagateTraceContext?: boolean | undefined;
}

const SCOPE = "@claid/otel";
/** The advised bucket boundaries of `http.client.request.duration`, in seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * Telemetry for `createClaid({ telemetry })` (and `downloadResults(…, { telemetry })` of `@claid/node`):
 * a CLIENT span per HTTP attempt (`GET /v1/image/edit/batch/{task_id}`), a span per `wait()`,
 * `createAndWait()` and `downloadResults()`, and the metrics `http.client.request.duration`,
 * `claid.rate_limit.remaining`, `claid.pacer.wait.duration`, `claid.http.client.rate_limited` and
 * `claid.download.files`. Nothing recorded holds the API key or a URL's query string.
 *
 * @example
 * const claid = createClaid({ telemetry: claidTelemetry() });
 */
export function claidTelemetry(options: ClaidTelemetryOptions = {}): ClaidTelemetry {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE);
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE);
  const duration = meter.createHistogram("http.client.request.duration", {
    description: "Duration of HTTP client requests.",
    unit: "s",
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  const remaining = meter.createGauge("claid.rate_limit.remaining", {
    description: "Requests left in the current rate-limit window, as the API's last RateLimit-Remaining said.",
    unit: "{request}",
  });
  const pacerWait = meter.createHistogram("claid.pacer.wait.duration", {
    description: "Time a request waited in the client's queue for a rate-limit slot.",
    unit: "s",
    advice: { explicitBucketBoundaries: [0, ...DURATION_BUCKETS, 30, 60] },
  });
  const rateLimited = meter.createCounter("claid.http.client.rate_limited", {
    description: "Answers 429 Too Many Requests.",
    unit: "{response}",
  });
  const files = meter.createCounter("claid.download.files", {
    description: "Result images handled by downloadResults(), by outcome (written, skipped, failed).",
    unit: "{file}",
  });

  /** What each started event became: its span, and what its end needs (`attributes`: the metrics' ones). */
  const started = new WeakMap<object, { span: Span; at: number; attributes: Attributes; queuedMs: number }>();
  const parentOf = (event: object | undefined): Context => {
    const parent = event && started.get(event);
    return parent ? trace.setSpan(context.active(), parent.span) : context.active();
  };
  const begin = (event: object, name: string, kind: SpanKind, attributes: Attributes, parent?: object, metric = {}) => {
    const span = tracer.startSpan(name, { kind, attributes }, parentOf(parent));
    started.set(event, { span, at: performance.now(), attributes: metric, queuedMs: 0 });
    return span;
  };
  /** Ends `event`'s span: status Error with `error.type` when `errorType` is given. */
  const finish = (event: object, errorType: string | undefined, attributes: Attributes = {}) => {
    const entry = started.get(event);
    if (!entry) return;
    started.delete(event);
    if (errorType) {
      attributes["error.type"] = errorType;
      entry.span.setStatus({ code: SpanStatusCode.ERROR });
    }
    entry.span.setAttributes(attributes);
    entry.span.end();
    return entry;
  };

  return {
    attemptStart(attempt) {
      const url = new URL(attempt.url);
      const attributes: Attributes = {
        "http.request.method": attempt.method,
        "server.address": url.hostname,
        "server.port": Number(url.port) || (url.protocol === "https:" ? 443 : 80),
        "url.template": attempt.urlTemplate,
      };
      const span = begin(
        attempt,
        `${attempt.method} ${attempt.urlTemplate}`,
        SpanKind.CLIENT,
        {
          ...attributes,
          "url.full": `${url.origin}${url.pathname}`,
          ...(attempt.attempt > 1 && { "http.request.resend_count": attempt.attempt - 1 }),
        },
        attempt.wait,
        attributes,
      );
      if (!options.propagateTraceContext) return;
      const { traceId, spanId, traceFlags, traceState } = span.spanContext();
      return {
        traceparent: `00-${traceId}-${spanId}-0${traceFlags.toString(16)}`,
        ...(traceState && { tracestate: traceState.serialize() }),
      };
    },
    attemptEnd(attempt) {
      const entry = started.get(attempt);
      if (!entry) return;
      const { status } = attempt;
      const errorType =
        status !== undefined && status >= 400 ? String(status) : attempt.error ? errorName(attempt.error) : undefined;
      const ended = { ...(status !== undefined && { "http.response.status_code": status }) };
      finish(attempt, errorType, ended);
      const metricAttributes = { ...entry.attributes, ...ended, ...(errorType && { "error.type": errorType }) };
      duration.record((performance.now() - entry.at) / 1000, metricAttributes);
      if (status === 429) rateLimited.add(1, metricAttributes);
      const left = attempt.rateLimit?.remaining;
      if (left !== undefined) remaining.record(left, { "server.address": entry.attributes["server.address"] });
    },
    pacerWait(wait) {
      pacerWait.record(wait.waitedMs / 1000, {
        "http.request.method": wait.method,
        "url.template": wait.urlTemplate,
      });
      const parent = wait.wait && started.get(wait.wait);
      if (parent) parent.queuedMs += wait.waitedMs;
    },
    waitStart(wait) {
      begin(wait, `claid.batches.${wait.operation}`, SpanKind.INTERNAL, taskAttributes(wait));
    },
    waitStatus(wait) {
      const entry = started.get(wait);
      entry?.span.addEvent("claid.batch.status", { ...taskAttributes(wait), "claid.batch.status": wait.status ?? "" });
    },
    waitEnd(wait) {
      const queued = started.get(wait)?.queuedMs ?? 0;
      finish(wait, wait.error === undefined ? undefined : errorName(wait.error), {
        ...taskAttributes(wait),
        ...(wait.status && { "claid.batch.status": wait.status }),
        "claid.rate_limit.queued_duration": queued / 1000,
      });
    },
    downloadStart(download) {
      begin(download, "claid.download_results", SpanKind.INTERNAL, {
        "claid.batch.task_id": download.taskId,
        "claid.download.files": download.files,
      });
    },
    downloadEnd(download) {
      finish(download, download.error === undefined ? undefined : errorName(download.error), downloadCounts(download));
    },
    fileEnd(file) {
      if (file.outcome) files.add(1, fileAttributes(file));
      if (file.outcome === "failed") {
        started.get(file.download)?.span.addEvent("claid.download.file_failed", {
          "claid.download.index": file.index,
          "url.full": file.url,
          "error.type": file.reason ?? "_OTHER",
          ...(file.status !== undefined && { "http.response.status_code": file.status }),
        });
      }
    },
  };
}

function taskAttributes(wait: WaitEvent): Attributes {
  return wait.taskId === undefined ? {} : { "claid.batch.task_id": wait.taskId };
}

function downloadCounts(download: DownloadEvent): Attributes {
  return {
    "claid.download.written": download.written ?? 0,
    "claid.download.skipped": download.skipped ?? 0,
    "claid.download.failed": download.failed ?? 0,
    "claid.download.bytes": download.bytes ?? 0,
  };
}

function fileAttributes(file: FileEvent): Attributes {
  return {
    "claid.download.outcome": file.outcome as string,
    ...(file.reason && { "error.type": file.reason }),
  };
}

/**
 * A low-cardinality name for `error.type`: the error's class name (`ClaidTimeoutError`,
 * `ClaidConnectionError`, `AbortError`), never its message, which may quote a server.
 */
function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" && /^[\w.]{1,64}$/.test(name) ? name : "_OTHER";
}
