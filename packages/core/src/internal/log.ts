/** How much the client logs; "silent" by default. The client's own lines are all at "debug". */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";

/** Anything with console-like methods: `console`, pino, winston, … */
export interface Logger {
  /** Logs an error line. */
  error(message: string): void;
  /** Logs a warning line. */
  warn(message: string): void;
  /** Logs an info line. */
  info(message: string): void;
  /** Logs a debug line (attempts, retries, polls). */
  debug(message: string): void;
}

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
