/**
 * The backend route in @claid/browser's README, run exactly as written (its
 * `CLAID_BASE_URL` pointed at a local server), behind a real HTTP server, in
 * front of an upstream that gzips its JSON as Claid's CDN may: the browser
 * client must parse every answer and see Claid's headers. The README's route and
 * Vite config are examples/browser's files, character for character.
 */
import { readFileSync } from "node:fs";
import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { createClaid } from "@claid/browser";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ROOT } from "../packages.ts";
import { compileReadmeSnippet, readmeBlocks } from "./readme-snippet.ts";

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
        ...Object.fromEntries([...answer.headers].filter(([name]) => /^(x-request-id|ratelimit-)/i.test(name))),
      });
      res.end(zipped);
    }),
  );
  vi.stubEnv("CLAID_API_KEY", KEY);
  vi.stubEnv("CLAID_BASE_URL", upstreamUrl);
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

  it("passes Claid's x-request-id and RateLimit-* headers on: the client reads them as with a key", async () => {
    const claid = createClaid({ baseUrl: `${proxyUrl}/api/claid` });
    const { data, requestId, rateLimit } = await claid.batches
      .create({ input: ["https://example.com/a.png"], operations: {} })
      .withResponse();
    expect(requestId).toMatch(/^mock-\d+$/);
    expect(rateLimit).toEqual({
      limit: expect.any(Number),
      remaining: expect.any(Number),
      resetSeconds: expect.any(Number),
    });
    expect(data.status).toBe("ACCEPTED");
  });
});

describe("one source: the README shows the files examples/browser runs", () => {
  it.each([
    ["the backend route", "examples/browser/claid-route.ts", "export async function handler"],
    ["the Vite dev proxy", "examples/browser/vite.config.ts", "defineConfig"],
  ])("%s is %s, character for character", (_, file, marker) => {
    const shown = readmeBlocks("packages/browser/README.md").filter((block) => block.code.includes(marker));
    expect(shown.map((block) => block.code)).toEqual([readFileSync(join(ROOT, file), "utf8")]);
  });

  it("the README's route reaches Claid only through CLAID_BASE_URL or the SDK's DEFAULT_BASE_URL (no hard-coded host)", () => {
    const route = readmeBlocks("packages/browser/README.md").find((block) =>
      block.code.includes("function handler"),
    )?.code;
    expect(route).not.toMatch(/https?:\/\//);
    expect(route).toContain("process.env.CLAID_BASE_URL ?? DEFAULT_BASE_URL");
  });
});
