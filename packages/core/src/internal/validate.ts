import { InvalidArgumentError } from "../errors.ts";

/**
 * The spec types `task_id` as an integer. Anything else is rejected before a
 * request is built, so a value like "1/../x" can never reach a URL path.
 */
export function toTaskId(value: unknown): number {
  const id = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) return id;
  throw new InvalidArgumentError(
    "taskId",
    `taskId must be a non-negative safe integer or a string of digits, got ${describe(value)}.`,
  );
}

/** A value as shown in an error message: strings quoted, objects by kind. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  if (typeof value !== "object" || value === null) return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

export function requireObject(value: unknown, argument: string): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, `${argument} must be an object, got ${describe(value)}.`);
  }
}

/** A number ≥ `min`, an integer when asked; else InvalidArgumentError naming it. */
export function checkNumber(name: string, value: unknown, min = 0, integer = false): number {
  if (typeof value !== "number" || !(value >= min) || (integer && !Number.isInteger(value))) {
    throw new InvalidArgumentError(
      name,
      `${name} must be ${integer ? "an integer" : "a number"} ≥ ${min}, got ${describe(value)}.`,
    );
  }
  return value;
}
