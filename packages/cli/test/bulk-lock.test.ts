/**
 * The journal lock under contention: 8 real `claid batch create --input-file` processes at once on one journal,
 * with no lock, with a lock left by a killed run, with a 0.1.0 lock file naming a dead pid, and with an empty lock
 * file. Every chunk must be created exactly once, and every process either submits or refuses cleanly.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BatchEditRequest } from "@claid/node";
import { describe, expect, it } from "vitest";
import { at, CLI, claid, KEY, type Run, useCliTest } from "./helpers.ts";

const { mock, dir } = useCliTest();

const RUNS = 8;
const TRIALS_PER_CASE = 1;
const URLS = 2; // two chunks of one URL each: a second run must also not resubmit the chunk the first has not reached

/** A dead process's pid: one that has just exited. */
async function deadPid(): Promise<number> {
  const gone = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => gone.on("exit", resolve));
  return gone.pid as number;
}

type Setup = (lock: string) => Promise<void> | void;

describe("the journal lock under 8 concurrent runs", () => {
  it(`creates every chunk exactly once, whatever lock is left behind (${TRIALS_PER_CASE} trials per case)`, async () => {
    const server = await mock({ rateLimit: false });

    // A lock as a SIGKILLed run leaves it (whatever its format): killed while its POST is in flight.
    const killedFile = join(dir(), "killed.txt");
    writeFileSync(killedFile, "https://img.example/killed.png\n");
    server.store.injectFault({ type: "latency", ms: 3000 }, { operation: "create" });
    const victim = spawn(process.execPath, [CLI, ...at(server), "batch", "create", "--input-file", killedFile], {
      env: { ...process.env, CLAID_API_KEY: KEY },
    });
    const victimExit = new Promise((resolve) => victim.on("exit", resolve));
    while (server.store.requestsOf("create").length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    victim.kill("SIGKILL");
    await victimExit;
    const leftByKill = join(dir(), "left-by-kill.lock");
    cpSync(`${killedFile}.claid-journal.lock`, leftByKill, { recursive: true });

    const cases: [string, Setup][] = [
      ["no lock", () => {}],
      ["a lock left by a killed run", (lock) => cpSync(leftByKill, lock, { recursive: true })],
      ["a 0.1.0 lock file naming a dead pid", async (lock) => writeFileSync(lock, String(await deadPid()))],
      ["an empty lock file", (lock) => writeFileSync(lock, "")],
    ];
    const failures: string[] = [];
    let trial = 0;
    for (const [name, setup] of cases) {
      for (let i = 0; i < TRIALS_PER_CASE; i++) {
        trial++;
        const file = join(dir(), `trial-${trial}.txt`);
        const urls = Array.from({ length: URLS }, (_, n) => `https://img.example/trial-${trial}/${n}.png`);
        writeFileSync(file, `${urls.join("\n")}\n`);
        await setup(`${file}.claid-journal.lock`);

        const runs = await Promise.all(
          Array.from({ length: RUNS }, () =>
            claid([...at(server), "batch", "create", "--input-file", file, "--batch-size", "1", "--json"]),
          ),
        );

        const created = [...server.store.tasks.values()].flatMap(
          (t) => (t.result.request as BatchEditRequest).input as string[],
        );
        const times = urls.map((url) => created.filter((sent) => sent === url).length);
        if (times.some((n) => n !== 1))
          failures.push(`${name}, trial ${trial}: chunks created ${times.join(", ")} times`);
        for (const run of runs.filter((r) => !submittedOrRefused(r, file)))
          failures.push(`${name}, trial ${trial}: exit ${run.code}: ${run.stderr.trim()}`);
        if (existsSync(`${file}.claid-journal.lock`))
          failures.push(`${name}, trial ${trial}: the lock was left behind`);
        rmSync(file);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

/** Exit 0 with both chunks submitted, or exit 2 with the one-line refusal naming the journal and its holder. */
function submittedOrRefused(run: Run, file: string): boolean {
  if (run.code === 0) {
    const report = JSON.parse(run.stdout) as { chunks: { taskId?: number; batchId?: number }[] };
    return report.chunks.length === URLS && report.chunks.every((c) => (c.taskId ?? c.batchId) !== undefined);
  }
  const journal = `${file}.claid-journal`;
  return (
    run.code === 2 &&
    run.stderr.startsWith(`claid: Another claid run (pid `) &&
    run.stderr.includes(` is using the journal ${journal}`) &&
    run.stderr.split("\n").length === 2
  );
}
