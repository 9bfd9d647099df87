import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = join(import.meta.dirname, "fixtures/exit-scenarios.mjs");

function runScenario(name: string): Promise<{ code: number | null; stdout: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [SCRIPT, name], { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    // A leaked 60 s timer would keep the process alive far past this.
    const guard = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, ms: Date.now() - started });
    });
  });
}

describe("after any outcome, a Node process with nothing else to do exits promptly", () => {
  it.each([
    ["create succeeds", "ok"],
    ["retries then fails", "InternalServerError"],
    ["wait until DONE", "ok"],
    ["wait times out", "BatchWaitTimeoutError"],
    ["attempt times out", "ClaidTimeoutError"],
    ["abort during a request", "Error"],
    ["abort during backoff", "Error"],
    ["abort during a poll wait", "Error"],
  ])(
    "%s → %s",
    async (scenario, outcome) => {
      const { code, stdout, ms } = await runScenario(scenario);
      expect(stdout.trim()).toBe(`outcome: ${outcome}`);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(15_000);
    },
    30_000,
  );
});
