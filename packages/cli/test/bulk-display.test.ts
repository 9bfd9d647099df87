/**
 * The display of `claid batch create --input-file … --wait` over 60 batches, in a real terminal (tmux) of 40 and
 * 120 columns: totals (batches and images by status, a bar, elapsed, an estimate), the rate limit when it is
 * what the run waits for, and the results summarised, never a line per batch.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BatchRunTotals } from "@claid/node";
import { describe, expect, it } from "vitest";
import { totalsLines } from "../src/bulk/display.ts";
import { CLI, KEY, useCliTest } from "./helpers.ts";

const { mock, dir } = useCliTest();
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

const tmux = (...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile("tmux", args, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );

describe("the totals display", () => {
  const totals: BatchRunTotals = {
    urlCount: 6000,
    chunksRead: 60,
    urlsRead: 6000,
    inputsHeld: 0,
    batches: { submitted: 60, unknown: 1, notSent: 0, finished: 12, byStatus: { DONE: 11, ERROR: 1, PROCESSING: 48 } },
    images: { done: 1100, failed: 100 },
    files: { written: 1090, skipped: 10, stored: 0, expired: 0, failed: 0 },
    requestsLastMinute: 118,
    requestsPerMinuteAllowed: 120,
    waitingForRateLimit: true,
    startedAt: Date.now() - 90_000,
  };
  it.each([40, 80, 120])(
    "fits %i columns: every line cut to the width, the rate limit named while it holds the run",
    (columns) => {
      const lines = totalsLines(totals, { wait: true, chunks: 60, width: columns - 3 }).split("\n");
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns - 3);
      expect(lines[0]).toMatch(/^batches 12\/60 done/);
      expect(lines[1]).toMatch(/^images 1100\/6000 done/);
      expect(lines.at(-1)).toMatch(/^rate limit: waiting, 118\/120/);
    },
  );
});

describe("in a real terminal (tmux)", { timeout: 120_000 }, () => {
  it.each([40, 120])(
    "60 batches in %i columns: one totals block, the rate-limit wait shown, results summarised",
    async (columns) => {
      // Claid's policy scaled down 20×: the 60 creates and their polls meet the limit within seconds.
      const server = await mock({ pollsToComplete: 1, rateLimit: "30;w=3" });
      const file = join(dir(), `urls-${columns}.txt`);
      writeFileSync(file, `${Array.from({ length: 120 }, (_, i) => `https://img.example/${i + 1}.png`).join("\n")}\n`);
      const session = `claid-bulk-display-${process.pid}-${columns}`;
      const command = `env -u CI CLAID_API_KEY=${KEY} ${process.execPath} ${CLI} --base-url ${server.url} batch create --input-file ${file} --batch-size 2 --wait; echo EXIT=$?; sleep 60`;
      await tmux("new-session", "-d", "-s", session, "-x", String(columns), "-y", "20", command);
      const screens: string[] = [];
      try {
        for (let i = 0; i < 1000 && !screens.at(-1)?.includes("EXIT="); i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          screens.push(await tmux("capture-pane", "-p", "-t", session));
        }
      } finally {
        await tmux("kill-session", "-t", session).catch(() => undefined);
      }
      const final = screens.at(-1) ?? "";
      expect(final).toContain("EXIT=0");
      // Totals, a bar and the rate limit while it holds the run; never a block left behind by a wrapped redraw.
      expect(screens.some((s) => /batches \d+\/60 done/.test(s) && /\[[█░]+\] \d+%/.test(s))).toBe(true);
      expect(screens.some((s) => s.includes("rate limit: waiting"))).toBe(true);
      for (const screen of screens)
        expect(screen.split("\n").filter((l) => SPINNER.test(l)).length).toBeLessThanOrEqual(1);
      expect(final).not.toMatch(SPINNER);
      // The results are summarised: totals, no line per batch.
      expect(final).toMatch(/60 batches: 60 DONE/);
      expect(final).toMatch(/120 images done, 0 failed/);
      expect(final).not.toMatch(/chunk \d+\/60/);
    },
  );
});
