/**
 * The mock's handlers behind a real HTTP server on 127.0.0.1, and the store and options it takes:
 * everything a Node project needs of the mock, with declarations that need no DOM lib.
 * @packageDocumentation
 * @module @claid/msw/node
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isLoopbackHost } from "@claid/core";
import { getResponse } from "msw";
import { createClaidHandlers } from "./handlers.ts";
import { type ClaidHandlersOptions, DEFAULT_MAX_BODY_BYTES } from "./options.ts";
import { ClaidMockStore } from "./store.ts";

export type { ClaidHandlersOptions } from "./options.ts";
export {
  ClaidMockStore,
  type ClaidMockStoreOptions,
  type MockFault,
  type MockOperation,
  type MockRequest,
  type MockTask,
  type TaskPlan,
} from "./store.ts";

/** Options of `createClaidMockServer()`: the handlers' options plus the port. */
export interface ClaidMockServerOptions extends Omit<ClaidHandlersOptions, "baseUrl" | "storageBaseUrl"> {
  /** Default 0: a free port. */
  port?: number | undefined;
  /**
   * Page origins allowed to call the server from a browser (CORS), e.g. `["https://app.example.com"]`, or `"*"` for any.
   * Loopback origins (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`, and https) are always allowed;
   * any other origin gets no `Access-Control-Allow-Origin`. Default: loopback only.
   */
  allowedOrigins?: readonly string[] | "*" | undefined;
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

/**
 * Starts the mock on 127.0.0.1. Answers CORS for pages on loopback origins (more with `allowedOrigins`).
 * Request bodies over `maxBodyBytes` get 413 without being read to the end.
 */
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
    const serverHeaders: Record<string, string> = { Vary: "Origin" };
    const { origin } = req.headers;
    if (origin && originAllowed(origin, options.allowedOrigins)) {
      Object.assign(serverHeaders, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Headers": "authorization, content-type, x-trace",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Expose-Headers":
          "x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after, x-claid-mock-scaled",
      });
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204, serverHeaders).end();
      return;
    }
    const { body, complete } = await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (!complete) lingerThenClose(req, res);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host}`), {
      method: req.method ?? "GET", // always set on a server's request; typed optional
      headers,
      body: body.length > 0 ? body : null,
    });
    const response = await getResponse(handlers, request);
    if (!response) {
      res
        .writeHead(404, { "Content-Type": "text/plain", ...serverHeaders })
        .end(`No mock for ${req.method} ${req.url}`);
      return;
    }
    if (response.type === "error") {
      req.socket.destroy();
      return;
    }
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...serverHeaders });
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

/** How much of an over-limit body is still read (and dropped) after the 413, so that clients see the answer. */
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * After answering an over-limit body, Node discards the rest of it (nothing is kept) so that a client still
 * sending sees the 413 rather than a reset; past LINGER_BYTES more, the connection is closed.
 */
function lingerThenClose(req: IncomingMessage, res: ServerResponse): void {
  res.once("finish", () => {
    let dropped = 0;
    req.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) req.socket.destroy();
    });
  });
}

function originAllowed(origin: string, allowed: readonly string[] | "*" | undefined): boolean {
  return allowed === "*" || isLoopbackOrigin(origin) || (allowed?.includes(origin) ?? false);
}

/** `http(s)://<loopback host>[:port]`, exactly (an `Origin` header has no path). */
function isLoopbackOrigin(origin: string): boolean {
  const url = URL.canParse(origin) ? new URL(origin) : undefined;
  return !!url && /^https?:$/.test(url.protocol) && url.origin === origin && isLoopbackHost(url.hostname);
}

/**
 * Reads the body up to just past `limit` bytes, then stops (pausing the stream): enough for the handlers
 * to see it is over the limit, without holding an arbitrarily large body. A declared Content-Length over
 * the limit is not read at all (its header tells the handlers).
 */
function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer<ArrayBuffer>; complete: boolean }> {
  if (Number(req.headers["content-length"]) > limit) return Promise.resolve({ body: Buffer.alloc(0), complete: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (complete: boolean) => {
      req.off("data", onData).off("end", onEnd).off("error", reject);
      resolve({ body: Buffer.concat(chunks), complete });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(false);
      }
    };
    const onEnd = () => finish(true);
    req.on("data", onData).on("end", onEnd).on("error", reject);
  });
}
