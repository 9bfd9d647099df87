import { CLAID_RATE_LIMIT } from "@claid/msw";
import { type ClaidMockServerOptions, createClaidMockServer } from "@claid/msw/node";
import type { BatchStatus } from "@claid/node";
import ms from "ms";

export const SCENARIOS = ["happy", "error", "cancelled", "paused", "slow", "rate-limited"] as const;

const SCENARIO_OPTIONS: Record<(typeof SCENARIOS)[number], ClaidMockServerOptions> = {
  happy: { pollsToComplete: 3 },
  error: { lifecycle: ["PROCESSING", "ERROR"] as BatchStatus[] },
  cancelled: { lifecycle: ["PROCESSING", "CANCELLED"] as BatchStatus[] },
  paused: { lifecycle: ["PROCESSING", "PAUSED", "PAUSED", "PROCESSING", "DONE"] as BatchStatus[] },
  slow: { pollsToComplete: 3, latencyMs: 1500 },
  "rate-limited": { pollsToComplete: 3, rateLimit: "5;w=10, 1;w=1" },
};

export interface ServeFlags {
  port: number;
  scenario: (typeof SCENARIOS)[number];
  /** "off" or a `RateLimit-Limit` policy; default the scenario's, else Claid's documented policy. */
  rateLimit?: string;
  /** Tasks run on the clock for this long instead of advancing per poll. */
  taskDuration?: number;
  allowOrigin?: string[];
}

/** Runs the mock until SIGINT or SIGTERM, then closes it. */
export async function serveMock({ port, scenario, rateLimit, taskDuration, allowOrigin }: ServeFlags): Promise<void> {
  const policy = rateLimit === "off" ? false : (rateLimit ?? SCENARIO_OPTIONS[scenario].rateLimit ?? CLAID_RATE_LIMIT);
  const mock = await createClaidMockServer({
    ...SCENARIO_OPTIONS[scenario],
    port,
    rateLimit: policy,
    taskDurationMs: taskDuration,
    allowedOrigins: allowOrigin?.includes("*") ? "*" : allowOrigin,
  });
  const limits = policy === false ? "no rate limit" : `rate limit ${policy} per key`;
  const pace = taskDuration === undefined ? "tasks advance per poll" : `tasks take ${ms(taskDuration, { long: true })}`;
  process.stdout.write(
    `Claid mock API (${scenario}, ${limits}, ${pace}) on ${mock.url} — any bearer token is accepted. Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await mock.close();
  process.stdout.write("mock server stopped\n");
}
