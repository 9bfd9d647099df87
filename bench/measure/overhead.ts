/**
 * Per-call overhead: create + retrieve pairs against the in-process stub.
 * Clients take turns in slices within each round, so machine noise hits all alike.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { loadClients } from "./clients.ts";
import { type Stats, stats } from "./stats.ts";

export const ROUNDS = 5;
export const PAIRS_PER_ROUND = 20_000;
const SLICES = 10;

export interface Overhead {
  /** µs per pair, over rounds. */
  perPair: Record<string, Stats>;
  /** Per-round ratio of each client to bare openapi-fetch, over rounds. */
  vsOpenapiFetch: Record<string, Stats>;
  /** Bytes allocated per pair (heap growth summed across pairs), median of 3 processes. */
  heapBytesPerPair: Record<string, number>;
}

export async function measureOverhead(): Promise<Overhead> {
  const clients = Object.entries(await loadClients());
  for (const [, pair] of clients) for (let i = 0; i < 3000; i++) await pair();
  const rounds = new Map<string, number[]>(clients.map(([name]) => [name, []]));
  const ratios = new Map<string, number[]>(clients.map(([name]) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const elapsed = new Map<string, number>();
    for (let s = 0; s < SLICES; s++) {
      for (const [name, pair] of clients) {
        const started = performance.now();
        for (let i = 0; i < PAIRS_PER_ROUND / SLICES; i++) await pair();
        elapsed.set(name, (elapsed.get(name) ?? 0) + performance.now() - started);
      }
    }
    const bare = elapsed.get("bare openapi-fetch") ?? 1;
    for (const [name, ms] of elapsed) {
      rounds.get(name)?.push((ms * 1000) / PAIRS_PER_ROUND);
      ratios.get(name)?.push(ms / bare);
    }
  }
  const heapBytesPerPair: Record<string, number> = {};
  for (const [name] of clients) heapBytesPerPair[name] = heapPerPair(name);
  return {
    perPair: Object.fromEntries([...rounds].map(([name, values]) => [name, stats(values)])),
    vsOpenapiFetch: Object.fromEntries([...ratios].map(([name, values]) => [name, stats(values)])),
    heapBytesPerPair,
  };
}

function heapPerPair(client: string): number {
  const runs = [0, 1, 2].map(() =>
    Number(
      execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "heap-child.ts"), client], {
        encoding: "utf8",
      }).trim(),
    ),
  );
  return stats(runs).median;
}
