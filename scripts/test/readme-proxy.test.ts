/**
 * The backend route in @claid/browser's README, run exactly as written (only
 * `https://api.claid.ai` is routed to a local server), behind a real HTTP server,
 * in front of an upstream that gzips its JSON as Claid's CDN may: the browser
 * client must parse every answer.
 */
import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { createClaid } from "@claid/browser";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compileReadmeSnippet } from "./readme-snippet.ts";

const KEY = "readme-proxy-test-key-0123456789";
const servers: Server[] = [];
let mock: ClaidMockServer;
let upstreamUrl: string;
let proxyUrl: string;
let removeSnippet: (() => void) | undefined;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function body(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks).toString() : undefined;
}

beforeAll(async () => {
  mock = await createClaidMockServer({ apiKey: KEY });
  // Upstream: the mock's answers, gzipped, with the compressed Content-Length.
  upstreamUrl = await listen(
    createServer(async (req, res) => {
      const answer = await fetch(`${mock.url}${req.url}`, {
        method: req.method,
        headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
        body: await body(req),
      });
      const zipped = gzipSync(Buffer.from(await answer.arrayBuffer()));
      res.writeHead(answer.status, {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        "Content-Length": zipped.length,
        "x-request-id": answer.headers.get("x-request-id") ?? "",
      });
      res.end(zipped);
    }),
  );
  vi.stubEnv("CLAID_API_KEY", KEY);
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(input instanceof Request ? input : String(input).replace("https://api.claid.ai", upstreamUrl), init),
  );
  const snippet = await compileReadmeSnippet("packages/browser/README.md", "export async function handler");
  removeSnippet = snippet.remove;
  const { handler } = (await import(pathToFileURL(snippet.file).href)) as {
    handler: (request: Request) => Promise<Response>;
  };
  // The route behind a real HTTP server, as a framework serves it: status, headers and body as the handler returns them.
  proxyUrl = await listen(
    createServer(async (req, res) => {
      const response = await handler(
        new Request(new URL(req.url ?? "/", "http://127.0.0.1"), { method: req.method, body: await body(req) }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    }),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await mock?.close();
  removeSnippet?.();
});

describe("@claid/browser README: the proxy route in front of a gzipping upstream", () => {
  it("the upstream really answers gzip", async () => {
    const raw = await new Promise<string | undefined>((resolve, reject) => {
      get(`${upstreamUrl}/v1/image/edit/batch/1`, (res) => {
        res.resume();
        resolve(res.headers["content-encoding"]);
      }).on("error", reject);
    });
    expect(raw).toBe("gzip");
  });

  it("the browser client creates a batch and reads it back through the route, with no key of its own", async () => {
    const claid = createClaid({ baseUrl: `${proxyUrl}/api/claid` });
    const task = await claid.batches.create({
      input: ["https://example.com/a.png"],
      operations: { resizing: { width: 800 } },
    });
    expect(task.status).toBe("ACCEPTED");
    const batch = await claid.batches.retrieve(task.id);
    expect(batch.id).toBe(task.id);
    expect(mock.store.requestsOf("create")).toHaveLength(1);
  });
});
