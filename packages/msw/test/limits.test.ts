/** Hostile input to the mock: oversized bodies, foreign origins; and tasks that advance by time. */
import { request as httpRequest } from "node:http";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ClaidHandlersOptions, ClaidMockStore, createClaidHandlers } from "../src/index.ts";
import { type ClaidMockServer, type ClaidMockServerOptions, createClaidMockServer } from "../src/node.ts";

const AUTH = { Authorization: "Bearer k", "Content-Type": "application/json" };
const VALID = JSON.stringify({ input: ["https://img.example/a.png"], operations: {} });

const servers: ClaidMockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(options: ClaidMockServerOptions = {}): Promise<ClaidMockServer> {
  const server = await createClaidMockServer(options);
  servers.push(server);
  return server;
}

/**
 * POSTs to the server, writing `chunks` and then leaving the request open (never ending the body):
 * resolves with the answer, which must therefore come before the body is complete.
 */
function postWithoutEnding(
  url: string,
  headers: Record<string, string>,
  chunks: Buffer[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/v1/image/edit/batch`, { method: "POST", headers: { ...AUTH, ...headers } });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on("error", (error) => reject(error));
    for (const chunk of chunks) req.write(chunk);
  });
}

describe("request bodies over the limit", () => {
  it("a declared Content-Length over the limit gets 413 with Claid's error body at once", async () => {
    const mock = await serve({ maxBodyBytes: 1024 });
    const answer = await postWithoutEnding(mock.url, { "Content-Length": String(100 * 1024 * 1024) }, [
      Buffer.from("{"),
    ]);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error_code: "413",
      error_type: "general",
      error_message: "The request body is larger than 1024 bytes.",
      error_details: {},
    });
    expect(mock.store.requestsOf("create")).toMatchObject([{ status: 413 }]);
    expect(mock.store.tasks.size).toBe(0);
  });

  it("a chunked body gets 413 once it passes the limit, without waiting for its end", async () => {
    const mock = await serve(); // the default limit, 1 MiB
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const answer = await postWithoutEnding(
      mock.url,
      {},
      Array.from({ length: 20 }, () => chunk),
    ); // 1.25 MiB, unfinished
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error_message).toBe("The request body is larger than 1048576 bytes.");
    expect(mock.store.tasks.size).toBe(0);
  });

  it("fetch sending a 5 MB body sees the 413 (not a reset), and the server keeps serving", async () => {
    const mock = await serve();
    const big = await fetch(`${mock.url}/v1/image/edit/batch`, {
      method: "POST",
      headers: AUTH,
      body: " ".repeat(5_000_000),
    });
    expect(big.status).toBe(413);
    const next = await fetch(`${mock.url}/v1/image/edit/batch`, { method: "POST", headers: AUTH, body: VALID });
    expect(next.status).toBe(200);
  });

  it("a body within the limit is served as before", async () => {
    const mock = await serve({ maxBodyBytes: VALID.length });
    const created = await fetch(`${mock.url}/v1/image/edit/batch`, { method: "POST", headers: AUTH, body: VALID });
    expect(created.status).toBe(200);
  });

  describe("in-process (MSW handlers)", () => {
    const store = new ClaidMockStore();
    const server = setupServer(...createClaidHandlers({ store, maxBodyBytes: 100 }));
    beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
    afterAll(() => server.close());

    it.each([
      [
        "a string body",
        () => JSON.stringify({ input: ["https://img.example/a.png"], operations: {}, pad: "x".repeat(200) }),
      ],
      [
        "a stream without Content-Length",
        () =>
          new ReadableStream({
            pull(controller) {
              controller.enqueue(new TextEncoder().encode(" ".repeat(64))); // endless: only the limit stops it
            },
          }),
      ],
    ])("%s over the limit → 413, no task", async (_, body) => {
      const response = await fetch("https://api.claid.ai/v1/image/edit/batch", {
        method: "POST",
        headers: AUTH,
        body: body(),
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await response.json()).error_message).toBe("The request body is larger than 100 bytes.");
      expect(store.tasks.size).toBe(0);
    });
  });
});

describe("CORS", () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/v1/image/edit/batch`, { method: "OPTIONS", headers: { Origin: origin } });

  it.each(["http://localhost:5173", "http://127.0.0.1:3000", "http://[::1]:8080", "https://localhost"])(
    "answers the loopback origin %s",
    async (origin) => {
      const mock = await serve();
      const answer = await preflight(mock.url, origin);
      expect(answer.headers.get("access-control-allow-origin")).toBe(origin);
      const get = await fetch(`${mock.url}/v1/image/edit/batch/1`, { headers: { ...AUTH, Origin: origin } });
      expect(get.headers.get("access-control-allow-origin")).toBe(origin);
      expect(get.headers.get("vary")).toBe("Origin");
    },
  );

  it.each(["https://evil.example", "http://localhost.evil.example", "http://127.0.0.1.evil.example", "null"])(
    "gives the origin %s no Access-Control-Allow-Origin",
    async (origin) => {
      const mock = await serve();
      expect((await preflight(mock.url, origin)).headers.get("access-control-allow-origin")).toBeNull();
      const get = await fetch(`${mock.url}/v1/image/edit/batch/1`, { headers: { ...AUTH, Origin: origin } });
      expect(get.headers.get("access-control-allow-origin")).toBeNull();
      expect(get.headers.get("access-control-expose-headers")).toBeNull();
    },
  );

  it("allowedOrigins adds origins, and '*' allows any", async () => {
    const listed = await serve({ allowedOrigins: ["https://app.example"] });
    expect((await preflight(listed.url, "https://app.example")).headers.get("access-control-allow-origin")).toBe(
      "https://app.example",
    );
    expect(
      (await preflight(listed.url, "https://other.example")).headers.get("access-control-allow-origin"),
    ).toBeNull();
    const any = await serve({ allowedOrigins: "*" });
    expect((await preflight(any.url, "https://other.example")).headers.get("access-control-allow-origin")).toBe(
      "https://other.example",
    );
  });
});

describe("tasks that advance by time (taskDurationMs)", () => {
  let clock = 0;
  let store: ClaidMockStore;
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  function use(options: ClaidHandlersOptions) {
    clock = 1_000_000;
    store = new ClaidMockStore();
    server.resetHandlers(...createClaidHandlers({ store, now: () => clock, ...options }));
  }
  const create = async () =>
    (
      await (
        await fetch("https://api.claid.ai/v1/image/edit/batch", { method: "POST", headers: AUTH, body: VALID })
      ).json()
    ).data.id as number;
  const status = async (id: number) =>
    (await (await fetch(`https://api.claid.ai/v1/image/edit/batch/${id}`, { headers: AUTH })).json()).data.status;

  it("stays PROCESSING however often it is polled, until the duration has passed", async () => {
    use({ taskDurationMs: 5000, pollsToComplete: 1 });
    const id = await create();
    for (let i = 0; i < 10; i++) expect(await status(id)).toBe("PROCESSING");
    clock += 4999;
    expect(await status(id)).toBe("PROCESSING");
    clock += 1;
    expect(await status(id)).toBe("DONE");
  });

  it("ends in the lifecycle's last status, and a plan's afterMs still wins", async () => {
    use({ taskDurationMs: 1000, lifecycle: ["PROCESSING", "ERROR"] });
    store.planTask(["DONE"], { afterMs: 3000 });
    const planned = await create();
    const lifecycle = await create();
    clock += 1000;
    expect([await status(planned), await status(lifecycle)]).toEqual(["PROCESSING", "ERROR"]);
    clock += 2000;
    expect(await status(planned)).toBe("DONE");
  });

  it("refuses a negative duration", () => {
    expect(() => createClaidHandlers({ taskDurationMs: -1 })).toThrow(/taskDurationMs must be a number ≥ 0, got -1/);
  });
});
