import { type ClaidMockServerOptions, createClaidMockServer } from "@claid/msw/node";
import type { BatchStatus } from "@claid/node";

export const SCENARIOS = ["happy", "error", "cancelled", "paused", "slow", "rate-limited"] as const;

const SCENARIO_OPTIONS: Record<(typeof SCENARIOS)[number], ClaidMockServerOptions> = {
  happy: { pollsToComplete: 3 },
  error: { lifecycle: ["PROCESSING", "ERROR"] as BatchStatus[] },
  cancelled: { lifecycle: ["PROCESSING", "CANCELLED"] as BatchStatus[] },
  paused: { lifecycle: ["PROCESSING", "PAUSED", "PAUSED", "PROCESSING", "DONE"] as BatchStatus[] },
  slow: { pollsToComplete: 3, latencyMs: 1500 },
  "rate-limited": { pollsToComplete: 3, rateLimit: { limit: 5, windowSeconds: 10 } },
};

/** Runs the mock until SIGINT or SIGTERM, then closes it. */
export async function serveMock(port: number, scenario: (typeof SCENARIOS)[number]): Promise<void> {
  const mock = await createClaidMockServer({ ...SCENARIO_OPTIONS[scenario], port });
  process.stdout.write(`Claid mock API (${scenario}) on ${mock.url} — any bearer token is accepted. Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await mock.close();
  process.stdout.write("mock server stopped\n");
}
