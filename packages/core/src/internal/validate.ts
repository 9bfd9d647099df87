import { InvalidArgumentError } from "../errors.ts";

/**
 * The spec types `task_id` as an integer. Anything else is rejected before a
 * request is built, so a value like "1/../x" can never reach a URL path.
 */
export function toTaskId(value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === "string" && /^\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new InvalidArgumentError(
    "taskId",
    `taskId must be a non-negative safe integer or a string of digits, got ${describe(value)}.`,
  );
}

export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

export function requireObject(value: unknown, argument: string): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, `${argument} must be an object, got ${describe(value)}.`);
  }
}

/** A finite number ≥ `min` (default 0), optionally an integer; else InvalidArgumentError naming it. */
export function checkNumber(
  name: string,
  value: unknown,
  { integer = false, min = 0 }: { integer?: boolean; min?: number },
): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new InvalidArgumentError(
      name,
      `${name} must be ${integer ? "an integer" : "a number"} ≥ ${min}, got ${describe(value)}.`,
    );
  }
  return value;
}
