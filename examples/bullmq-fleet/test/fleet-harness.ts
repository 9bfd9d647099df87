/**
 * A fleet on this machine, for the test and the bench: worker processes (`src/worker-main.ts`)
 * against a Redis and a mock API, their output read line by line.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

const EXAMPLE = join(import.meta.dirname, "..");

export interface FleetWorker {
  pid: number;
  /** Every line the worker printed so far (stdout and stderr). */
  lines: string[];
  /** Resolves with the first line (already printed or still to come) that matches. */
  lineMatching(pattern: RegExp): Promise<string>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startWorker(env: Record<string, string>): FleetWorker {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/worker-main.ts"], {
    cwd: EXAMPLE,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream as NodeJS.ReadableStream }).on("line", (line) => {
      lines.push(line);
      for (const w of waiting.filter((w) => w.pattern.test(line))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    pid: child.pid as number,
    lines,
    lineMatching: (pattern) => {
      const seen = lines.find((line) => pattern.test(line));
      return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ pattern, resolve }));
    },
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** The files under every job folder of `outDir` (dot files, i.e. the manifests, left out). */
export function filesIn(outDir: string): string[] {
  return readdirSync(outDir).flatMap((job) => readdirSync(join(outDir, job)).filter((name) => !name.startsWith(".")));
}
