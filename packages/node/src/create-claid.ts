// The Node client: core's, with the environment as default configuration.
import { type Claid, type ClaidOptions, createClaid as createCoreClaid } from "@claid/core";

/**
 * Creates a client. `apiKey` and `baseUrl` default to the `CLAID_API_KEY` and
 * `CLAID_BASE_URL` environment variables.
 *
 * @example
 * const claid = createClaid(); // reads CLAID_API_KEY
 * const result = await claid.batches.createAndWait({ input: "storage://s/in/", operations: {} });
 */
export function createClaid(options: ClaidOptions = {}): Claid {
  return createCoreClaid({ env: process.env, ...options });
}
