/**
 * Claid's OpenAPI document at run time, for tools built on the SDK: operations,
 * JSON Schema validators for bodies, and the enum lists (e.g. for a CLI's choices).
 * Everything here derives from the generated spec module, so it follows `npm run spec:update`.
 * A separate entry (`@claid/core/spec`): the client itself never loads it. Needs `ajv` and `ajv-formats`.
 * @packageDocumentation
 * @module @claid/core/spec
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openapiDocument } from "./generated/spec.ts";

export { problemsOf } from "./spec-problems.ts";
export { openapiDocument };

const SPEC_ID = "claid-openapi.json";
type Schemas = typeof openapiDocument.components.schemas;

type OperationObject = {
  operationId: string;
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
};

/** An operation of the spec: method, path and operation object. */
export interface SpecOperation {
  method: string;
  /** The spec path, e.g. `/v1/image/edit/batch/{task_id}`. */
  path: string;
  operation: OperationObject;
}

/** Looks an operation up by its operationId in the spec. */
export function specOperation(operationId: string): SpecOperation {
  for (const [path, item] of Object.entries(openapiDocument.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, OperationObject>)) {
      if (operation.operationId === operationId) return { method, path, operation };
    }
  }
  throw new Error(`Operation ${operationId} is not in the spec.`);
}

/** The spec's `POST /v1/image/edit/batch` operation. */
export const CREATE_BATCH: SpecOperation = specOperation("process_batch_image_edit_v1_image_edit_batch_post");
/** The spec's `GET /v1/image/edit/batch/{task_id}` operation. */
export const GET_BATCH: SpecOperation = specOperation(
  "image_edit_batch_async_results_v1_image_edit_batch__task_id__get",
);

/** The names of the spec's enum schemas (`FitEnum`, `FormatEnum`, `APIV1Status`, …). */
export type EnumName = {
  [K in keyof Schemas]: Schemas[K] extends { enum: readonly string[] } ? K : never;
}[keyof Schemas];

/** The values of an enum schema, in the spec's order: `enumValues("FitEnum")` → `["crop", "cover", …]`. */
export function enumValues<N extends EnumName>(name: N): Schemas[N] extends { enum: infer V } ? V : never {
  return (openapiDocument.components.schemas[name] as { enum: unknown }).enum as never;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** A validator for a `#/components/...` pointer of the spec; compiled once, on first use. */
export function validatorFor(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

function createAjv(): Ajv2020 {
  // strict: false because an OpenAPI document is not itself a JSON Schema (its
  // root keywords are `openapi`, `paths`, …); only its component schemas are compiled.
  const instance = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  (addFormats as unknown as (a: Ajv2020) => void)(instance);
  instance.addSchema(openapiDocument as object, SPEC_ID);
  return instance;
}

/** The JSON pointer of an operation's request body schema. */
export function requestSchemaPointer(op: SpecOperation): string {
  const ref = op.operation.requestBody?.content["application/json"]?.schema.$ref;
  if (!ref) throw new Error(`${op.operation.operationId} has no JSON request body.`);
  return ref.slice(1);
}

/** The schema pointer of a response, falling back to the spec's `default` response. */
export function responseSchemaPointer(op: SpecOperation, status: number): string | undefined {
  const response = op.operation.responses[String(status)] ?? op.operation.responses.default;
  return response?.content?.["application/json"]?.schema.$ref.slice(1);
}

/** Claid's validation error details from a validator's errors: field path → messages. */
export function validationDetails(errors: ErrorObject[]): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const error of errors) {
    const segments = error.instancePath.split("/").slice(1);
    let message = error.message ?? "is invalid";
    if (error.keyword === "required") {
      segments.push(String(error.params.missingProperty));
      message = "is required";
    } else if (error.keyword === "additionalProperties") {
      segments.push(String(error.params.additionalProperty));
      message = "is not a known property";
    } else if (error.keyword === "enum") {
      message = `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    }
    const field = ["body", ...segments].join(".");
    const list = details[field] ?? [];
    if (!list.includes(message)) list.push(message);
    details[field] = list;
  }
  return details;
}
