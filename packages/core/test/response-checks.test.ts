/**
 * The SDK's checks of 2xx answers accept every answer the spec allows (many generated from the
 * spec's own schemas, each confirmed valid by ajv) and reject, naming the field, the spec-invalid
 * values the SDK, downloadResults and the CLI would choke on. A created batch always yields its id.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BATCH_SHAPE, type FieldShape } from "../src/generated/response-checks.ts";
import { createClaid, InvalidResponseError } from "../src/index.ts";
import { acceptedProblem, batchProblem } from "../src/internal/validate.ts";
import { CREATE_BATCH, GET_BATCH, openapiDocument, responseSchemaPointer, validatorFor } from "../src/spec.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";
import { arbitraryFor } from "./spec-arbitrary.ts";

const KEY = "sk-checks-0123456789abcdef";
const operations = [
  ["create", CREATE_BATCH, acceptedProblem],
  ["retrieve", GET_BATCH, batchProblem],
] as const;
/** What the SDK sees: the answer after a trip through JSON. */
const overJson = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
const image = { ext: "png", mime: "image/png", format: "png", width: 1, height: 1, mps: 0.5 };
/** The fields the spec defines for a batch, to tell a generated extra field from them. */
const BATCH_RESULT_FIELDS = openapiDocument.components.schemas.BatchResultResponse.properties;
const batch = (extra: Record<string, unknown>) => ({ ...ACCEPTED.data, status: "DONE", ...extra });

describe.each(operations)("%s: every 200 answer the spec allows is accepted", (_, operation, problemOf) => {
  const pointer = responseSchemaPointer(operation, 200) as string;
  const validate = validatorFor(pointer);

  it("by the check, for generated answers", () => {
    fc.assert(
      fc.property(arbitraryFor(pointer).map(overJson), (body) => {
        expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
        expect(problemOf((body as { data: unknown }).data)).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it("by the client, which resolves with the answer's data", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryFor(pointer).map(overJson), async (body) => {
        expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
        const claid = createClaid({ apiKey: KEY, fetch: stubFetch(jsonResponse(200, body)).fetch, rateLimit: false });
        const data = (body as { data: unknown }).data;
        const call =
          operation === CREATE_BATCH ? claid.batches.create(ACCEPTED.data.request) : claid.batches.retrieve(7);
        expect(await call).toEqual(data);
      }),
      { numRuns: 60 },
    );
  });
});

it("the generated answers reach the cases that matter (so the properties above are not vacuous)", () => {
  const pointer = responseSchemaPointer(GET_BATCH, 200) as string;
  const samples = fc.sample(arbitraryFor(pointer), { numRuns: 300, seed: 1 }) as { data: Record<string, unknown> }[];
  const outputs = samples.flatMap((body) =>
    ((body.data.results ?? []) as { output_object: Record<string, unknown> }[]).map((r) => r.output_object),
  );
  expect(outputs.length).toBeGreaterThan(100);
  expect(outputs.some((o) => (o.width as number) < 0)).toBe(true);
  expect(outputs.some((o) => o.width === 0)).toBe(true);
  expect(outputs.some((o) => (o.mps as number) < 0)).toBe(true);
  expect(outputs.some((o) => o.tmp_url === undefined) && outputs.some((o) => typeof o.tmp_url === "string")).toBe(true);
  expect(samples.some((body) => Object.keys(body.data).some((key) => !(key in BATCH_RESULT_FIELDS)))).toBe(true);
  expect(new Set(samples.map((body) => body.data.status)).size).toBe(7);
});

describe("answers the old hand-written check refused, though the spec allows them", () => {
  it.each([
    ["a zero width", { width: 0 }],
    ["a negative height", { height: -3 }],
    ["a negative mps", { mps: -0.25 }],
    ["a zero mps", { mps: 0 }],
  ])("%s in a result: retrieve() resolves", async (_, field) => {
    const result = batch({
      results: [{ input_object: { ...image, ...field }, output_object: { ...image, ...field } }],
    });
    const claid = createClaid({ apiKey: KEY, fetch: stubFetch(jsonResponse(200, { data: result })).fetch });
    await expect(claid.batches.retrieve(7)).resolves.toEqual(result);
  });

  it.each([
    ["a negative width in results", { results: [{ input_object: image, output_object: { ...image, width: -1 } }] }],
    ["a status that is not a string", { status: 5 }],
    ["results that are not a list", { results: "none" }],
    ["no created_at and no request", { created_at: undefined, request: undefined }],
  ])("a create answered with its id and %s yields the id (the batch exists and is billed)", async (_, extra) => {
    const answer = { data: { ...ACCEPTED.data, id: 4242, ...extra } };
    const stub = stubFetch(jsonResponse(200, answer));
    const accepted = await createClaid({ apiKey: KEY, fetch: stub.fetch }).batches.create(ACCEPTED.data.request);
    expect(accepted.id).toBe(4242);
    expect(stub.requests).toHaveLength(1);
  });
});

describe("spec-invalid values in the fields the SDK reads are refused, naming the field", () => {
  it.each([
    ["no data", undefined, "`data` is missing"],
    ["data that is a list", [], "`data` is not an object"],
    ["an id that is a string", batch({ id: "7" }), "`id` is not an integer"],
    ["a fractional id", batch({ id: 1.5 }), "`id` is not an integer"],
    ["no id", batch({ id: undefined }), "`id` is missing"],
    ["an id past 2^53", batch({ id: 2 ** 53 + 2 }), "`id` is too large to be read exactly (past 2^53)"],
    ["no status", batch({ status: undefined }), "`status` is missing"],
    ["a numeric status", batch({ status: 3 }), "`status` is not a string"],
    ["results that are not a list", batch({ results: "nope" }), "`results` is not a list"],
    ["a null result", batch({ results: [null] }), "`results[0]` is not an object"],
    [
      "a result without output_object",
      batch({ results: [{ input_object: image }] }),
      "`results[0].output_object` is missing",
    ],
    [
      "a fractional width",
      batch({ results: [{ input_object: image, output_object: { ...image, width: 1.5 } }] }),
      "`results[0].output_object.width` is not an integer",
    ],
    [
      "no mps",
      batch({ results: [{ input_object: { ...image, mps: undefined }, output_object: image }] }),
      "`results[0].input_object.mps` is missing",
    ],
    [
      "a numeric tmp_url",
      batch({
        results: [
          { input_object: image, output_object: image },
          { input_object: image, output_object: { ...image, tmp_url: 5 } },
        ],
      }),
      "`results[1].output_object.tmp_url` is not a string",
    ],
    [
      "an error that is not a string",
      batch({ errors: [{ error: 5, created_at: "x" }] }),
      "`errors[0].error` is not a string",
    ],
  ])("%s", (_, data, message) => {
    expect(batchProblem(overJson(data))).toBe(message);
  });

  it("for generated answers with one read field set to a value of another type", () => {
    const pointer = responseSchemaPointer(GET_BATCH, 200) as string;
    const validate = validatorFor(pointer);
    const wrong: Record<string, unknown> = { integer: 0.5, number: "1", string: 1, array: {}, object: "x" };
    const answer = arbitraryFor(pointer).map((body) => overJson(body) as { data: Record<string, unknown> });
    fc.assert(
      fc.property(answer, fc.nat(), (body, pick) => {
        const fields = readFields(body.data);
        fc.pre(fields.length > 0);
        const [label, type, set] = fields[pick % fields.length] as (typeof fields)[number];
        set(wrong[type]);
        expect(validate(body)).toBe(false);
        expect(batchProblem(body.data)).toContain(`\`${label}\` is not `);
      }),
      { numRuns: 300 },
    );
  });
});

it("a 2xx whose data is unusable is an InvalidResponseError naming the field", async () => {
  const claid = createClaid({ apiKey: KEY, fetch: stubFetch(jsonResponse(200, { data: { task: 1 } })).fetch });
  const error = await claid.batches.create(ACCEPTED.data.request).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidResponseError);
  expect((error as Error).message).toContain("`id` is missing");
});

/** Every present, non-null field of `data` that BATCH_SHAPE names: its label, its spec type and a setter. */
function readFields(data: Record<string, unknown>): [string, string, (value: unknown) => void][] {
  const out: [string, string, (value: unknown) => void][] = [];
  const visit = (parent: Record<string | number, unknown>, key: string | number, shape: FieldShape, at: string) => {
    const value = parent[key];
    if (value == null) return;
    out.push([at, shape[0], (wrong) => (parent[key] = wrong)]);
    for (const [name, field] of Object.entries(shape[2] ?? {})) {
      if (name !== "[]") visit(value as never, name, field, `${at}.${name}`);
      else for (const i of (value as unknown[]).keys()) visit(value as never, i, field, `${at}[${i}]`);
    }
  };
  for (const [name, field] of Object.entries(BATCH_SHAPE[2] ?? {})) visit(data, name, field, name);
  return out;
}
