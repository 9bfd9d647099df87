/**
 * Claid Batch API client for browsers, in proxy mode by default.
 * @packageDocumentation
 * @module @claid/browser
 */
import { type Claid, type ClaidOptions, createClaid as createCoreClaid, InvalidArgumentError } from "@claid/core";

export * from "@claid/core";

/** What both modes accept: core's options without `env` (a page has no environment) and without `apiKey` (each mode types it). */
type BrowserCommonOptions = Omit<ClaidOptions, "env" | "apiKey">;

/** Proxy mode, the default: no key in the page; `baseUrl` is your backend route, which adds the key. */
export interface ProxyModeOptions extends BrowserCommonOptions {
  /**
   * No key in proxy mode. A key in a page is visible to every visitor: to send one
   * anyway, pass `dangerouslyAllowBrowser: true` with it.
   */
  apiKey?: null | undefined;
  /** Not needed without a key. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** A key in the page (internal tools, demos): every visitor can read it, so it needs `dangerouslyAllowBrowser: true`. */
export interface BrowserApiKeyOptions extends BrowserCommonOptions {
  /** Your Claid API key, readable by anyone who opens the page. */
  apiKey: string;
  /** Says you accept that every visitor can read the key. */
  dangerouslyAllowBrowser: true;
}

/**
 * Options of the browser `createClaid()`: proxy mode (no `apiKey`), or an `apiKey`
 * together with `dangerouslyAllowBrowser: true`. An `apiKey` alone is a type error,
 * and (for JavaScript callers) an `InvalidArgumentError` at run time.
 */
export type BrowserClaidOptions = ProxyModeOptions | BrowserApiKeyOptions;

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
