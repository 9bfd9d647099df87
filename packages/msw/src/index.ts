/**
 * MSW handlers that mock Claid's Batch API from its OpenAPI spec.
 * @packageDocumentation
 * @module @claid/msw
 */

/** Claid's documented rate limits (owned by `@claid/core`), re-exported for mock users. */
export { CLAID_RATE_LIMIT } from "@claid/core";
export { createClaidHandlers } from "./handlers.ts";
export type { ClaidHandlersOptions } from "./options.ts";
export {
  ClaidMockStore,
  type ClaidMockStoreOptions,
  type MockFault,
  type MockOperation,
  type MockRequest,
  type MockTask,
  type TaskPlan,
} from "./store.ts";
