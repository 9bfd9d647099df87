/**
 * Types users touch, checked as a consumer with `exactOptionalPropertyTypes` (this
 * folder's type tests compile with tsconfig.strict.json).
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  BatchEditRequest,
  BatchResult,
  Claid,
  ClaidAPIError,
  ErrorDetails,
  ImageOperations,
  WaitOptions,
} from "../src/index.ts";

declare const claid: Claid;
declare const cond: boolean;

describe("strict settings", () => {
  it("a body built with conditional undefined type-checks under exactOptionalPropertyTypes", () => {
    const body: BatchEditRequest = {
      input: "storage://s/in/",
      operations: { resizing: cond ? { width: 800 } : undefined, background: { remove: cond ? true : undefined } },
      output: cond ? { destination: "storage://s/out/", format: "webp" } : undefined,
    };
    claid.batches.create(body);
    const options: WaitOptions = {
      maxWaitMs: cond ? 60_000 : undefined,
      signal: cond ? AbortSignal.timeout(1) : undefined,
    };
    claid.batches.createAndWait(body, options);
  });

  it('resizing.width and height keep "auto" (and number) beside other strings, for autocomplete', () => {
    type Width = Exclude<Exclude<ImageOperations["resizing"], undefined>["width"], undefined>;
    // "auto" is still its own member of the union (a plain `string` would have swallowed it).
    expectTypeOf<Extract<Width, "auto">>().toEqualTypeOf<"auto">();
    expectTypeOf<Extract<Width, number>>().toEqualTypeOf<number>();
    const sizes: Width[] = ["auto", 640, "50%"];
    expectTypeOf(sizes).toEqualTypeOf<Width[]>();
    // @ts-expect-error a boolean is not a size
    const wrong: Width = true;
    void wrong;
  });

  it("errorDetails is typed as Claid documents it: field path → messages", () => {
    expectTypeOf<ClaidAPIError["errorDetails"]>().toEqualTypeOf<ErrorDetails | undefined>();
    expectTypeOf<ErrorDetails>().toEqualTypeOf<Record<string, string[]>>();
    expectTypeOf<ClaidAPIError["body"]>().toEqualTypeOf<unknown>();
  });

  it("wait takes the whole-wait deadline and the per-attempt options", () => {
    claid.batches.wait(1, { maxWaitMs: 10_000, timeoutMs: 5_000, maxRetries: 1, headers: { "X-Trace": "1" } });
    expectTypeOf(claid.batches.wait).returns.resolves.toEqualTypeOf<BatchResult>();
    // @ts-expect-error the whole-wait deadline is maxWaitMs; there is no "deadline" option
    claid.batches.wait(1, { deadline: 10_000 });
  });
});
