import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClaidMockServerOptions } from "@claid/msw/node";
import { type BatchStatus, CLAID_RATE_LIMIT } from "@claid/node";
import { type Command, Option } from "commander";
import ms from "ms";
import { loadMock } from "./mock.ts";
import { durationParser, parseInteger } from "./request.ts";
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

/** `claid mock-server`'s flags and action: defined only when the command line names it (see program.ts). */
export function defineMockServer(command: Command): void {
  command
    .addOption(new Option("--port <n>", "port").argParser(parseInteger("--port", 0, 65535)).default(0, "a free one"))
    .addOption(new Option("--scenario <name>", "how every batch behaves").choices(SCENARIOS).default("happy"))
    .option(
      "--rate-limit <policy>",
      `requests allowed per key, e.g. "${CLAID_RATE_LIMIT}" (default: Claid's), or "off"`,
    )
    .option(
      "--task-duration <duration>",
      "tasks run on the clock: PROCESSING for this long (e.g. 30s), then the scenario's end (default: per poll)",
      durationParser("--task-duration"),
    )
    .option("--allow-origin <origin...>", "browser origins allowed besides localhost (CORS), or *")
    .option("--quiet", "do not log requests (one line each: method, path, status, time)")
    .action(serveMock);
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
  const { createClaidMockServer } = await loadMock("mock-server");
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
    `Claid mock API (${scenario}, ${limits}, ${pace}) on ${mock.url} — any bearer token of 8 or more characters is accepted (e.g. CLAID_API_KEY=mock-key-1). Ctrl-C to stop.\n`,
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
