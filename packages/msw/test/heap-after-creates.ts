/**
 * Run by survival.test.ts in a child process (`node --expose-gc --import tsx`), so that its heap holds
 * nothing else: creates `creates` batches of ~1 MB each, keys rotating over `keys`, through the handlers
 * with the store's default bounds, and prints the heap's growth (after a full GC) and what the store keeps.
 */
import { getResponse } from "msw";
import { ClaidMockStore, createClaidHandlers } from "../src/index.ts";

const [creates = 200, keys = 50] = process.argv.slice(2).map(Number);
const gc = globalThis.gc;
if (!gc) throw new Error("run with --expose-gc");

const store = new ClaidMockStore();
const handlers = createClaidHandlers({ store, rateLimit: false });
const body = (i: number) =>
  JSON.stringify({ input: ["https://img.example/a.png"], operations: { padding: `${i}`.padEnd(1_000_000, "0") } });
async function create(i: number): Promise<void> {
  const request = new Request("https://api.claid.ai/v1/image/edit/batch", {
    method: "POST",
    headers: { Authorization: `Bearer key-${i % keys}`, "Content-Type": "application/json" },
    body: body(i),
  });
  const response = await getResponse(handlers, request);
  if (response?.status !== 200) throw new Error(`create ${i} answered ${response?.status}`);
}

await create(-1); // compiles the validator, warms MSW
store.reset();
gc();
const before = process.memoryUsage();
for (let i = 0; i < creates; i++) await create(i);
gc();
const after = process.memoryUsage();
const kept = [...store.tasks.values()];
process.stdout.write(
  JSON.stringify({
    heapGrowthBytes: after.heapUsed - before.heapUsed,
    rssGrowthBytes: after.rss - before.rss,
    tasksKept: kept.length,
    keptRequestBytes: kept.reduce((sum, t) => sum + JSON.stringify(t.result.request).length, 0),
  }),
);
