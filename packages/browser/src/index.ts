/**
 * Claid Batch API client for browsers, in proxy mode by default.
 * @packageDocumentation
 * @module @claid/browser
 */
import { type Claid, type ClaidOptions, createClaid as createCoreClaid, InvalidArgumentError } from "@claid/core";

export * from "@claid/core";

/** Options of the browser `createClaid()`: core's options without `env`, plus `dangerouslyAllowBrowser`. */
export interface BrowserClaidOptions extends Omit<ClaidOptions, "env"> {
  /**
   * Only with `dangerouslyAllowBrowser: true`: a key in a page is visible to
   * every visitor. Leave it out and point `baseUrl` at your own proxy instead.
   */
  apiKey?: string | null | undefined;
  /** Allow an `apiKey` in the browser anyway (internal tools, demos). Default false. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/**
 * Creates a client for the browser. By default it runs in proxy mode: no key,
 * requests go to `baseUrl` (your backend), which adds the key and forwards them.
 *
 * @example
 * const claid = createClaid({ baseUrl: "/api/claid" });
 * const { id } = await claid.batches.create({ input: ["https://example.com/a.png"], operations: {} });
 */
export function createClaid(options: BrowserClaidOptions = {}): Claid {
  const { dangerouslyAllowBrowser, ...rest } = options;
  if (rest.apiKey && !dangerouslyAllowBrowser) {
    throw new InvalidArgumentError({
      argument: "apiKey",
      problem: "is refused in the browser: every visitor could read the key and spend your credits.",
      hint:
        "Use proxy mode instead — createClaid({ baseUrl: '/api/claid' }) with a backend route that adds the key — " +
        "or pass `dangerouslyAllowBrowser: true` if you understand the risk.",
    });
  }
  if (!rest.apiKey && !rest.baseUrl) {
    throw new InvalidArgumentError({
      argument: "baseUrl",
      problem: "is needed in proxy mode: the URL of your backend route that adds the key, e.g. '/api/claid'.",
    });
  }
  return createCoreClaid({ ...rest, apiKey: rest.apiKey || null });
}
