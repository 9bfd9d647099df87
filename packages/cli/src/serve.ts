import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLAID_RATE_LIMIT } from "@claid/msw";
import { type ClaidMockServerOptions, createClaidMockServer } from "@claid/msw/node";
import type { BatchStatus } from "@claid/node";
import ms from "ms";
import { terminalSafe } from "./terminal-safe.ts";

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
  /** No line per request. */
  quiet?: boolean;
}

/** Runs the mock until SIGINT or SIGTERM, then closes it. */
export async function serveMock({
  port,
  scenario,
  rateLimit,
  taskDuration,
  allowOrigin,
  quiet,
}: ServeFlags): Promise<void> {
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
  if (!quiet) logRequests((line) => process.stdout.write(`${line}\n`));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await mock.close();
  process.stdout.write("mock server stopped\n");
}

/**
 * Calls `log` once per request the process's HTTP server answers (the mock is its only server):
 * "POST /v1/image/edit/batch 200 12 ms". The path without its query (a URL may carry a token);
 * never a header (the key is the bearer token). "-" for the status of a connection dropped unanswered.
 */
function logRequests(log: (line: string) => void): void {
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const started = performance.now();
    response.once("close", () => {
      const path = new URL(request.url ?? "/", "http://mock").pathname;
      const status = response.writableFinished ? response.statusCode : "-";
      log(terminalSafe(`${request.method} ${path} ${status} ${Math.round(performance.now() - started)} ms`));
    });
  });
}
