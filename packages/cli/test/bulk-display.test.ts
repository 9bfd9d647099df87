/**
 * The display of `claid batch create --input-file … --wait` over 60 batches, in a real terminal (tmux) of 40 and
 * 120 columns: totals (batches and images by status, a bar, elapsed, an estimate), the rate limit when it is
 * what the run waits for, and the results summarised, never a line per batch.
 */
import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BatchRunSummary, BatchRunTotals } from "@claid/node";
import { describe, expect, it } from "vitest";
import { describeTotals, requestsLeft, timeLeftMs, totalsLines } from "../src/bulk/display.ts";
import { downloadOption } from "../src/bulk/flags.ts";
import { CLI, KEY, useCliTest } from "./helpers.ts";

const { mock, dir } = useCliTest();
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

const tmux = (...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile("tmux", args, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );

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

describe("the totals display", () => {
  it.each([40, 80, 120])(
    "fits %i columns: every line cut to the width, the rate limit named while it holds the run",
    (columns) => {
      const lines = totalsLines(totals, { wait: true, chunks: 60, width: columns - 3 }).split("\n");
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns - 3);
      expect(lines[0]).toMatch(/^batches 12\/60 done/);
      expect(lines[1]).toMatch(/^images 1100\/6000 done/);
      expect(lines.at(-1)).toBe("rate limit: 118/120 per min, waiting");
    },
  );

  it("at 40 columns shows the rate limit whole when the minute's quota is spent", () => {
    const spent = { ...totals, requestsLastMinute: 120 };
    const lines = totalsLines(spent, { wait: true, chunks: 60, width: 40 - 3 }).split("\n");
    expect(lines.at(-1)).toBe("rate limit: 120/120 per min, waiting");
  });

  it("names the real chunk folders, the first and the last, in the summary", () => {
    const summary = { totals, downloadDir: "out", journal: "urls.txt.claid-journal" } as BatchRunSummary;
    expect(describeTotals(summary, 60)).toContain("→ out/chunk-000001/ … chunk-000060/\n");
    expect(describeTotals(summary, 1)).toContain("→ out/chunk-000001/\n");
    expect(downloadOption.description).toContain("<dir>/chunk-000001/, chunk-000002/, …");
  });
});

describe("the estimate", () => {
  it("while the rate limit holds the run, the bar's estimate is the requests left at the policy's rate", () => {
    // 12 of 60 settled in 90 s would say 6m00s; 48 batches still to check at 120 a minute take 24 s.
    const bar = totalsLines(totals, { wait: true, chunks: 60, width: 117 }).split("\n").at(-2);
    expect(bar).toMatch(/\] 20% 1m3\ds, ~24s left$/);
  });

  const base = { spentMs: 40_000, ratio: 0.5, requestsLeft: 60, requestsPerMinute: 120 };
  it.each([
    ["the rate limit holds requests: the requests left at the policy's rate", { waitingForRateLimit: true }, 30_000],
    [
      "held, the pace so far would say less: still the rate-limit floor",
      { waitingForRateLimit: true, spentMs: 8_000 },
      30_000,
    ],
    [
      "held, the pace so far would say more: still the rate-limit floor",
      { waitingForRateLimit: true, spentMs: 150_000 },
      30_000,
    ],
    ["not held: the pace so far", { waitingForRateLimit: false }, 40_000],
    ["not held, pace faster than the limit allows: the floor", { waitingForRateLimit: false, spentMs: 8_000 }, 30_000],
    ["no policy known: the pace so far", { waitingForRateLimit: true, requestsPerMinute: undefined }, 40_000],
    ["nothing settled yet: no estimate", { waitingForRateLimit: true, ratio: 0 }, undefined],
    ["all settled: no estimate", { waitingForRateLimit: false, ratio: 1 }, undefined],
  ])("%s", (_, overrides, expected) => {
    expect(timeLeftMs({ ...base, ...overrides })).toBe(expected);
  });

  it.each([
    // 60 chunks, 20 submitted, 5 of them settled: 40 creates, then a check for each of the 55 batches not settled.
    [{ submitted: 20, finished: 5, unknown: 0, notSent: 0 }, true, 95],
    // Without --wait only the creates are left.
    [{ submitted: 20, finished: 0, unknown: 0, notSent: 0 }, false, 40],
    // A batch of unknown outcome or not sent is neither created nor checked again.
    [{ submitted: 58, finished: 58, unknown: 1, notSent: 1 }, true, 0],
  ])("requests left for %j (--wait %s): %i", (batches, wait, expected) => {
    const t = { ...totals, batches: { ...totals.batches, ...batches } };
    expect(requestsLeft(t, { chunks: 60, wait })).toBe(expected);
  });
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
      const command = `env -u CI CLAID_API_KEY=${KEY} ${process.execPath} ${CLI} --base-url ${server.url} batch create --input-file ${file} --batch-size 2 --wait --download ${join(dir(), `out-${columns}`)}; echo EXIT=$?; sleep 60`;
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
      expect(screens.some((s) => /rate limit: \d+(\/\d+)? per min, waiting/.test(s))).toBe(true);
      for (const screen of screens)
        expect(screen.split("\n").filter((l) => SPINNER.test(l)).length).toBeLessThanOrEqual(1);
      expect(final).not.toMatch(SPINNER);
      // The results are summarised: totals, no line per batch.
      expect(final).toMatch(/60 batches: 60 DONE/);
      expect(final).toMatch(/120 images done, 0 failed/);
      expect(final).not.toMatch(/chunk \d+\/60/);
      // The folders named are the real ones, and the summary breaks between words, never inside one.
      const rows = final.split("\n");
      // (The folder is printed absolute: longer than 40 columns, the terminal itself breaks it.)
      expect(rows.join("")).toMatch(new RegExp(`/out-${columns}/chunk-000001/ ?… ?chunk-000060/`));
      expect(existsSync(join(dir(), `out-${columns}`, "chunk-000060"))).toBe(true);
      if (columns === 40) expect(rows).toContain("files: 120 downloaded, 0 already");
    },
  );
});
