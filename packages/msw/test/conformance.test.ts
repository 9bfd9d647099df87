/**
 * Every answer the mock gives, in every scenario its options and faults make, is checked against
 * the spec: a declared status, a JSON body, valid against the schema the spec gives that
 * operation and status (429s included, plain or wrapped in `detail`). The faults that exist to
 * imitate a broken proxy (HTML or empty bodies, cut JSON, a wrong shape, a dropped connection)
 * are checked too, to be off-spec exactly as they promise.
 */
import type { BatchEditRequest, BatchStatus } from "@claid/core";
import { CREATE_BATCH, GET_BATCH, responseSchemaPointer, type SpecOperation, validatorFor } from "@claid/core/spec";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLAID_RATE_LIMIT,
  type ClaidHandlersOptions,
  ClaidMockStore,
  createClaidHandlers,
  type MockFault,
} from "../src/index.ts";

const BASE = "https://api.claid.ai";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

/** Request bodies over every input form, output form and output format, with sizes in pixels, percent and auto. */
const bodies: [string, BatchEditRequest][] = [
  ["storage folder → storage folder", { input: "storage://s/in/", operations: {}, output: "storage://s/out/" }],
  [
    "{ source, recursive } → destination + png",
    {
      input: { source: "storage://s/in/", recursive: true },
      operations: { resizing: { width: 1000, height: 800, fit: "cover" } },
      output: { destination: "storage://s/out/", format: { type: "png" } },
    },
  ],
  ...(["jpeg", "png", "webp", "avif", "tiff"] as const).map((format): [string, BatchEditRequest] => [
    `URL list → temporary ${format}`,
    {
      input: ["https://img.example/a.png", "https://img.example/b%20c.jpg", "https://img.example/"],
      operations: { resizing: { width: "50%", height: "auto" }, background: { remove: true } },
      output: { format },
    },
  ]),
  [
    "one URL, format options object, height only",
    {
      input: "https://img.example/one.webp",
      operations: { resizing: { height: 300 } },
      output: { format: { type: "webp", compression: { type: "lossy", quality: 80 } } },
    },
  ],
];

const allStatuses: BatchStatus[] = ["ACCEPTED", "WAITING", "PROCESSING", "PAUSED", "DONE", "ERROR", "CANCELLED"];
const errorStatuses = [400, 401, 402, 403, 404, 409, 413, 422, 429, 500, 502, 503, 504];

type Step = {
  op: "create" | "retrieve";
  body?: unknown;
  id?: number | string;
  /** The bearer token; null sends no Authorization header. Default "k". */
  token?: string | null;
  /** Moves the handlers' clock forward before the request, ms. */
  advanceMs?: number;
  /** What the answer must be: "spec" (default), "off-spec" (a fault that imitates a broken proxy) or "network-error". */
  expect?: "spec" | "off-spec" | "network-error";
};
type Scenario = {
  name: string;
  options?: ClaidHandlersOptions;
  setup?: (store: ClaidMockStore) => void;
  steps: Step[];
};

const create = (body: unknown = bodies[0]?.[1], extra: Partial<Step> = {}): Step => ({ op: "create", body, ...extra });
const retrieve = (id: number | string = 1, extra: Partial<Step> = {}): Step => ({ op: "retrieve", id, ...extra });
const polls = (count: number, extra: Partial<Step> = {}) => Array.from({ length: count }, () => retrieve(1, extra));
const fault = (f: MockFault) => (store: ClaidMockStore) => store.injectFault(f);

const scenarios: Scenario[] = [
  ...bodies.map(([name, body]) => ({
    name: `${name}, through every status`,
    setup: (store: ClaidMockStore) => store.planTask(allStatuses),
    steps: [create(body), ...polls(allStatuses.length + 1)],
  })),
  ...bodies.map(([name, body]) => ({
    name: `${name}, with an empty folder`,
    options: { folderImageCount: 0 },
    setup: (store: ClaidMockStore) => store.planTask(["DONE"]),
    steps: [create(body), retrieve()],
  })),
  { name: "folderImageCount 5", options: { folderImageCount: 5 }, steps: [create(), ...polls(2)] },
  { name: "pollsToComplete 1", options: { pollsToComplete: 1 }, steps: [create(), ...polls(2)] },
  { name: "pollsToComplete 3", options: { pollsToComplete: 3 }, steps: [create(), ...polls(4)] },
  ...(
    [
      ["lifecycle ending in ERROR", ["PROCESSING", "ERROR"]],
      ["lifecycle ending in CANCELLED", ["PROCESSING", "CANCELLED"]],
      ["lifecycle with PAUSED", ["PROCESSING", "PAUSED", "PAUSED", "PROCESSING", "DONE"]],
      ["lifecycle with WAITING", ["WAITING", "DONE"]],
    ] as [string, BatchStatus[]][]
  ).map(([name, lifecycle]) => ({ name, options: { lifecycle }, steps: [create(), ...polls(lifecycle.length + 1)] })),
  {
    name: "taskDurationMs: PROCESSING, then DONE on the clock",
    options: { taskDurationMs: 1000 },
    steps: [create(), retrieve(), retrieve(1, { advanceMs: 1000 })],
  },
  {
    name: "planTask with afterMs",
    setup: (store) => store.planTask(["ERROR"], { afterMs: 500 }),
    steps: [create(), retrieve(), retrieve(1, { advanceMs: 500 })],
  },
  {
    name: "storageBaseUrl and latencyMs",
    options: { storageBaseUrl: "https://files.example/tmp", latencyMs: 2 },
    steps: [create(bodies[2]?.[1]), ...polls(2)],
  },
  { name: "rateLimit: false", options: { rateLimit: false }, steps: [create(), ...polls(2)] },
  {
    name: "apiKey: the right key, a wrong key, no key",
    options: { apiKey: "right" },
    steps: [
      create(undefined, { token: "right" }),
      create(undefined, { token: "wrong" }),
      create(undefined, { token: null }),
      retrieve(1, { token: "right" }),
      retrieve(1, { token: "wrong" }),
      retrieve(1, { token: null }),
    ],
  },
  {
    name: "rate limit exceeded on both operations (429 wrapped in detail)",
    options: { rateLimit: "1;w=10" },
    steps: [create(), create(), retrieve(), retrieve(1, { token: "other" }), retrieve(1, { token: "other" })],
  },
  {
    name: "rateLimit as a list of windows",
    options: { rateLimit: [{ quota: 2, windowSeconds: 1 }] },
    steps: [create(), retrieve(), retrieve(), retrieve(1, { advanceMs: 1000 })],
  },
  {
    name: "Claid's documented policy: the fifth request in a second is limited",
    options: { rateLimit: CLAID_RATE_LIMIT },
    steps: [create(), ...polls(5)],
  },
  {
    name: "request errors: invalid body (422), invalid JSON (400), too large (413)",
    options: { maxBodyBytes: 400 },
    steps: [
      create({ input: "", operations: { nope: 1 } }),
      create({ output: 5 }),
      create("{"),
      create({ ...bodies[0]?.[1], padding: "x".repeat(500) }),
    ],
  },
  { name: "unknown and malformed task ids", steps: [retrieve(404), retrieve("x1"), retrieve("1.5")] },
  ...errorStatuses.map((status) => ({
    name: `injected ${status} (Claid's error body) on both operations`,
    setup: (store: ClaidMockStore) => store.injectFault({ type: "status", status }, { times: 2 }),
    steps: [create(), retrieve()],
  })),
  {
    name: "injected 429 with headers of the test's own",
    setup: fault({ type: "status", status: 429, headers: { "RateLimit-Reset": "3" } }),
    steps: [retrieve()],
  },
  {
    name: "injected latency",
    setup: fault({ type: "latency", ms: 3 }),
    steps: [create(), retrieve()],
  },
  ...(["html", "empty"] as const).flatMap((body) =>
    [502, 503].map((status) => ({
      name: `injected ${status} with a proxy's ${body} body`,
      setup: (store: ClaidMockStore) => store.injectFault({ type: "status", status, body }, { times: 2 }),
      steps: [create(undefined, { expect: "off-spec" as const }), retrieve(1, { expect: "off-spec" as const })],
    })),
  ),
  ...(["truncated-json", "empty-body", "invalid-shape"] as const).map((type) => ({
    name: `injected ${type}`,
    setup: (store: ClaidMockStore) => store.injectFault({ type }, { times: 2 }),
    steps: [create(undefined, { expect: "off-spec" as const }), retrieve(1, { expect: "off-spec" as const })],
  })),
  {
    name: "injected network error",
    setup: (store) => store.injectFault({ type: "network-error" }, { times: 2 }),
    steps: [create(undefined, { expect: "network-error" }), retrieve(1, { expect: "network-error" })],
  },
];

/** `<operation> <status>` of every answer checked, for the coverage check at the end. */
const seen = new Set<string>();

async function send(step: Step): Promise<Response> {
  const token = step.token === undefined ? "k" : step.token;
  const headers: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
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

/** Why an answer is not one the spec describes for `op` (undefined when it is). */
async function specProblem(op: SpecOperation, response: Response): Promise<string | undefined> {
  const { status } = response;
  if (!(String(status) in op.operation.responses || "default" in op.operation.responses)) {
    return `status ${status} is not declared`;
  }
  const pointer = responseSchemaPointer(op, status);
  if (!pointer) return `status ${status} has no JSON schema`;
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) return `Content-Type is ${JSON.stringify(type)}`;
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return "the body is not JSON";
  }
  const validate = validatorFor(pointer);
  return validate(body) ? undefined : `${pointer}: ${JSON.stringify(validate.errors)}`;
}

describe.each(scenarios)("$name", (scenario) => {
  it("answers as the spec describes (or, for a proxy-imitating fault, as promised off-spec)", async () => {
    let clock = 0;
    const store = new ClaidMockStore();
    scenario.setup?.(store);
    server.resetHandlers(...createClaidHandlers({ store, now: () => clock, ...scenario.options }));
    const answered: number[] = [];
    for (const step of scenario.steps) {
      clock += step.advanceMs ?? 0;
      const label = `${step.op} ${JSON.stringify(step.id ?? step.body).slice(0, 60)}`;
      const op = step.op === "create" ? CREATE_BATCH : GET_BATCH;
      if (step.expect === "network-error") {
        await expect(send(step), label).rejects.toThrow(TypeError);
        continue;
      }
      const response = await send(step);
      answered.push(response.status);
      seen.add(`${step.op} ${response.status}`);
      expect(response.headers.get("x-request-id"), label).toMatch(/^mock-\d+$/);
      if (scenario.options?.rateLimit !== false) {
        expect(response.headers.get("RateLimit-Remaining"), label).toMatch(/^\d+$/);
      }
      const problem = await specProblem(op, response);
      if (step.expect === "off-spec") expect(problem, `${label} (${response.status})`).toBeDefined();
      else expect(problem, `${label} (${response.status})`).toBeUndefined();
    }
    expect(store.requests).toHaveLength(scenario.steps.length);
    expect(store.requests.map((r) => r.status).filter((status) => status > 0)).toEqual(answered);
  });
});

it("the scenarios reached every status the mock answers with, 429 on both operations", () => {
  // Guards the table above: a status the mock can send that no scenario reaches would go unchecked.
  const expected = ["create 200", "retrieve 200", "create 400", "create 401", "retrieve 401", "retrieve 404"];
  expected.push("create 413", "create 422", "retrieve 422", "create 429", "retrieve 429", "create 500", "retrieve 503");
  for (const answer of expected) expect(seen).toContain(answer);
});
