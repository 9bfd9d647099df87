import { CLAID_RATE_LIMIT } from "@claid/msw";
import { type ClaidMockServerOptions, createClaidMockServer } from "@claid/msw/node";
import type { BatchStatus } from "@claid/node";

export const SCENARIOS = ["happy", "error", "cancelled", "paused", "slow", "rate-limited"] as const;

const SCENARIO_OPTIONS: Record<(typeof SCENARIOS)[number], ClaidMockServerOptions> = {
  happy: { pollsToComplete: 3 },
  error: { lifecycle: ["PROCESSING", "ERROR"] as BatchStatus[] },
  cancelled: { lifecycle: ["PROCESSING", "CANCELLED"] as BatchStatus[] },
  paused: { lifecycle: ["PROCESSING", "PAUSED", "PAUSED", "PROCESSING", "DONE"] as BatchStatus[] },
  slow: { pollsToComplete: 3, latencyMs: 1500 },
  "rate-limited": { pollsToComplete: 3, rateLimit: "5;w=10, 1;w=1" },
};

/**
 * Runs the mock until SIGINT or SIGTERM, then closes it. Rate limits: `rateLimit` ("off" or a
 * `RateLimit-Limit` policy), else the scenario's, else Claid's documented policy.
 */
export async function serveMock(port: number, scenario: (typeof SCENARIOS)[number], rateLimit?: string): Promise<void> {
  const policy = rateLimit === "off" ? false : (rateLimit ?? SCENARIO_OPTIONS[scenario].rateLimit ?? CLAID_RATE_LIMIT);
  const mock = await createClaidMockServer({ ...SCENARIO_OPTIONS[scenario], port, rateLimit: policy });
  const limits = policy === false ? "no rate limit" : `rate limit ${policy} per key`;
  process.stdout.write(
    `Claid mock API (${scenario}, ${limits}) on ${mock.url} — any bearer token is accepted. Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await mock.close();
  process.stdout.write("mock server stopped\n");
}
