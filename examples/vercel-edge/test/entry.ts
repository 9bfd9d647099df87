// Bundled into the Edge VM by the test: the routes with a memory store and a short schedule.
import { createRoutes } from "../lib/batches.ts";
import { memoryStore } from "../lib/store.ts";

(globalThis as { routes?: unknown }).routes = createRoutes(memoryStore(), { pollIntervalMs: 200 });
