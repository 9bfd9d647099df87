import type { Logger, LogLevel } from "../types.ts";

/** Writes one debug line. */
export type Log = (message: string) => void;

/**
 * The debug log, with the key redacted from every line; `undefined` below
 * "debug", so callers' `log?.(…)` skips building messages.
 */
export function createLog(
  logger: Logger | undefined,
  level: LogLevel | undefined,
  redact: (text: string) => string,
): Log | undefined {
  if (level !== "debug") return undefined;
  return (message) => (logger ?? console).debug(`[claid] ${redact(message)}`);
}
