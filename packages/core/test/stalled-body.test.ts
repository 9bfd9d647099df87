/**
 * `timeoutMs` covers each attempt from sending to the last byte of the answer: a server
 * on 127.0.0.1 that sends 2xx headers and then stalls or trickles cannot hold a call for ever.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ClaidConnectionError, type ClaidError, ClaidTimeoutError, createClaid } from "../src/index.ts";

const KEY = "sk-stalled-0123456789abcdef";
const body = { input: "storage://s/in/", operations: {} };
const HEAD = '{"data": {"id": 7, "status": "ACCEPTED"';

/** How the server answers each request after sending 200 headers. */
const BEHAVIOURS: [string, (response: ServerResponse) => void][] = [
  ["stalls after the headers", () => {}],
  ["stalls after part of the body", (response) => response.write(HEAD)],
  [
    "trickles one byte every 20 ms, for ever",
    (response) => {
      const timer = setInterval(() => response.write(" "), 20);
      response.on("close", () => clearInterval(timer));
    },
  ],
];

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A server on 127.0.0.1 that answers every request with 200 headers, then `then`; counts requests by method. */
async function start(then: (response: ServerResponse) => void) {
  const seen: string[] = [];
  server = createServer((request, response) => {
    seen.push(request.method ?? "");
    response.writeHead(200, { "Content-Type": "application/json" });
    response.flushHeaders();
    then(response);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${port}`, seen };
}

describe.each(BEHAVIOURS)("a 200 whose body %s", (_, then) => {
  it("retrieve(): each attempt times out, and the GET is retried", async () => {
    const { baseUrl, seen } = await start(then);
    const claid = createClaid({ apiKey: KEY, baseUrl, timeoutMs: 2000, maxRetries: 1, rateLimit: false });
    const error = (await claid.batches.retrieve(7).catch((e: unknown) => e)) as ClaidError;
    expect(error).toBeInstanceOf(ClaidTimeoutError);
    expect(error.message).toMatch(/the 200 answer's body did not arrive within 2000 ms/);
    expect(error).toMatchObject({ attempts: 2, outcomeUnknown: false });
    // On a loaded machine a request can reach the server after its attempt gave up: wait for it.
    await vi.waitFor(() => expect(seen).toEqual(["GET", "GET"]));
  });

  it("create(): one POST, outcome unknown, never retried — even with retryNonIdempotent", async () => {
    const { baseUrl, seen } = await start(then);
    const claid = createClaid({
      apiKey: KEY,
      baseUrl,
      timeoutMs: 2000,
      retryNonIdempotent: true,
      rateLimit: false,
    });
    const error = (await claid.batches.create(body).catch((e: unknown) => e)) as ClaidError;
    expect(error).toBeInstanceOf(ClaidTimeoutError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true });
    expect(error.message).toMatch(/the batch was most likely created/);
    expect(seen).toEqual(["POST"]);
  });
});

describe("a 200 whose body breaks off (the connection closes mid-body)", () => {
  const breakOff = (response: ServerResponse) => {
    response.write(HEAD);
    setTimeout(() => response.destroy(), 20);
  };

  it("retrieve(): a connection error, retried", async () => {
    const { baseUrl, seen } = await start(breakOff);
    const claid = createClaid({ apiKey: KEY, baseUrl, maxRetries: 1, rateLimit: false });
    const error = (await claid.batches.retrieve(7).catch((e: unknown) => e)) as ClaidError;
    expect(error).toBeInstanceOf(ClaidConnectionError);
    expect(error.message).toMatch(/the 200 answer's body broke off/);
    // On a loaded machine a request can reach the server after its attempt gave up: wait for it.
    await vi.waitFor(() => expect(seen).toEqual(["GET", "GET"]));
  });

  it("create(): one POST, outcome unknown, never retried — even with retryNonIdempotent", async () => {
    const { baseUrl, seen } = await start(breakOff);
    const claid = createClaid({ apiKey: KEY, baseUrl, retryNonIdempotent: true, rateLimit: false });
    const error = (await claid.batches.create(body).catch((e: unknown) => e)) as ClaidError;
    expect(error).toBeInstanceOf(ClaidConnectionError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true });
    expect(seen).toEqual(["POST"]);
  });
});
