/** Waiting on batches with live progress, and describing results: shared by the batch commands and the demo. */
import type { BatchResult, Claid } from "@claid/node";
import { Interrupted } from "./exit.ts";
import { handleInterrupts } from "./interrupt.ts";
import { count } from "./plural.ts";
import { createProgress, hasUsableWidth } from "./progress.ts";
import { terminalSafe } from "./terminal-safe.ts";

export interface OutputFlags {
  json?: boolean;
}

/**
 * The one place that decides how progress is shown: nothing with --json; a spinner only on an
 * interactive terminal of known, non-zero width (not CI, not TERM=dumb); plain lines otherwise.
 */
export function progressMode(
  flags: OutputFlags,
  stream: NodeJS.WriteStream = process.stderr,
): "tty" | "plain" | "silent" {
  if (flags.json) return "silent";
  const interactive = stream.isTTY && process.env.TERM !== "dumb" && !("CI" in process.env);
  return interactive && hasUsableWidth(stream) ? "tty" : "plain";
}

/** Waits for every batch with live progress; Ctrl-C or one failure stops all the waits. */
export async function waitFor(
  claid: Claid,
  taskIds: number[],
  flags: OutputFlags & { timeout?: number; pollIntervalMs?: number },
): Promise<BatchResult[]> {
  const controller = new AbortController();
  const interrupt = handleInterrupts({ controller, reason: () => new Interrupted(taskIds) });
  const progress = createProgress(process.stderr, progressMode(flags));
  try {
    return await Promise.all(
      taskIds.map((id) =>
        claid.batches
          .wait(id, {
            maxWaitMs: flags.timeout,
            pollIntervalMs: flags.pollIntervalMs,
            signal: controller.signal,
            onProgress: (r) => progress.update(r.id, r.status),
          })
          .catch((error: unknown) => {
            controller.abort(error);
            throw error;
          }),
      ),
    );
  } finally {
    progress.stop();
    interrupt.remove();
  }
}

/** A status line, then one line per result: input → output, size, megapixels, location (server text made terminal-safe). */
export function describeResult(result: BatchResult): string {
  const lines = [`#${result.id} ${terminalSafe(result.status)}  ${count(result.results?.length ?? 0, "result")}`];
  for (const { input_object: input, output_object: output } of result.results ?? []) {
    const where = terminalSafe(output.object_uri ?? output.tmp_url ?? "");
    lines.push(
      `  ${input.width}×${input.height} ${terminalSafe(input.ext)} → ${terminalSafe(output.ext)} ${output.width}×${output.height} ${output.mps.toFixed(2)} MP  ${where}`,
    );
  }
  for (const error of result.errors ?? []) lines.push(`  error: ${terminalSafe(error.error)}`);
  return lines.join("\n");
}
