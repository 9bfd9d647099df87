import { describe, expectTypeOf, it } from "vitest";
import {
  type BatchAccepted,
  type BatchEditRequest,
  type BatchResult,
  type BatchStatus,
  type Claid,
  ClaidAPIError,
  type ClaidAPIErrorName,
  type ClaidConnectionError,
  ClaidError,
  type ClaidTimeoutError,
  createClaid,
  type InvalidArgumentError,
  type NotFoundError,
  type RateLimitError,
} from "../src/index.ts";

declare const claid: Claid;

describe("request bodies are checked at compile time", () => {
  it("accepts every input form and a fully populated operations object", () => {
    const bodies: BatchEditRequest[] = [
      { input: "storage://s/in/", operations: { resizing: { width: 1000 } }, output: "storage://s/out/" },
      { input: { source: "storage://s/in/", recursive: true }, operations: {} },
      {
        input: ["https://img.example/a.png"],
        operations: {
          restorations: { upscale: { type: "photo", version: "2" }, decompress: "auto", polish: true },
          adjustments: {
            hdr: { intensity: 50, stitching: true },
            exposure: -5,
            saturation: 10,
            contrast: 1,
            sharpness: 3,
          },
          background: {
            remove: { category: "cars", clipping: true },
            color: "transparent",
            blur: { type: "lens", level: "high" },
          },
          resizing: { width: "50%", height: "auto", fit: { type: "outpaint", feathering: "10%" } },
          padding: "10%",
          privacy: { blur_car_plate: true },
          generative: { style_transfer: { style_reference_image: "https://img.example/s.png", prompt: "oil" } },
        },
        output: {
          destination: "storage://s/out/",
          format: { type: "webp", compression: { type: "lossy", quality: 80 } },
        },
      },
    ];
    expectTypeOf(bodies).toEqualTypeOf<BatchEditRequest[]>();
  });

  it("rejects unknown operation keys, bad enum values and missing required fields", () => {
    // @ts-expect-error `sharpen` is not an operation
    claid.batches.create({ input: "storage://s/in/", operations: { sharpen: true } });
    // @ts-expect-error "stretch" is not a FitEnum value
    claid.batches.create({ input: "storage://s/in/", operations: { resizing: { fit: "stretch" } } });
    // @ts-expect-error "gif" is not an output format
    claid.batches.create({ input: "storage://s/in/", operations: {}, output: { format: "gif" } });
    // @ts-expect-error `operations` is required
    claid.batches.create({ input: "storage://s/in/" });
    // @ts-expect-error `input` must be a string, a list of strings or { source, recursive }
    claid.batches.create({ input: 42, operations: {} });
    // @ts-expect-error photo upscale needs a version
    claid.batches.create({ input: "storage://s/in/", operations: { restorations: { upscale: { type: "photo" } } } });
  });
});

describe("responses and options are typed", () => {
  it("create and retrieve resolve to the data objects", () => {
    expectTypeOf(claid.batches.create).returns.resolves.toEqualTypeOf<BatchAccepted>();
    expectTypeOf(claid.batches.retrieve).returns.resolves.toEqualTypeOf<BatchResult>();
    expectTypeOf<BatchResult["status"]>().toEqualTypeOf<BatchStatus>();
    expectTypeOf<BatchStatus>().toEqualTypeOf<
      "ACCEPTED" | "WAITING" | "PROCESSING" | "DONE" | "ERROR" | "CANCELLED" | "PAUSED"
    >();
  });

  it("retrieve takes a number or a string id only", () => {
    claid.batches.retrieve(1);
    claid.batches.retrieve("1");
    // @ts-expect-error an object is not a task id
    claid.batches.retrieve({ id: 1 });
  });

  it("createClaid takes a key, null for proxy mode, or an env to read CLAID_API_KEY from", () => {
    expectTypeOf(createClaid).parameter(0).toHaveProperty("apiKey").toEqualTypeOf<string | null | undefined>();
    createClaid({ env: { CLAID_API_KEY: "test-key-0123" } });
    // @ts-expect-error the key is a string
    createClaid({ apiKey: 42 });
  });

  it("fetch may be the global fetch, a one-argument wrapper or one that passes init on", () => {
    createClaid({ apiKey: "test-key-0123", fetch });
    createClaid({ apiKey: "test-key-0123", fetch: (request: Request) => fetch(request) });
    createClaid({
      apiKey: "test-key-0123",
      fetch: (request, init) => fetch(request, { signal: init?.signal ?? null }),
    });
    // @ts-expect-error fetch receives a Request, not a URL string
    createClaid({ apiKey: "test-key-0123", fetch: (url: string) => fetch(url) });
  });
});

describe("error classes have literal names that narrow", () => {
  it("each class's name is its own literal; a base class's is the union of its family", () => {
    expectTypeOf<NotFoundError["name"]>().toEqualTypeOf<"NotFoundError">();
    expectTypeOf<InvalidArgumentError["name"]>().toEqualTypeOf<"InvalidArgumentError">();
    expectTypeOf<ClaidTimeoutError["name"]>().toEqualTypeOf<"ClaidTimeoutError">();
    expectTypeOf<ClaidConnectionError["name"]>().toEqualTypeOf<"ClaidConnectionError" | "ClaidTimeoutError">();
    expectTypeOf<ClaidAPIError["name"]>().toEqualTypeOf<ClaidAPIErrorName>();
    expectTypeOf<"NotFoundError">().toExtend<ClaidAPIErrorName>();
  });

  it('err.name === "NotFoundError" narrows a union of error classes', () => {
    const narrow = (err: NotFoundError | RateLimitError | ClaidConnectionError) => {
      if (err.name === "NotFoundError") expectTypeOf(err).toEqualTypeOf<NotFoundError>();
      else expectTypeOf(err).toEqualTypeOf<RateLimitError | ClaidConnectionError>();
    };
    expectTypeOf(narrow).toBeFunction();
  });

  it("after instanceof, a switch on name offers the family's names", () => {
    const kind = (err: unknown) => {
      if (!(err instanceof ClaidAPIError)) return "other";
      switch (err.name) {
        case "NotFoundError":
          return "missing";
        // @ts-expect-error not a ClaidAPIError name
        case "NotFoundErr":
          return "typo";
        default:
          return "api";
      }
    };
    expectTypeOf(kind).returns.toEqualTypeOf<"other" | "missing" | "typo" | "api">();
  });

  it("applications may still subclass ClaidError with names of their own", () => {
    class QuotaError extends ClaidError {
      override readonly name = "QuotaError" as const;
    }
    expectTypeOf<QuotaError["name"]>().toEqualTypeOf<"QuotaError">();
  });
});
