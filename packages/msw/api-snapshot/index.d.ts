export { C as ClaidHandlersOptions, a as ClaidMockStore, M as MockFault, b as MockOperation, c as MockRequest, d as MockTask, T as TaskPlan, e as createClaidHandlers } from './handlers-BBMXLVxO.js';
import { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import '@claid/core';
import 'msw';

/**
 * Everything the mock knows about the API comes from the generated spec module:
 * operation paths and methods, and JSON Schema validators for bodies.
 */

type OperationObject = {
    operationId: string;
    requestBody?: {
        content: Record<string, {
            schema: {
                $ref: string;
            };
        }>;
    };
    responses: Record<string, {
        content?: Record<string, {
            schema: {
                $ref: string;
            };
        }>;
    }>;
};
/** An operation of the spec: method, path and operation object. */
interface SpecOperation {
    method: string;
    /** The spec path, e.g. `/v1/image/edit/batch/{task_id}`. */
    path: string;
    operation: OperationObject;
}
/** The spec's `POST /v1/image/edit/batch` operation. */
declare const CREATE_BATCH: SpecOperation;
/** The spec's `GET /v1/image/edit/batch/{task_id}` operation. */
declare const GET_BATCH: SpecOperation;
/** A validator for a `#/components/...` pointer of the spec; compiled once, on first use. */
declare function validatorFor(pointer: string): ValidateFunction;
/** The JSON pointer of an operation's request body schema. */
declare function requestSchemaPointer(op: SpecOperation): string;
/** The schema pointer of a response, falling back to the spec's `default` response. */
declare function responseSchemaPointer(op: SpecOperation, status: number): string | undefined;
/** Claid's validation error details: field path → messages. */
declare function validationDetails(errors: ErrorObject[]): Record<string, string[]>;

export { CREATE_BATCH, GET_BATCH, type SpecOperation, requestSchemaPointer, responseSchemaPointer, validationDetails, validatorFor };
