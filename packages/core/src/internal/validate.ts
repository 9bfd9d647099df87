import { describeValue, InvalidArgumentError } from "../errors.ts";

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

/** Field → expected type of the image objects' fields the SDK reads ("?" = may be absent). */
const IMAGE_FIELDS =
  "width number,height number,mps number,ext string,format string,mime string,tmp_url string?,object_uri string?";

/**
 * Why `data` is not a batch as the SDK, `downloadResults` and the CLI read it
 * (undefined when it is). Only the fields they use are checked, so a newer API
 * that adds fields or statuses still passes.
 */
export function batchProblem(data: Untrusted): string | undefined {
  const wrong = (path: string, value: unknown, type: string) =>
    typeof value === type && (type !== "number" || (value as number) >= 0) ? undefined : `\`${path}\` is not a ${type}`;
  let problem = Number.isSafeInteger(data?.id) ? wrong("status", data.status, "string") : "`id` is not an integer";
  for (const list of ["results", "errors"]) {
    problem ??= data[list] == null || Array.isArray(data[list]) ? undefined : `\`${list}\` is not a list`;
  }
  for (const [i, item] of (problem ? [] : (data.results ?? [])).entries()) {
    for (const side of ["input_object", "output_object"]) {
      for (const field of IMAGE_FIELDS.split(",")) {
        const [name, type] = field.split(" ") as [string, string];
        const value = item?.[side]?.[name];
        if (!type.endsWith("?") || value != null)
          problem ??= wrong(`results[${i}].${side}.${name}`, value, type.replace("?", ""));
      }
    }
  }
  for (const [i, error] of (problem ? [] : (data.errors ?? [])).entries()) {
    problem ??= wrong(`errors[${i}].error`, error?.error, "string");
  }
  return problem;
}
