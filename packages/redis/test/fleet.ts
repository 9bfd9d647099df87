/** Spawning fleet processes (test/fixtures/fleet-worker.mjs) for the multi-process tests and the bench. */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export const WORKER = join(import.meta.dirname, "fixtures/fleet-worker.mjs");

export interface WorkerSummary {
  done: number;
  rateLimited: number;
  failed: number;
  errors: string[];
}

export interface FleetProcess {
  child: ChildProcess;
  /** Resolves once the process printed "started" (MODE=polls: then waits for `go`). */
  started: Promise<void>;
  /** The process's summary; rejects if it exits without one (killed). */
  summary: Promise<WorkerSummary>;
  /** MODE=polls: starts the load, until `endAt` (epoch ms). */
  go(endAt: number): void;
}

/** One fleet process with `env` (see the fixture for the variables). */
export function spawnWorker(env: Record<string, string | number | undefined>): FleetProcess {
  const child = spawn(process.execPath, [WORKER], {
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === undefined ? "" : String(v)])),
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let onStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  child.stdout?.on("data", (chunk) => {
    out += chunk;
    if (out.includes("started")) onStarted();
  });
  child.stderr?.on("data", (chunk) => (err += chunk));
  const summary = new Promise<WorkerSummary>((resolve, reject) =>
    child.once("exit", (code, signal) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as WorkerSummary);
      else reject(new Error(`fleet worker exited (${code ?? signal}): ${err || out}`));
    }),
  );
  summary.catch(() => {});
  return { child, started, summary, go: (endAt) => child.stdin?.end(`${JSON.stringify({ endAt })}\n`) };
}
