/**
 * Why a request body fails the spec, one problem per field as Claid's own validation reports it:
 * where the spec allows alternatives (`anyOf`, `oneOf`), the closest alternative's problems, not
 * every alternative's ("must be object; must be string; must NOT have fewer than 1 items").
 *
 * Ajv reports every branch of an `anyOf` in one flat list, and its schema paths restart at each
 * `$ref`, so branches cannot be told apart afterwards. Instead this walks the spec from the
 * failing schema down, asking Ajv (the same validators, compiled per spec pointer) about one
 * schema at a time.
 *
 * The closest branch, among those the value fails:
 * 1. one whose kind the value has (no `type` error at the value itself) over one of another kind;
 * 2. then the one whose problem lies deepest in the value (it matched the most on the way down);
 * 3. then the one with the fewest problems; 4. then the spec's order.
 * When the value is of no branch's kind, the problem is that: "must be integer or string".
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { openapiDocument } from "./generated/spec.ts";
import { validatorFor } from "./spec.ts";

type Schema = Record<string, unknown>;

/** The spec node at a JSON pointer (`/components/schemas/X/properties/y`). */
function nodeAt(pointer: string): Schema {
  let node: unknown = openapiDocument;
  for (const segment of pointer.split("/").slice(1)) {
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node as Schema;
}

const pointerSegment = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** How deep in the value a problem lies: its path's segments, plus the property a `required` or `additionalProperties` names. */
const depth = (error: ErrorObject) =>
  error.instancePath.split("/").length +
  (error.keyword === "required" || error.keyword === "additionalProperties" ? 1 : 0);

/** A type error at the value itself: the value is not of the branch's kind. */
const wrongKind = (errors: ErrorObject[], at: string) =>
  errors.some((e) => e.keyword === "type" && e.instancePath === at);

/** The problems of `data` (found at `at` in the body) against the schema at `pointer`, closest branches only. */
export function problemsOf(pointer: string, data: unknown, at = ""): ErrorObject[] {
  const validate = validatorFor(pointer);
  // Called as a plain boolean: Ajv's type guard would narrow `data` to `never` below.
  if ((validate as (value: unknown) => boolean)(data)) return [];
  const ajvErrors = (validate.errors ?? []).map((e) => ({ ...e, instancePath: at + e.instancePath }));
  const node = nodeAt(pointer);
  if (typeof node.$ref === "string") return problemsOf(node.$ref.slice(1), data, at);
  const branches = (node.anyOf ?? node.oneOf) as Schema[] | undefined;
  // A oneOf that fails because several branches match has no branch to blame: Ajv's own word then.
  if (branches) return closestBranch(pointer, node.anyOf ? "anyOf" : "oneOf", branches.length, data, at) ?? ajvErrors;
  if (Array.isArray(node.allOf)) return node.allOf.flatMap((_, i) => problemsOf(`${pointer}/allOf/${i}`, data, at));
  // This schema's own problems (type, enum, format, required, …); those inside the value come from its parts.
  const own = ajvErrors.filter((e) => e.instancePath === at);
  if (own.some((e) => e.keyword === "type")) return own;
  const inner: ErrorObject[] = [];
  if (Array.isArray(data) && node.items && typeof node.items === "object") {
    data.forEach((item, i) => {
      inner.push(...problemsOf(`${pointer}/items`, item, `${at}/${i}`));
    });
  } else if (data && typeof data === "object" && !Array.isArray(data)) {
    const properties = (node.properties ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(data)) {
      if (key in properties)
        inner.push(
          ...problemsOf(`${pointer}/properties/${pointerSegment(key)}`, value, `${at}/${pointerSegment(key)}`),
        );
      else if (node.additionalProperties && typeof node.additionalProperties === "object")
        inner.push(...problemsOf(`${pointer}/additionalProperties`, value, `${at}/${pointerSegment(key)}`));
    }
  }
  return [...own, ...inner];
}

function closestBranch(
  pointer: string,
  keyword: "anyOf" | "oneOf",
  count: number,
  data: unknown,
  at: string,
): ErrorObject[] | undefined {
  const failing = Array.from({ length: count }, (_, i) => problemsOf(`${pointer}/${keyword}/${i}`, data, at)).filter(
    (errors) => errors.length > 0,
  );
  if (failing.length < count) return undefined;
  const ofKind = failing.filter((errors) => !wrongKind(errors, at));
  if (ofKind.length === 0) {
    const kinds = [
      ...new Set(
        failing.map((errors) => errors.find((e) => e.instancePath === at && e.keyword === "type")?.params.type),
      ),
    ];
    return [
      {
        ...(failing[0]?.[0] as ErrorObject),
        instancePath: at,
        keyword: "type",
        message: `must be ${kinds.join(" or ")}`,
      },
    ];
  }
  const deepest = (errors: ErrorObject[]) => Math.max(...errors.map(depth));
  return ofKind.reduce((best, errors) =>
    deepest(errors) > deepest(best) || (deepest(errors) === deepest(best) && errors.length < best.length)
      ? errors
      : best,
  );
}
