/**
 * Claid Batch API client for edge functions (Workers, Vercel Edge, Deno, Supabase, Netlify).
 * @packageDocumentation
 * @module @claid/edge
 */
import { type Claid, type ClaidOptions, createClaid as createCoreClaid, InvalidArgumentError } from "@claid/core";

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
  const env = runtimeEnv();
  if (options.apiKey === undefined && options.env?.CLAID_API_KEY === undefined && env.CLAID_API_KEY === undefined) {
    // Say what is really missing in this runtime, not only "set CLAID_API_KEY".
    if (env.denied) {
      throw new InvalidArgumentError({
        argument: "apiKey",
        problem: "is missing, and Deno denied reading CLAID_API_KEY.",
        hint: "Run with --allow-env=CLAID_API_KEY,CLAID_BASE_URL, or pass `apiKey`.",
      });
    }
    if ((globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === "Cloudflare-Workers") {
      throw new InvalidArgumentError({
        argument: "apiKey",
        problem: "is missing.",
        hint: "In a Cloudflare Worker, pass the Worker's env — createClaid({ env }) inside fetch(request, env) — with CLAID_API_KEY set as a secret (wrangler secret put CLAID_API_KEY).",
      });
    }
  }
  return createCoreClaid({ env, ...options });
}

type RuntimeGlobals = {
  Deno?: { env?: { get(name: string): string | undefined } };
  process?: { env?: Record<string, string | undefined> };
};

/** CLAID_* variables from Deno.env or process.env, whichever exists; none on Workers. `denied`: Deno refused. */
function runtimeEnv(): { CLAID_API_KEY?: string | undefined; CLAID_BASE_URL?: string | undefined; denied?: boolean } {
  const { Deno, process } = globalThis as RuntimeGlobals;
  let denied = false;
  const read = (name: string): string | undefined => {
    try {
      return Deno?.env?.get(name) ?? process?.env?.[name];
    } catch {
      denied = true; // Deno without --allow-env
      return undefined;
    }
  };
  return { CLAID_API_KEY: read("CLAID_API_KEY"), CLAID_BASE_URL: read("CLAID_BASE_URL"), denied };
}
