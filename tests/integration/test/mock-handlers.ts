/** The @claid/msw mock's handlers on a test's msw server, with the key the tests' clients send. */
import { type ClaidHandlersOptions, ClaidMockStore, createClaidHandlers } from "@claid/msw";
import type { SetupServer } from "msw/node";

/** Fresh mock handlers (and store) on the shared server. */
export function mock(server: SetupServer, options: ClaidHandlersOptions = {}): ClaidMockStore {
  const store = options.store ?? new ClaidMockStore();
  server.resetHandlers(...createClaidHandlers({ apiKey: API_KEY, pollsToComplete: 1, ...options, store }));
  return store;
}

export const API_KEY = "sk-live-0123456789abcdef-secret";
