/**
 * The app's backend: serves the built page and forwards /api/claid/* to Claid
 * with the API key, which never reaches the browser.
 *   CLAID_API_KEY=... npm start   (CLAID_BASE_URL to point elsewhere, PORT to choose the port)
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

export function startServer({
  root,
  apiUrl,
  apiKey,
  port = 0,
}: {
  root: string;
  apiUrl: string;
  apiKey: string;
  port?: number;
}): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path.startsWith("/api/claid/")) {
      const target = path.slice("/api/claid".length);
      if (!/^\/v1\/image\/edit\/batch(\/\d+)?$/.test(target)) return void res.writeHead(404).end();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const upstream = await fetch(`${apiUrl}${target}`, {
        method: req.method,
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${apiKey}` },
        body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "application/json" });
      return void res.end(Buffer.from(await upstream.arrayBuffer()));
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
  const apiKey = process.env.CLAID_API_KEY;
  if (!apiKey) throw new Error("Set CLAID_API_KEY.");
  const server = await startServer({
    root: join(import.meta.dirname, "dist"),
    apiUrl: process.env.CLAID_BASE_URL ?? "https://api.claid.ai",
    apiKey,
    port: Number(process.env.PORT ?? 5173),
  });
  console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
}
