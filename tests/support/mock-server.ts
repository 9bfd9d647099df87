/**
 * The mock Claid API over HTTP on 127.0.0.1 for tests that run a runtime or an
 * example in another process or isolate, and a URL nothing listens on.
 */
import { createServer } from "node:net";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";

export const API_KEY = "runtime-test-key-0123456789";

export function startMock(pollsToComplete = 2): Promise<ClaidMockServer> {
  return createClaidMockServer({ apiKey: API_KEY, pollsToComplete });
}

/** A loopback URL whose port was just free: connecting to it is refused. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
