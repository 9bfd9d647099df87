import { ClaidOptions, Claid } from '@claid/core';
export * from '@claid/core';

/**
 * Claid Batch API client for edge functions (Workers, Vercel Edge, Deno, Supabase, Netlify).
 * @packageDocumentation
 * @module @claid/edge
 */

/**
 * Creates a client for edge functions. The key comes from `apiKey`, from `env`
 * (pass a Worker's `env` binding), or from `Deno.env` / `process.env` where
 * the runtime has them. Nothing is read at import time.
 *
 * @example
 * export default {
 *   async fetch(request: Request, env: { CLAID_API_KEY: string }) {
 *     const claid = createClaid({ env });
 *     const state = await claid.batches.check(Number(new URL(request.url).searchParams.get("id")));
 *     return Response.json(state);
 *   },
 * };
 */
declare function createClaid(options?: ClaidOptions): Claid;

export { createClaid };
