/** What the Node-side drivers of the contract suite share: the suite's variables and checking its report. */

import type { ClaidMockServer } from "@claid/msw/node";
import { expect } from "vitest";
import { API_KEY, deadUrl } from "../../tests/support/mock-server.ts";
import type { ContractResult } from "./suite.ts";

/**
 * What a suite running in another process or isolate reads to reach the mock:
 * its URL, the key, and a URL that refuses connections.
 */
export async function suiteVariables(
  mock: ClaidMockServer,
): Promise<{ CLAID_MOCK_URL: string; CLAID_API_KEY: string; CLAID_DEAD_URL: string }> {
  return { CLAID_MOCK_URL: mock.url, CLAID_API_KEY: API_KEY, CLAID_DEAD_URL: await deadUrl() };
}

/** Asserts one runtime's report case by case, so a failure names the case and the reason. */
export function expectPassed(results: ContractResult[] | undefined, name: string): void {
  const result = results?.find((r) => r.name === name);
  expect(result, `no result for "${name}"`).toBeDefined();
  expect(result?.error).toBeUndefined();
  expect(result?.ok).toBe(true);
}
