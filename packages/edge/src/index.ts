/**
 * Claid Batch API client for edge functions (Workers, Vercel Edge, Deno, Supabase, Netlify).
 * @packageDocumentation
 * @module @claid/edge
 */
import { type Claid, type ClaidOptions, createClaid as createCoreClaid } from "@claid/core";

export * from "@claid/core";

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
export function createClaid(options: ClaidOptions = {}): Claid {
  return createCoreClaid({ env: runtimeEnv(), ...options });
}

type RuntimeGlobals = {
  Deno?: { env?: { get(name: string): string | undefined } };
  process?: { env?: Record<string, string | undefined> };
};

/** CLAID_* variables from Deno.env or process.env, whichever exists; none on Workers. */
function runtimeEnv(): Record<string, string | undefined> {
  const { Deno, process } = globalThis as RuntimeGlobals;
  const read = (name: string): string | undefined => {
    try {
      return Deno?.env?.get(name) ?? process?.env?.[name];
    } catch {
      return undefined; // Deno without --allow-env
    }
  };
  return { CLAID_API_KEY: read("CLAID_API_KEY"), CLAID_BASE_URL: read("CLAID_BASE_URL") };
}
