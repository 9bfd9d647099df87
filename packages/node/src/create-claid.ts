// The Node client: core's, with the environment as default configuration and diagnostics_channel publishing.
import { type Claid, type ClaidOptions, createClaid as createCoreClaid } from "@claid/core";
import { withChannels } from "./channels.ts";

/**
 * Creates a client. `apiKey` and `baseUrl` default to the `CLAID_API_KEY` and
 * `CLAID_BASE_URL` environment variables. Its telemetry events are also published on
 * `diagnostics_channel` (`claid:attempt:start`, `claid:attempt:end`, `claid:pacer:wait`,
 * `claid:wait:start`, `claid:wait:status`, `claid:wait:end`; see the README's Observability section).
 *
 * @example
 * const claid = createClaid(); // reads CLAID_API_KEY
 * const result = await claid.batches.createAndWait({ input: "storage://s/in/", operations: {} });
 */
export function createClaid(options: ClaidOptions = {}): Claid {
  return createCoreClaid({ env: process.env, ...options, telemetry: withChannels(options.telemetry) });
}
