/**
 * The app's backend: serves the built page and answers /api/claid/* with the
 * README's route (claid-route.ts), which adds the API key: it never reaches the browser.
 *   CLAID_API_KEY=... npm start   (CLAID_BASE_URL to point elsewhere, PORT to choose the port)
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { handler } from "./claid-route.ts";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

/** node:http's request as the fetch-style Request the route takes (what Next.js and others hand it). */
async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = req.method === "GET" || req.method === "HEAD" ? null : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? "/", "http://localhost"), { method: req.method ?? "GET", body });
}

export function startServer({ root, port = 0 }: { root: string; port?: number }): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path.startsWith("/api/claid/")) {
      const response = await handler(await toRequest(req));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      return void res.end(Buffer.from(await response.arrayBuffer()));
    }
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    const body = await readFile(file).catch(() => undefined);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.CLAID_API_KEY) throw new Error("Set CLAID_API_KEY.");
  const server = await startServer({ root: join(import.meta.dirname, "dist"), port: Number(process.env.PORT ?? 5173) });
  console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
}
