/** How much the client logs; "silent" by default. */
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

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

export type Log = (level: Exclude<LogLevel, "silent">, message: string) => void;

/**
 * A log function that drops messages above `level` and redacts the key from the
 * rest; `undefined` when silent, so callers' `log?.(…)` skips building messages.
 */
export function createLog(
  logger: Logger | undefined,
  level: LogLevel,
  redact: (text: string) => string,
): Log | undefined {
  const max = RANK[level];
  if (max === 0) return undefined;
  const target = logger ?? console;
  return (messageLevel, message) => {
    if (RANK[messageLevel] <= max) target[messageLevel](`[claid] ${redact(message)}`);
  };
}
