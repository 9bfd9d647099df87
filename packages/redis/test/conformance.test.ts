/** The pacer conformance suite against `createRedisPacer()` on a real redis-server, a new namespace per case. */
import { describePacerConformance } from "@claid/pacer-conformance";
import { afterAll, beforeAll } from "vitest";
import { type RedisServer, startRedisServer } from "../../../tests/support/redis-server.ts";
import { createRedisPacer } from "../src/index.ts";

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(() => server?.stop());

let cases = 0;
describePacerConformance("createRedisPacer", {
  create: async ({ policy }) => {
    const pacer = createRedisPacer({ redis: server.url, namespace: `conformance-${++cases}`, policy });
    return { pacer, close: () => pacer.close() };
  },
});
