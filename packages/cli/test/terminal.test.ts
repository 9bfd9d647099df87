/** The built CLI in pseudo-terminals (util-linux `script`): progress must stay bounded whatever size the terminal reports. */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, KEY, useCliTest } from "./helpers.ts";

const { mock, dir } = useCliTest();

/** More output than this means a redraw loop: the test stops the terminal instead of waiting. */
const RUNAWAY_BYTES = 1_000_000;
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

/** Runs `shell` in a fresh pseudo-terminal, as an interactive user's terminal (no CI, a real TERM). */
function inTerminal(
  shell: string,
  onOutput: (output: string) => void = () => {},
): Promise<{ code: number | null; output: string; runaway: boolean }> {
  return new Promise((resolve) => {
    const child = spawn("script", ["-qec", shell, "/dev/null"], {
      detached: true,
      env: { ...process.env, CI: undefined, TERM: "xterm-256color", CLAID_API_KEY: KEY, CLAID_BASE_URL: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let runaway = false;
    const stop = () => {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    };
    const deadline = setTimeout(() => {
      runaway = true;
      stop();
    }, 25_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      onOutput(output);
      if (output.length > RUNAWAY_BYTES && !runaway) {
        runaway = true;
        stop();
      }
    });
    child.on("close", (code) => {
      clearTimeout(deadline);
      resolve({ code, output, runaway });
    });
  });
}

describe("progress in a terminal that reports 0 columns", () => {
  it("claid demo prints plain lines, finishes with exit 0 and a few KB of output", async () => {
    // TMPDIR: the demo's results folder goes into this file's temporary folder, removed afterwards.
    const run = await inTerminal(`stty cols 0 && TMPDIR=${dir()} exec ${process.execPath} ${CLI} demo`);
    expect(run.runaway).toBe(false);
    expect(run.code).toBe(0);
    expect(run.output.length).toBeLessThan(10_000);
    expect(run.output).toMatch(/batch 1: DONE \(\d+\.\ds\)/);
    expect(run.output).toMatch(/batch 2: DONE \(\d+\.\ds\)/);
    expect(run.output).toContain("2 batches done in");
    expect(run.output).not.toMatch(SPINNER);
  });

  it("a terminal shrunk to 0 columns while the spinner runs falls back to plain lines", async () => {
    const server = await mock({ pollsToComplete: 3 });
    const wait = `${process.execPath} ${CLI} --base-url ${server.url} batch create --input https://img.example/a.png --wait`;
    // The terminal shrinks once the test has seen the spinner draw (the test creates the file).
    const spinnerSeen = join(dir(), "spinner-seen");
    const spinnerLine = new RegExp(`${SPINNER.source}(\u001b\\[\\d+m)? #1 PROCESSING`);
    const run = await inTerminal(
      `stty cols 100; ${wait} & until [ -e ${spinnerSeen} ]; do sleep 0.05; done; stty cols 0; wait $!`,
      (output) => {
        if (spinnerLine.test(output)) writeFileSync(spinnerSeen, "");
      },
    );
    expect(run.runaway).toBe(false);
    expect(run.code).toBe(0);
    expect(run.output.length).toBeLessThan(20_000);
    const [beforeResize = "", afterResize = ""] = run.output.split(/batch 1: PROCESSING/);
    expect(beforeResize).toMatch(spinnerLine);
    expect(afterResize).toMatch(/batch 1: DONE \(\d+\.\ds\)/);
    expect(afterResize).toContain("#1 DONE  1 result");
    expect(afterResize).not.toMatch(SPINNER);
  });
});
