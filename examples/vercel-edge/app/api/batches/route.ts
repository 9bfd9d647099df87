import { createRoutes } from "../../../lib/batches.ts";
import { memoryStore } from "../../../lib/store.ts";

export const runtime = "edge";
export const routes = createRoutes(memoryStore()); // swap in a durable store for production
export const POST = routes.submit;
