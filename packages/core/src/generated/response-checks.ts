// Generated from spec/claid.openapi.json (OpenAPI 3.1.0, "Claid REST API" v1, sha256 ea75b5d352d6d0fe2be93b4cf243d3a0c0447adeee791cbcf1e95a293047d2b0) by scripts/generate. Do not edit.

/**
 * A field as the spec types it: its JSON types (`|`-separated), 1 when the spec requires it, and
 * the shapes of the fields the SDK reads inside it (`"[]"`: every item of a list).
 * Written from the spec's response schemas by scripts/generate/response-checks.ts.
 */
export type FieldShape = readonly [types: string, required: 0 | 1, inner?: { readonly [field: string]: FieldShape }];

/** What the SDK reads of the `data` of POST /v1/image/edit/batch (create), typed by the spec. */
export const ACCEPTED_SHAPE: FieldShape = ["object", 1, {
  id: ["integer", 1],
}];

/** What the SDK reads of the `data` of GET /v1/image/edit/batch/{task_id} (retrieve), typed by the spec. */
export const BATCH_SHAPE: FieldShape = ["object", 1, {
  id: ["integer", 1],
  status: ["string", 1],
  results: ["array", 0, {
    "[]": ["object", 1, {
      input_object: ["object", 1, {
        width: ["integer", 1],
        height: ["integer", 1],
        mps: ["number", 1],
        ext: ["string", 1],
        format: ["string", 1],
        mime: ["string", 1],
      }],
      output_object: ["object", 1, {
        width: ["integer", 1],
        height: ["integer", 1],
        mps: ["number", 1],
        ext: ["string", 1],
        format: ["string", 1],
        mime: ["string", 1],
        tmp_url: ["string", 0],
        object_uri: ["string", 0],
      }],
    }],
  }],
  errors: ["array", 0, {
    "[]": ["object", 1, {
      error: ["string", 1],
    }],
  }],
}];
