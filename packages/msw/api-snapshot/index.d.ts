export { C as ClaidHandlersOptions, a as ClaidMockStore, M as MockFault, b as MockOperation, c as MockRequest, d as MockTask, T as TaskPlan, e as createClaidHandlers } from './handlers-CHDlT-M5.js';
import '@claid/core';
import 'msw';

/**
 * Claid's rate limits as the mock enforces them: per API key, every window of
 * the policy is a sliding window, announced in `RateLimit-*` headers on every answer.
 */

/** Claid's documented policy: 120 requests per minute and 4 per second, per key. */
declare const CLAID_RATE_LIMIT = "120;w=60, 4;w=1";

export { CLAID_RATE_LIMIT };
