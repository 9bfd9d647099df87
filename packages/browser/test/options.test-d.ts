/** The browser client's options as types: a key without `dangerouslyAllowBrowser: true` does not compile. */
import { describe, expectTypeOf, it } from "vitest";
import { type BrowserClaidOptions, type Claid, createClaid } from "../src/index.ts";

describe("createClaid() options", () => {
  it("accepts proxy mode and a key with dangerouslyAllowBrowser: true", () => {
    expectTypeOf(createClaid({ baseUrl: "/api/claid" })).toEqualTypeOf<Claid>();
    expectTypeOf(createClaid({ baseUrl: "/api/claid", apiKey: null })).toEqualTypeOf<Claid>();
    expectTypeOf(createClaid({ apiKey: "sk-live-123", dangerouslyAllowBrowser: true })).toEqualTypeOf<Claid>();
  });

  it("refuses a key without dangerouslyAllowBrowser: true", () => {
    // @ts-expect-error: a key in a page needs dangerouslyAllowBrowser: true
    createClaid({ apiKey: "sk-live-123" });
    // @ts-expect-error: false is no consent
    createClaid({ apiKey: "sk-live-123", dangerouslyAllowBrowser: false });
    // @ts-expect-error: nor is undefined
    createClaid({ apiKey: "sk-live-123", baseUrl: "/api/claid", dangerouslyAllowBrowser: undefined });
    const fromConfig: { apiKey: string } = { apiKey: "sk-live-123" };
    // @ts-expect-error: an options object typed elsewhere is checked the same way
    createClaid(fromConfig);
  });

  it("has no env option: a page has no environment", () => {
    expectTypeOf<BrowserClaidOptions>().not.toHaveProperty("env");
  });
});
