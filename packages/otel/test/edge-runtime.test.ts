/** @claid/otel inside Vercel's edge-runtime VM, on the esbuild bundle of @claid/edge + @claid/otel + the OTel SDK. */
import { join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { EdgeRuntime } from "edge-runtime";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";

let mock: ClaidMockServer;
beforeAll(async () => {
  mock = await startMock(1);
});
afterAll(() => mock.close());

it("records the wait and its attempts as spans inside the Edge VM, traceparent sent as asked", async () => {
  // As Vercel bundles for the edge: the browser platform (the OTel SDK's packages have no `exports` map).
  const bundled = await build({
    entryPoints: [join(import.meta.dirname, "edge/entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    conditions: ["edge-light", "worker", "browser"],
    write: false,
    logLevel: "silent",
  });
  const runtime = new EdgeRuntime({ initialCode: bundled.outputFiles[0]?.text ?? "" });
  const { spans, traceparents } = JSON.parse(
    await runtime.evaluate<Promise<string>>(`runOtel(${JSON.stringify(API_KEY)}, ${JSON.stringify(mock.url)})`),
  ) as {
    traceparents: string[];
    spans: {
      name: string;
      kind: number;
      attributes: Record<string, unknown>;
      parent?: string;
      id: string;
      events: string[];
    }[];
  };
  const wait = spans.find((s) => s.name === "claid.batches.createAndWait");
  expect(wait?.events.at(-1)).toBe("DONE");
  const attempts = spans.filter((s) => s !== wait);
  expect(attempts.map((s) => [s.name, s.kind, s.attributes["http.response.status_code"], s.parent])).toEqual([
    ["POST /v1/image/edit/batch", 2, 200, wait?.id],
    ...attempts.slice(1).map(() => ["GET /v1/image/edit/batch/{task_id}", 2, 200, wait?.id]),
  ]);
  expect(attempts[0]?.attributes).toMatchObject({
    "server.address": "127.0.0.1",
    "url.full": `${mock.url}/v1/image/edit/batch`,
  });
  // Each attempt carried its own span's trace context.
  expect(traceparents).toEqual(attempts.map((a) => expect.stringMatching(new RegExp(`^00-[0-9a-f]{32}-${a.id}-01$`))));
}, 120_000);
