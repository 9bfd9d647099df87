/** Live progress of one or more batches: a spinner on a TTY, one line per change otherwise, nothing with --json. */
import type { BatchStatus } from "@claid/node";
import ora from "ora";
import { terminalSafe } from "./terminal-safe.ts";

export interface Progress {
  update(taskId: number, status: BatchStatus): void;
  stop(): void;
}

/** Whether a spinner can be drawn: a terminal that reports its width (ora divides by it to know how many lines to clear). */
export function hasUsableWidth(stream: NodeJS.WriteStream): boolean {
  return typeof stream.columns === "number" && stream.columns > 0;
}

/**
 * `text` with each line broken at spaces to fit a terminal's width, so that no word is split across two rows;
 * unchanged when the stream is not a terminal or reports 0 columns. One column is left free: writing the last one
 * makes some terminals wrap.
 */
export function fitToTerminal(text: string, stream: NodeJS.WriteStream): string {
  return stream.isTTY && hasUsableWidth(stream) ? wrapWords(text, stream.columns - 1) : text;
}

/** Each line of `text` broken at spaces into rows of at most `width` characters; a longer word keeps a row of its own. */
export function wrapWords(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      const rows: string[] = [];
      let row = "";
      for (const word of line.split(" ")) {
        if (row && row.length + 1 + word.length > width) {
          rows.push(row);
          row = word;
        } else row = row ? `${row} ${word}` : word;
      }
      rows.push(row);
      return rows.join("\n");
    })
    .join("\n");
}

export function createProgress(stream: NodeJS.WriteStream, mode: "tty" | "plain" | "silent"): Progress {
  const started = Date.now();
  const statuses = new Map<number, BatchStatus>();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const summary = () => [...statuses].map(([id, status]) => `#${id} ${terminalSafe(status)}`).join("  ·  ");

  if (mode === "silent") return { update: () => {}, stop: () => {} };
  const printed = new Map<number, BatchStatus>();
  const printLine = (taskId: number, status: BatchStatus) => {
    if (printed.get(taskId) === status) return;
    printed.set(taskId, status);
    stream.write(`batch ${taskId}: ${terminalSafe(status)} (${elapsed()})\n`);
  };
  if (mode === "plain") {
    return {
      update(taskId, status) {
        statuses.set(taskId, status);
        printLine(taskId, status);
      },
      stop() {},
    };
  }

  // progressMode() already decided that this terminal can animate, so ora is not asked again.
  const spinner = ora({ stream, text: "submitting…", isEnabled: true }).start();
  let animating = true;
  const timer = setInterval(() => {
    spinner.text = `${summary()}  ${elapsed()}`;
  }, 200);
  // A terminal shrunk to 0 columns mid-run would make every redraw clear endless lines: drop to plain lines.
  const onResize = () => {
    if (!animating || hasUsableWidth(stream)) return;
    finishSpinner(() => spinner.stop());
    for (const [taskId, status] of statuses) printLine(taskId, status);
  };
  stream.on("resize", onResize);
  function finishSpinner(end: () => void) {
    animating = false;
    clearInterval(timer);
    stream.off("resize", onResize);
    end();
  }
  return {
    update(taskId, status) {
      statuses.set(taskId, status);
      if (animating) spinner.text = `${summary()}  ${elapsed()}`;
      else printLine(taskId, status);
    },
    stop() {
      if (!animating) return;
      const finished = [...statuses.values()].every((s) => s === "DONE");
      finishSpinner(() => {
        if (finished) spinner.succeed(`${summary()}  ${elapsed()}`);
        else spinner.stopAndPersist({ symbol: "•", text: `${summary()}  ${elapsed()}` });
      });
    },
  };
}
