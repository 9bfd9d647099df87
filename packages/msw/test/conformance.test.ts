/**
 * Every response the mock can produce in a well-formed scenario must satisfy the
 * spec's schema for that operation and status. (Deliberately malformed faults —
 * HTML pages, truncated or empty bodies — are excluded by design.)
 */
import type { BatchStatus } from "@claid/core";
import { CREATE_BATCH, GET_BATCH, responseSchemaPointer, type SpecOperation, validatorFor } from "@claid/core/spec";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClaidHandlersOptions, ClaidMockStore, createClaidHandlers, type MockFault } from "../src/index.ts";

const BASE = "https://api.claid.ai";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const requests = {
  folder: { input: "storage://s/in/", operations: { resizing: { width: 1000 } }, output: "storage://s/out/" },
  recursive: {
    input: { source: "storage://s/in/", recursive: true },
    operations: {},
    output: { destination: "storage://s/out/", format: { type: "png" } },
  },
  urls: {
    input: ["https://img.example/a.png", "https://img.example/b.png"],
    operations: { background: { remove: true } },
    output: { format: "webp" },
  },
};

type Step = { op: "create" | "retrieve"; body?: unknown; id?: number | string; auth?: boolean };
type Scenario = {
  name: string;
  plan?: BatchStatus[];
  faults?: MockFault[];
  rateLimit?: ClaidHandlersOptions["rateLimit"];
  steps: Step[];
};

const allStatuses: BatchStatus[] = ["ACCEPTED", "WAITING", "PROCESSING", "PAUSED", "DONE", "ERROR", "CANCELLED"];
const errorStatuses = [400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503, 504];

const scenarios: Scenario[] = [
  ...Object.entries(requests).map(([name, body]) => ({
    name: `${name} request through every status`,
    plan: allStatuses,
    steps: [{ op: "create" as const, body }, ...allStatuses.map(() => ({ op: "retrieve" as const, id: 1 }))],
  })),
  {
    name: "missing auth",
    steps: [
      { op: "create", body: requests.folder, auth: false },
      { op: "retrieve", id: 1, auth: false },
    ],
  },
  { name: "validation error", steps: [{ op: "create", body: { input: "", operations: { nope: 1 } } }] },
  { name: "invalid JSON", steps: [{ op: "create", body: "{" }] },
  {
    name: "unknown and malformed ids",
    steps: [
      { op: "retrieve", id: 404 },
      { op: "retrieve", id: "x1" },
    ],
  },
  {
    name: "rate limit exceeded",
    rateLimit: "1;w=10",
    steps: [
      { op: "retrieve", id: 1 },
      { op: "retrieve", id: 1 },
    ],
  },
  ...errorStatuses.map((status) => ({
    name: `injected ${status}`,
    faults: [{ type: "status", status } as MockFault, { type: "status", status } as MockFault],
    steps: [
      { op: "create" as const, body: requests.folder },
      { op: "retrieve" as const, id: 1 },
    ],
  })),
  { name: "latency", faults: [{ type: "latency", ms: 5 }], steps: [{ op: "create", body: requests.urls }] },
];

async function send(step: Step): Promise<Response> {
  const headers: Record<string, string> = step.auth === false ? {} : { Authorization: "Bearer k" };
  if (step.op === "create") {
    const body = typeof step.body === "string" ? step.body : JSON.stringify(step.body);
    return fetch(`${BASE}/v1/image/edit/batch`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body,
    });
  }
  return fetch(`${BASE}/v1/image/edit/batch/${step.id}`, { headers });
}

function declaredStatus(op: SpecOperation, status: number): boolean {
  return String(status) in op.operation.responses || "default" in op.operation.responses;
}

describe.each(scenarios)("$name", (scenario) => {
  it("answers only with statuses and bodies the spec declares", async () => {
    const store = new ClaidMockStore();
    if (scenario.plan) store.planTask(scenario.plan);
    for (const fault of scenario.faults ?? []) store.injectFault(fault);
    server.resetHandlers(...createClaidHandlers({ store, rateLimit: scenario.rateLimit }));
    for (const step of scenario.steps) {
      const response = await send(step);
      const op = step.op === "create" ? CREATE_BATCH : GET_BATCH;
      expect(declaredStatus(op, response.status), `${op.path} ${response.status}`).toBe(true);
      const pointer = responseSchemaPointer(op, response.status);
      expect(pointer).toBeDefined();
      const validate = validatorFor(pointer as string);
      const json = await response.json();
      // Claid documents its rate-limit 429 with the error wrapped in `detail`, unlike the spec.
      const body = scenario.rateLimit && response.status === 429 ? json.detail : json;
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
      expect(response.headers.get("x-request-id")).toMatch(/^mock-\d+$/);
      expect(response.headers.get("RateLimit-Remaining")).toMatch(/^\d+$/);
    }
    expect(store.requests).toHaveLength(scenario.steps.length);
  });
});
