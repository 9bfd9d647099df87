import { DEFAULT_BASE_URL } from "@claid/browser";

// CLAID_API_KEY: your key. CLAID_BASE_URL: where to forward, Claid by default (e.g. `npx claid mock-server`'s URL).
export async function handler(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/claid/, "");
  if (!/^\/v1\/image\/edit\/batch(\/\d+)?$/.test(path)) return new Response("Not found", { status: 404 });
  // Authenticate your user here before spending your Claid credits.
  const upstream = await fetch(`${process.env.CLAID_BASE_URL ?? DEFAULT_BASE_URL}${path}`, {
    method: request.method,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.CLAID_API_KEY}` },
    body: request.method === "POST" ? await request.text() : null,
  });
  // Claid's status and headers pass on (x-request-id, RateLimit-*): the client's retries and errors work as with a key.
  // fetch() has already decompressed the body: its upstream encoding and length no longer apply.
  const headers = new Headers(upstream.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  return new Response(upstream.body, { status: upstream.status, headers });
}
