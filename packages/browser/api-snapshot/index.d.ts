import { ClaidOptions, Claid } from '@claid/core';
export * from '@claid/core';

/**
 * Claid Batch API client for browsers, in proxy mode by default.
 * @packageDocumentation
 * @module @claid/browser
 */

/** Options of the browser `createClaid()`: core's options without `env`, plus `dangerouslyAllowBrowser`. */
interface BrowserClaidOptions extends Omit<ClaidOptions, "env"> {
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
declare function createClaid(options?: BrowserClaidOptions): Claid;

export { type BrowserClaidOptions, createClaid };
