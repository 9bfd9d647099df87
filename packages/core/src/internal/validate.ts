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

/** A value as shown in an error message: strings quoted (and cut short), objects by kind. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === "function") return "a function";
  if (typeof value !== "object" || value === null) return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

export function requireObject(value: unknown, argument: string): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, `${argument} must be an object, got ${describe(value)}.`);
  }
}

/** A number ≥ `min` (an integer, or finite, when asked); else InvalidArgumentError naming it. */
export function checkNumber(name: string, value: unknown, min = 0, kind?: "integer" | "finite"): number {
  if (
    typeof value !== "number" ||
    !(value >= min) ||
    (kind === "integer" && !Number.isInteger(value)) ||
    (kind === "finite" && !Number.isFinite(value))
  ) {
    throw new InvalidArgumentError(
      name,
      `${name} must be ${kind === "integer" ? "an integer" : "a number"} ≥ ${min}${kind === "finite" ? " and finite" : ""}, got ${describe(value)}.`,
    );
  }
  return value;
}

/** Headers given by the caller, checked before anything is sent (an invalid name or value would fail mid-request). */
export function checkHeaders(name: string, headers: unknown): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  requireObject(headers, name);
  try {
    new Headers(headers as Record<string, string>);
  } catch (error) {
    throw new InvalidArgumentError(name, `${name} has an invalid header name or value: ${(error as Error).message}`);
  }
  return headers as Record<string, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: reads an untrusted JSON value field by field
type Untrusted = any;

/**
 * Why `data` is not a batch as the SDK, `downloadResults` and the CLI read it
 * (undefined when it is). Only the fields they use are checked, so a newer API
 * that adds fields or statuses still passes.
 */
export function batchProblem(data: Untrusted): string | undefined {
  if (!Number.isSafeInteger(data?.id) || data.id < 0) return "has no integer `id`";
  if (typeof data.status !== "string") return "has no string `status`";
  for (const list of ["results", "errors"]) {
    if (data[list] != null && !Array.isArray(data[list])) return `has a \`${list}\` that is not a list`;
  }
  for (const [i, item] of (data.results ?? []).entries()) {
    for (const side of ["input_object", "output_object"]) {
      const object = item?.[side];
      const where = `\`results[${i}].${side}\``;
      if (typeof object !== "object" || object === null) return `has no ${where}`;
      for (const field of ["width", "height", "mps"]) {
        if (typeof object[field] !== "number" || !(object[field] >= 0))
          return `has a ${where}.${field} that is not a number ≥ 0`;
      }
      for (const field of ["ext", "format", "mime", "tmp_url", "object_uri"]) {
        const required = field === "ext" || field === "format" || field === "mime";
        if ((required || object[field] != null) && typeof object[field] !== "string") {
          return `has a ${where}.${field} that is not a string`;
        }
      }
    }
  }
  for (const [i, error] of (data.errors ?? []).entries()) {
    if (typeof error?.error !== "string") return `has an \`errors[${i}].error\` that is not a string`;
  }
  return undefined;
}
