/** Live progress of one or more batches: a spinner on a TTY, one line per change otherwise, nothing with --json. */
import type { BatchStatus } from "@claid/node";
import ora from "ora";

export interface Progress {
  update(taskId: number, status: BatchStatus): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream, mode: "tty" | "plain" | "silent"): Progress {
  const started = Date.now();
  const statuses = new Map<number, BatchStatus>();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const summary = () => [...statuses].map(([id, status]) => `#${id} ${status}`).join("  ·  ");

  if (mode === "silent") return { update: () => {}, stop: () => {} };
  if (mode === "plain") {
    return {
      update(taskId, status) {
        if (statuses.get(taskId) === status) return;
        statuses.set(taskId, status);
        stream.write(`batch ${taskId}: ${status} (${elapsed()})\n`);
      },
      stop() {},
    };
  }
  const spinner = ora({ stream, text: "submitting…" }).start();
  const timer = setInterval(() => {
    spinner.text = `${summary()}  ${elapsed()}`;
  }, 200);
  return {
    update(taskId, status) {
      statuses.set(taskId, status);
      spinner.text = `${summary()}  ${elapsed()}`;
    },
    stop() {
      clearInterval(timer);
      const finished = [...statuses.values()].every((s) => s === "DONE");
      if (finished) spinner.succeed(`${summary()}  ${elapsed()}`);
      else spinner.stopAndPersist({ symbol: "•", text: `${summary()}  ${elapsed()}` });
    },
  };
}
