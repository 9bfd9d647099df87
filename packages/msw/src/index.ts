/**
 * MSW handlers that mock Claid's Batch API from its OpenAPI spec.
 * @packageDocumentation
 * @module @claid/msw
 */
export { type ClaidHandlersOptions, createClaidHandlers } from "./handlers.ts";
export { CLAID_RATE_LIMIT } from "./rate-limit.ts";
export {
  ClaidMockStore,
  type MockFault,
  type MockOperation,
  type MockRequest,
  type MockTask,
  type TaskPlan,
} from "./store.ts";
