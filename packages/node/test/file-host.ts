/** A hostile file host for download tests: an HTTP server on 127.0.0.1 whose every path is scripted by the test. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface FileHost {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Requests seen, in order: path (with query) and whether an Authorization header came along. */
  requests: { path: string; authorization: boolean }[];
  /** Serves `path` (without query) with `route`; unknown paths answer 404. */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function createFileHost(): Promise<FileHost> {
  const routes = new Map<string, Route>();
  const requests: FileHost["requests"] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://host");
    requests.push({ path: `${url.pathname}${url.search}`, authorization: request.headers.authorization !== undefined });
    const route = routes.get(url.pathname);
    if (route) route(request, response);
    else response.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    route: (path, route) => routes.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Deterministic bytes of a given size, different per `seed`. */
export function bytesOf(size: number, seed = 1): Buffer {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buffer[i] = (i * 31 + seed * 7) & 0xff;
  return buffer;
}

/** Answers 200 with `body` and its Content-Length. */
export const serve =
  (body: Buffer | string): Route =>
  (_request, response) =>
    response.writeHead(200, { "Content-Type": "image/png", "Content-Length": Buffer.byteLength(body) }).end(body);

/** A loopback port nothing listens on (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
