/** The `telemetry` hooks: what each hook sees, in what order, and that they never change or leak a call. */
import { describe, expect, it } from "vitest";
import { type ClaidTelemetry, createClaid, InvalidArgumentError } from "../src/index.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";

const KEY = "sk-telemetry-0123456789abcdef";
const baseUrl = "http://127.0.0.1:9";
const body = { input: "storage://s/in/", operations: {} };
const batch = (status: string) => jsonResponse(200, { data: { ...ACCEPTED.data, status, results: [] } });
const HOOKS = [
  "attemptStart",
  "attemptEnd",
  "pacerWait",
  "waitStart",
  "waitStatus",
  "waitEnd",
] as const satisfies (keyof ClaidTelemetry)[];

/** Telemetry recording each hook call as a line: the hook and what its event held then. */
function recorder(extra: Partial<ClaidTelemetry> = {}) {
  const calls: string[] = [];
  const seen: unknown[] = [];
  const line = (hook: string, e: Record<string, unknown>) => {
    seen.push(e);
    const wait = e.wait as { taskId?: number } | undefined;
    switch (hook) {
      case "attemptStart":
        return `${hook} ${e.method} ${e.urlTemplate} ${e.url} #${e.attempt}${wait ? ` in wait ${wait.taskId}` : ""}`;
      case "attemptEnd":
        return `${hook} ${e.method} #${e.attempt} ${e.status ?? "-"} ${(e.error as Error | undefined)?.name ?? "ok"} remaining=${(e.rateLimit as { remaining?: number } | undefined)?.remaining ?? "-"}`;
      case "pacerWait":
        return `${hook} ${e.method} ${e.urlTemplate} waited=${typeof e.waitedMs === "number" && (e.waitedMs as number) >= 0}`;
      default:
        return `${hook} ${e.operation} ${e.taskId ?? "-"} ${e.status ?? "-"}${e.error ? ` ${(e.error as Error).name}` : ""}`;
    }
  };
  const telemetry: ClaidTelemetry = Object.fromEntries(
    HOOKS.map((hook) => [
      hook,
      (e: Record<string, unknown>) => {
        calls.push(line(hook, e));
        return (extra[hook] as ((e: unknown) => undefined) | undefined)?.(e);
      },
    ]),
  );
  return { telemetry, calls, seen };
}

describe("telemetry hooks", () => {
  it("a createAndWait with a 429 on the create and a 503 on a poll reports every attempt, wait and status", async () => {
    const { fetch } = stubFetch(
      jsonResponse(429, { error_message: "slow down" }, { "Retry-After": "0" }),
      jsonResponse(200, ACCEPTED, { "RateLimit-Remaining": "118", "RateLimit-Reset": "1" }),
      jsonResponse(503, { error_message: "busy" }, { "Retry-After": "0" }),
      batch("PROCESSING"),
      batch("DONE"),
    );
    const { telemetry, calls } = recorder();
    const claid = createClaid({ apiKey: KEY, baseUrl, fetch, telemetry, rateLimit: false });
    await claid.batches.createAndWait(body, { pollIntervalMs: 1 });
    const get = "GET /v1/image/edit/batch/{task_id} http://127.0.0.1:9/v1/image/edit/batch/7";
    expect(calls).toEqual([
      "waitStart createAndWait - -",
      "pacerWait POST /v1/image/edit/batch waited=true",
      "attemptStart POST /v1/image/edit/batch http://127.0.0.1:9/v1/image/edit/batch #1 in wait undefined",
      "attemptEnd POST #1 429 RateLimitError remaining=-",
      "pacerWait POST /v1/image/edit/batch waited=true",
      "attemptStart POST /v1/image/edit/batch http://127.0.0.1:9/v1/image/edit/batch #2 in wait undefined",
      "attemptEnd POST #2 200 ok remaining=118",
      "pacerWait GET /v1/image/edit/batch/{task_id} waited=true",
      `attemptStart ${get} #1 in wait 7`,
      "attemptEnd GET #1 503 InternalServerError remaining=-",
      "pacerWait GET /v1/image/edit/batch/{task_id} waited=true",
      `attemptStart ${get} #2 in wait 7`,
      "attemptEnd GET #2 200 ok remaining=-",
      "waitStatus createAndWait 7 PROCESSING",
      "pacerWait GET /v1/image/edit/batch/{task_id} waited=true",
      `attemptStart ${get} #1 in wait 7`,
      "attemptEnd GET #1 200 ok remaining=-",
      "waitStatus createAndWait 7 DONE",
      "waitEnd createAndWait 7 DONE",
    ]);
  });

  it("a wait that fails ends with its error; an attempt outside a wait has no wait", async () => {
    const { fetch } = stubFetch(batch("ERROR"));
    const { telemetry, calls } = recorder();
    const claid = createClaid({ apiKey: KEY, baseUrl, fetch, telemetry, rateLimit: false });
    await expect(claid.batches.wait(7)).rejects.toThrow();
    expect(calls.at(0)).toBe("waitStart wait 7 -");
    expect(calls.at(-1)).toBe("waitEnd wait 7 ERROR BatchFailedError");
  });

  it.each([
    [
      "a throwing hook",
      {
        attemptStart: () => {
          throw new Error("hook bug");
        },
        attemptEnd: () => {
          throw new Error("hook bug");
        },
      },
    ],
    [
      "a throwing wait hook",
      {
        waitEnd: () => {
          throw new Error("hook bug");
        },
        waitStart: () => {
          throw new Error("hook bug");
        },
      },
    ],
  ] as [string, Partial<ClaidTelemetry>][])("%s changes nothing in the call", async (_, hooks) => {
    const { fetch } = stubFetch(jsonResponse(200, ACCEPTED), batch("DONE"));
    const { telemetry } = recorder(hooks);
    const claid = createClaid({ apiKey: KEY, baseUrl, fetch, telemetry, rateLimit: false });
    await expect(claid.batches.createAndWait(body)).resolves.toMatchObject({ status: "DONE" });
  });

  it("while enabled() returns false no hook is called; it is asked again for each attempt and wait", async () => {
    const { fetch } = stubFetch(jsonResponse(200, ACCEPTED), batch("DONE"), batch("DONE"));
    let on = false;
    const { telemetry, calls } = recorder({});
    const claid = createClaid({
      apiKey: KEY,
      baseUrl,
      fetch,
      telemetry: { ...telemetry, enabled: () => on },
      rateLimit: false,
    });
    await claid.batches.createAndWait(body);
    expect(calls).toEqual([]);
    on = true;
    await claid.batches.wait(7);
    expect(calls[0]).toBe("waitStart wait 7 -");
    expect(calls.at(-1)).toBe("waitEnd wait 7 DONE");
  });

  it("a header attemptStart gets wrong is left out, and the create is sent once", async () => {
    const { fetch, requests } = stubFetch(jsonResponse(200, ACCEPTED));
    const telemetry: ClaidTelemetry = { attemptStart: () => ({ "bad header": "x", traceparent: "ok\n\u0000" }) };
    const accepted = await createClaid({ apiKey: KEY, baseUrl, fetch, telemetry }).batches.create(body);
    expect(accepted.id).toBe(7);
    expect(requests).toHaveLength(1);
  });

  it("headers returned by attemptStart go with that attempt, and cannot replace the key", async () => {
    const { fetch, requests } = stubFetch(jsonResponse(200, ACCEPTED));
    const telemetry: ClaidTelemetry = {
      attemptStart: () => ({
        traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        Authorization: "x",
      }),
    };
    await createClaid({ apiKey: KEY, baseUrl, fetch, telemetry }).batches.create(body);
    expect(requests[0]?.headers.get("traceparent")).toBe("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${KEY}`);
  });

  it.each([
    ["a string", "otel"],
    ["an array", []],
    ["null", null],
  ])("telemetry as %s is an InvalidArgumentError naming it", (_, telemetry) => {
    expect(() => createClaid({ apiKey: KEY, baseUrl, telemetry: telemetry as never })).toThrow(/telemetry/);
    expect(() => createClaid({ apiKey: KEY, baseUrl, telemetry: telemetry as never })).toThrow(InvalidArgumentError);
  });

  it("no hook ever sees the key, even when the server echoes it", async () => {
    const echo = () =>
      jsonResponse(500, { error_message: `bad key ${KEY}` }, { "X-Echo": KEY, "RateLimit-Remaining": "3" });
    const { fetch } = stubFetch(echo, echo, echo);
    const { telemetry, seen } = recorder();
    const claid = createClaid({ apiKey: KEY, baseUrl: `${baseUrl}/?key=${KEY}`, fetch, telemetry, rateLimit: false });
    await expect(claid.batches.retrieve(7)).rejects.toThrow();
    expect(seen.length).toBeGreaterThan(0);
    for (const event of seen) {
      const { error, ...rest } = event as { error?: Error };
      expect(JSON.stringify(rest)).not.toContain(KEY);
      expect(`${error?.message} ${error?.stack}`).not.toContain(KEY);
    }
  });
});
