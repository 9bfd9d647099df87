// One client's heap allocation per create + retrieve pair: the growth of the
// used heap across each pair, summed (a GC shows as a drop and is skipped),
// minus the same measurement around an empty pair.
import { loadClients, type Pair } from "./clients.ts";

const PAIRS = 2000;
const pair = (await loadClients())[process.argv[2] ?? ""];
if (!pair) throw new Error(`unknown client ${process.argv[2]}`);

async function allocatedPerPair(run: Pair): Promise<number> {
  for (let i = 0; i < 500; i++) await run();
  let total = 0;
  let last = process.memoryUsage().heapUsed;
  for (let i = 0; i < PAIRS; i++) {
    await run();
    const now = process.memoryUsage().heapUsed;
    if (now > last) total += now - last;
    last = now;
  }
  return total / PAIRS;
}

const empty = await allocatedPerPair(async () => {});
console.log(Math.round((await allocatedPerPair(pair)) - empty));
