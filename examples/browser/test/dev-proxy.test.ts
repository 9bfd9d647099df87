/** The README's Vite dev proxy (this example's vite.config.ts), in a real Vite dev server in front of the mock. */
import { join } from "node:path";
import { createClaid } from "@claid/browser";
import type { ClaidMockServer } from "@claid/msw/node";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";

const ROOT = join(import.meta.dirname, "..");

let mock: ClaidMockServer;
let dev: ViteDevServer;
let origin: string;
beforeAll(async () => {
  mock = await startMock(1);
  // What the README says to run: CLAID_API_KEY (and here CLAID_BASE_URL, the mock) in the dev server's environment.
  vi.stubEnv("CLAID_BASE_URL", mock.url);
  vi.stubEnv("CLAID_API_KEY", API_KEY);
  dev = await createServer({
    root: ROOT,
    configFile: join(ROOT, "vite.config.ts"),
    logLevel: "silent",
    server: { host: "127.0.0.1", port: 0, hmr: false, watch: null },
  });
  await dev.listen();
  const address = dev.httpServer?.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}, 60_000);
afterAll(async () => {
  await dev?.close();
  await mock?.close();
  vi.unstubAllEnvs();
});

it("forwards /api/claid with the key: the client creates and reads a batch, and sees Claid's headers", async () => {
  const claid = createClaid({ baseUrl: `${origin}/api/claid` });
  const {
    data: task,
    requestId,
    rateLimit,
  } = await claid.batches.create({ input: ["https://example.com/a.png"], operations: {} }).withResponse();
  expect(task.status).toBe("ACCEPTED");
  expect(requestId).toMatch(/^mock-\d+$/);
  expect(rateLimit?.limit).toEqual(expect.any(Number));
  await expect(claid.batches.retrieve(task.id)).resolves.toMatchObject({ id: task.id, status: "DONE" });
  expect(mock.store.requests.map((r) => [r.operation, r.authorized])).toEqual([
    ["create", true],
    ["retrieve", true],
  ]);
});
