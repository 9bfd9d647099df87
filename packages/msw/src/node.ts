/**
 * The mock's handlers behind a real HTTP server on 127.0.0.1.
 * @packageDocumentation
 * @module @claid/msw/node
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse } from "msw";
import { type ClaidHandlersOptions, createClaidHandlers } from "./handlers.ts";
import { ClaidMockStore } from "./store.ts";

/** Options of `createClaidMockServer()`: the handlers' options plus the port. */
export interface ClaidMockServerOptions extends Omit<ClaidHandlersOptions, "baseUrl" | "storageBaseUrl"> {
  /** Default 0: a free port. */
  port?: number;
}

/** A running mock server. */
export interface ClaidMockServer {
  /** The API's base URL, e.g. `http://127.0.0.1:43123`. */
  url: string;
  /** Where result files are served: the same server under another origin (`localhost`), so a leaked key would show. */
  storageUrl: string;
  store: ClaidMockStore;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Starts the mock on 127.0.0.1. Answers CORS preflights so browser pages on other origins can call it. */
export async function createClaidMockServer(options: ClaidMockServerOptions = {}): Promise<ClaidMockServer> {
  const store = options.store ?? new ClaidMockStore();
  let handlers: ReturnType<typeof createClaidHandlers> = [];
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { "Content-Type": "text/plain" }).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = {
      "Access-Control-Allow-Origin": req.headers.origin ?? "*",
      "Access-Control-Allow-Headers": "authorization, content-type, x-trace",
      "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
      "Access-Control-Expose-Headers":
        "x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after",
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host}`), {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const response = await getResponse(handlers, request);
    if (!response) {
      res.writeHead(404, { "Content-Type": "text/plain", ...cors }).end(`No mock for ${req.method} ${req.url}`);
      return;
    }
    if (response.type === "error") {
      req.socket.destroy();
      return;
    }
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...cors });
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const storageUrl = `http://localhost:${port}/mock-storage`;
  try {
    handlers = createClaidHandlers({ ...options, store, baseUrl: url, storageBaseUrl: storageUrl });
  } catch (error) {
    // Bad options (e.g. a malformed rateLimit): no server left listening.
    server.close();
    throw error;
  }
  return {
    url,
    storageUrl,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
