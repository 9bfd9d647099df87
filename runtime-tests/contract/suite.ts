/**
 * The runtime-agnostic contract suite: the same cases run in Node, Chromium,
 * Deno, workerd, Vercel's edge-runtime and Bun, each against the built package
 * that runtime's users install. No test framework and no Node built-ins: each
 * runtime's runner calls `runContract()` (or iterates `contractCases`).
 */
import type * as Core from "@claid/core";

/** The package under test (its error classes are what `instanceof` must match). */
export type Sdk = Pick<
  typeof Core,
  | "ClaidError"
  | "ClaidAPIError"
  | "ValidationError"
  | "NotFoundError"
  | "AuthenticationError"
  | "InvalidArgumentError"
  | "ClaidConnectionError"
> & {
  createClaid(options?: Core.ClaidOptions & { dangerouslyAllowBrowser?: boolean }): Core.Claid;
};

export interface ContractContext {
  sdk: Sdk;
  /** Options that reach the mock: `{ apiKey, baseUrl }`, or `{ baseUrl }` of a proxy. */
  clientOptions: Core.ClaidOptions & { dangerouslyAllowBrowser?: boolean };
  /** False behind a proxy that adds the key itself. */
  keyed: boolean;
  /** A URL nothing listens on, for connection failures. */
  deadUrl: string;
}

export interface ContractCase {
  name: string;
  /** Only where the client holds the key. */
  keyedOnly?: boolean;
  run(ctx: ContractContext): Promise<void>;
}

export class ContractFailure extends Error {}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractFailure(message);
}

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  assert(
    JSON.stringify(actual) === JSON.stringify(expected),
    `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
  );
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new ContractFailure("expected the call to reject");
}

const folder = "storage://storage_1/input_folder/";
const operations = { resizing: { width: 1000 }, background: { remove: false } } as const;
const client = (ctx: ContractContext, extra: Core.ClaidOptions = {}) =>
  ctx.sdk.createClaid({ ...ctx.clientOptions, ...extra });

export const contractCases: ContractCase[] = [
  {
    name: "create with a storage folder URI",
    async run(ctx) {
      const body = { input: folder, operations, output: "storage://storage_1/output_folder/" };
      const accepted = await client(ctx).batches.create(body);
      assertEqual(accepted.status, "ACCEPTED", "status");
      assert(Number.isInteger(accepted.id), "id is an integer");
      assertEqual(accepted.request, body, "echoed request");
    },
  },
  {
    name: "create with { source, recursive }",
    async run(ctx) {
      const accepted = await client(ctx).batches.create({ input: { source: folder, recursive: true }, operations });
      assertEqual(accepted.request.input, { source: folder, recursive: true }, "input");
    },
  },
  {
    name: "create with a URL list, then wait until DONE",
    async run(ctx) {
      const claid = client(ctx);
      const accepted = await claid.batches.create({
        input: ["https://image.site/a.png", "https://image.site/b.png"],
        operations,
        output: { format: "webp" },
      });
      const seen: string[] = [];
      const done = await claid.batches.wait(accepted, { pollIntervalMs: 20, onProgress: (r) => seen.push(r.status) });
      assertEqual(done.status, "DONE", "status");
      assertEqual(
        done.results?.map((r) => r.output_object.ext),
        ["webp", "webp"],
        "output formats",
      );
      assertEqual(seen.at(-1), "DONE", "last progress");
    },
  },
  {
    name: "telemetry hooks see the wait and each attempt, never the key",
    async run(ctx) {
      const calls: string[] = [];
      const events: Record<string, unknown>[] = [];
      const hook = (name: string) => (event: Record<string, unknown>) => {
        calls.push(name === "waitStatus" ? `${name} ${event.status}` : name);
        events.push(event);
      };
      const names = ["attemptStart", "attemptEnd", "pacerWait", "waitStart", "waitStatus", "waitEnd"];
      const telemetry = Object.fromEntries(names.map((name) => [name, hook(name)])) as Core.ClaidTelemetry;
      const done = await client(ctx, { telemetry }).batches.createAndWait(
        { input: ["https://image.site/a.png"], operations },
        { pollIntervalMs: 20 },
      );
      assertEqual(done.status, "DONE", "status");
      assertEqual([calls[0], calls.at(-2), calls.at(-1)], ["waitStart", "waitStatus DONE", "waitEnd"], "wait hooks");
      const attempts = events.filter((_, i) => calls[i] === "attemptEnd");
      assertEqual(
        attempts.map((e) => [e.method, e.urlTemplate, e.status]),
        [
          ["POST", "/v1/image/edit/batch", 200],
          ...attempts.slice(1).map(() => ["GET", "/v1/image/edit/batch/{task_id}", 200]),
        ],
        "attempts",
      );
      assertEqual(calls.filter((c) => c === "attemptStart").length, attempts.length, "each attempt started and ended");
      assertEqual(calls.filter((c) => c === "pacerWait").length, attempts.length, "each attempt's pacer wait");
      assert(
        attempts.every((e) => (e.wait as { taskId?: number }).taskId === done.id),
        "attempts belong to the wait",
      );
      const key = ctx.clientOptions.apiKey;
      if (key) assert(!JSON.stringify(events).includes(key), "no event holds the key");
    },
  },
  {
    name: "retrieve and check report the status",
    async run(ctx) {
      const claid = client(ctx);
      const { id } = await claid.batches.create({ input: folder, operations });
      const result = await claid.batches.retrieve(String(id));
      assertEqual(result.id, id, "id");
      const first = await claid.batches.check(id);
      const state = await claid.batches.check(JSON.parse(JSON.stringify(first)));
      // A stored state continues its count; a final one comes back as it is, without a request.
      assertEqual(state.checks, first.done ? first.checks : first.checks + 1, "checks continue from a stored state");
      assert(typeof state.nextCheckAfterMs === "number", "nextCheckAfterMs");
    },
  },
  {
    name: "withResponse gives the request id and rate limit",
    async run(ctx) {
      const { data, requestId, rateLimit } = await client(ctx)
        .batches.create({ input: folder, operations })
        .withResponse();
      assertEqual(data.status, "ACCEPTED", "status");
      assert(typeof requestId === "string" && requestId.length > 0, `request id: ${requestId}`);
      assert(typeof rateLimit?.remaining === "number", "RateLimit-Remaining");
    },
  },
  {
    name: "a body that fails the spec's schema is a ValidationError naming the field",
    async run(ctx) {
      const error = await rejection(
        client(ctx).batches.create({ input: folder, operations: { sharpen: true } } as never),
      );
      assert(error instanceof ctx.sdk.ValidationError, `ValidationError, got ${String(error)}`);
      assert(error instanceof ctx.sdk.ClaidAPIError && error instanceof ctx.sdk.ClaidError, "hierarchy");
      assertEqual(error.status, 422, "status");
      assert(Object.keys(error.errorDetails ?? {}).includes("body.operations.sharpen"), "errorDetails names the field");
    },
  },
  {
    name: "an unknown task is a NotFoundError with a request id",
    async run(ctx) {
      const error = await rejection(client(ctx).batches.retrieve(987654321));
      assert(error instanceof ctx.sdk.NotFoundError, `NotFoundError, got ${String(error)}`);
      assert(typeof error.requestId === "string", "requestId");
    },
  },
  {
    name: "a wrong key is an AuthenticationError that does not show the key",
    keyedOnly: true,
    async run(ctx) {
      const key = "wrong-key-0123456789-secret";
      const error = await rejection(client(ctx, { apiKey: key }).batches.retrieve(1));
      assert(error instanceof ctx.sdk.AuthenticationError, `AuthenticationError, got ${String(error)}`);
      const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ""}`;
      assert(!text.includes(key), "the key is not in the error");
    },
  },
  {
    name: "a bad task id is rejected before any request",
    async run(ctx) {
      let requests = 0;
      const counting = (request: Request, init?: RequestInit) => {
        requests++;
        return fetch(request, init);
      };
      for (const bad of ["1/../x", "1?x", "%2e%2e", "", 1.5, Number.NaN]) {
        const error = await rejection(client(ctx, { fetch: counting }).batches.retrieve(bad));
        assert(error instanceof ctx.sdk.InvalidArgumentError, `InvalidArgumentError for ${JSON.stringify(bad)}`);
      }
      assertEqual(requests, 0, "requests sent");
    },
  },
  {
    name: "an unreachable server is a ClaidConnectionError",
    async run(ctx) {
      const error = await rejection(client(ctx, { baseUrl: ctx.deadUrl, maxRetries: 0 }).batches.retrieve(1));
      assert(error instanceof ctx.sdk.ClaidConnectionError, `ClaidConnectionError, got ${String(error)}`);
      assertEqual((error as Core.ClaidError).attempts, 1, "attempts");
    },
  },
];

export interface ContractResult {
  name: string;
  ok: boolean;
  error?: string;
}

/** The cases that apply: behind a proxy, those about the client's own key do not. */
export function casesFor(keyed: boolean): ContractCase[] {
  return contractCases.filter((c) => keyed || !c.keyedOnly);
}

/** Runs every applicable case, never throwing: one result per case. */
export async function runContract(ctx: ContractContext): Promise<ContractResult[]> {
  const results: ContractResult[] = [];
  for (const c of casesFor(ctx.keyed)) {
    try {
      await c.run(ctx);
      results.push({ name: c.name, ok: true });
    } catch (error) {
      results.push({
        name: c.name,
        ok: false,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
  }
  return results;
}
