/**
 * fast-check arbitraries for the spec's schemas: any value the schema at a pointer allows —
 * negative and zero numbers where no minimum is stated, optional fields present or not, unknown
 * extra fields where the schema does not forbid them, every branch of a union. Covers the
 * JSON Schema keywords the spec uses; an unknown one throws, so a spec change cannot quietly
 * narrow what is generated. Callers still validate each value with ajv against the same schema.
 */

import fc from "fast-check";
import { openapiDocument } from "../src/spec.ts";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  pattern?: string;
};

/** Keywords that only describe: they do not restrict values. */
const ANNOTATIONS = new Set(["title", "description", "default", "examples", "example"]);
const SUPPORTED = new Set([
  "$ref",
  "type",
  "enum",
  "allOf",
  "anyOf",
  "oneOf",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "format",
  "pattern",
]);

/** Values the schema at `pointer` (e.g. `/components/schemas/BatchResultResponse`) allows. */
export function arbitraryFor(pointer: string): fc.Arbitrary<unknown> {
  return arbitrary(at(pointer), pointer);
}

function at(pointer: string): Schema {
  let node: unknown = openapiDocument;
  for (const part of pointer.split("/").slice(1)) node = (node as Record<string, unknown>)[part];
  if (!node) throw new Error(`${pointer} is not in the spec.`);
  return node as Schema;
}

function arbitrary(schema: Schema, where: string): fc.Arbitrary<unknown> {
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED.has(key) && !ANNOTATIONS.has(key)) throw new Error(`${where}: keyword ${key} is not supported.`);
  }
  if (schema.$ref) return arbitrary(at(schema.$ref.slice(1)), schema.$ref);
  if (schema.allOf) {
    if (schema.allOf.length !== 1) throw new Error(`${where}: allOf with several members is not supported.`);
    return arbitrary(schema.allOf[0] as Schema, `${where}/allOf/0`);
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((branch, i) => arbitrary(branch, `${where}/anyOf/${i}`)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => ofType(schema, type, where)));
}

function ofType(schema: Schema, type: string, where: string): fc.Arbitrary<unknown> {
  switch (type) {
    case "object":
      return object(schema, where);
    case "array":
      return fc.array(arbitrary(schema.items ?? {}, `${where}/items`), {
        minLength: schema.minItems ?? 0,
        maxLength: 3,
      });
    case "string":
      return string(schema);
    case "integer": {
      const min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
      const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
      // 0, ±1 and the bounds often, small values often, and anything up to the safe-integer bounds.
      const edges = [0, 1, -1, min, max].filter((n) => n >= min && n <= max);
      const small = fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) });
      return fc.oneof(fc.constantFrom(...edges), small, fc.integer({ min, max }));
    }
    case "number": {
      const min = schema.minimum ?? -Number.MAX_VALUE;
      const max = schema.maximum ?? Number.MAX_VALUE;
      const edges = [0, 0.5, -0.5, -1, min, max].filter((n) => n >= min && n <= max);
      return fc.oneof(fc.constantFrom(...edges), fc.double({ noNaN: true, min, max }));
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      throw new Error(`${where}: type ${type} is not supported.`);
  }
}

function string(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 40;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  if (schema.format === "uri") return fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(fits);
  if (schema.format === "date-time") {
    return fc
      .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2999-12-31T23:59:59Z"), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (schema.format) throw new Error(`format ${schema.format} is not supported.`);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern, "u")).filter(fits);
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40), unit: "grapheme" });
}

function object(schema: Schema, where: string): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const known = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, arbitrary(value, `${where}/${name}`)])),
    { requiredKeys: (schema.required ?? []).filter((name) => name in properties) },
  );
  if (schema.additionalProperties === false) return known;
  // Fields a newer API may add: any name the schema does not define, any JSON value.
  const extraName = fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((name) => !(name in properties) && name !== "__proto__");
  const extra = fc.dictionary(extraName, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 });
  return fc.tuple(known, extra).map(([fields, more]) => ({ ...more, ...fields }));
}
