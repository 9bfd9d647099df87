import { describeValue, InvalidArgumentError } from "../errors.ts";
import { ACCEPTED_SHAPE, BATCH_SHAPE, type FieldShape } from "../generated/response-checks.ts";

export function requireObject(value: unknown, argument: string): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError({ argument, problem: `must be an object, got ${describeValue(value)}.` });
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
    throw new InvalidArgumentError({
      argument: name,
      problem: `must be ${kind === "integer" ? "an integer" : "a number"} ≥ ${min}${kind === "finite" ? " and finite" : ""}, got ${describeValue(value)}.`,
    });
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
    throw new InvalidArgumentError({
      argument: name,
      problem: `has an invalid header name or value: ${(error as Error).message}`,
    });
  }
  return headers as Record<string, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: reads an untrusted JSON value field by field
type Untrusted = any;

const NOUNS: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "a boolean",
  array: "a list",
  object: "an object",
  null: "null",
};

/** Whether a parsed JSON value has a JSON Schema type. */
const hasType = (value: unknown, type: string) =>
  type === "integer"
    ? Number.isInteger(value)
    : type === "array"
      ? Array.isArray(value)
      : type === "null"
        ? value === null
        : typeof value === type && (type !== "object" || (value !== null && !Array.isArray(value)));

/**
 * Why `value` (at `at`) does not have `shape`, the spec's types of the fields the SDK reads
 * (undefined when it has). Only those fields are checked, and only with what the spec states
 * (type, required; no ranges of its own), so every answer the spec allows passes, and so does a
 * newer API's extra field or status. An optional field that is null counts as absent, as every
 * reader treats it.
 */
function shapeProblem(value: Untrusted, [types, required, inner]: FieldShape, at: string): string | undefined {
  const allowed = types.split("|");
  const field = `\`${at || "data"}\``;
  if (value === undefined || (value === null && !required && !allowed.includes("null"))) {
    return required ? `${field} is missing` : undefined;
  }
  if (!allowed.some((type) => hasType(value, type))) {
    return `${field} is not ${allowed.map((type) => NOUNS[type] ?? type).join(" or ")}`;
  }
  let problem: string | undefined;
  for (const [name, shape] of value === null ? [] : Object.entries(inner ?? {})) {
    if (name !== "[]") problem ??= shapeProblem(value[name], shape, at ? `${at}.${name}` : name);
    else if (Array.isArray(value))
      for (const [i, item] of value.entries()) problem ??= shapeProblem(item, shape, `${at}[${i}]`);
  }
  return problem;
}

/** The id goes back into a URL: past 2^53, JSON.parse has rounded it to another batch's id. */
const idProblem = (data: Untrusted) =>
  Number.isSafeInteger(data.id) ? undefined : "`id` is too large to be read exactly (past 2^53)";

/**
 * Why `data` is not a batch as the SDK, `downloadResults` and the CLI read it (undefined when
 * it is): the answer of `GET /v1/image/edit/batch/{task_id}`, checked by the spec's types.
 */
export function batchProblem(data: Untrusted): string | undefined {
  return shapeProblem(data, BATCH_SHAPE, "") ?? idProblem(data);
}

/**
 * Why `data` is not an accepted batch (undefined when it is): the answer of a create. Only its
 * `id` is read, so a create answered with a usable id always yields it, whatever else is off.
 */
export function acceptedProblem(data: Untrusted): string | undefined {
  return shapeProblem(data, ACCEPTED_SHAPE, "") ?? idProblem(data);
}
