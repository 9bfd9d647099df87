/**
 * Against the mock: once a create succeeded, no error of
 * `createAndWait()` says that nothing was sent — it carries the batch's `taskId`.
 */

import { BatchWaitTimeoutError, type ClaidError, createClaid, NotFoundError } from "@claid/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../support/fake-clock.ts";
import { API_KEY, mock } from "./mock-handlers.ts";
import { seedRequest } from "./request-bodies.ts";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(useFakeClock);
afterEach(async () => {
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

describe("createAndWait() after a successful create", () => {
  it("client paced to 1;w=10, maxWaitMs 5000 (#19.1): BatchWaitTimeoutError with the taskId, one create", async () => {
    const store = mock(server, { rateLimit: false, pollsToComplete: 3 });
    const claid = createClaid({ apiKey: API_KEY, rateLimit: "1;w=10" });
    const outcome = await settle(claid.batches.createAndWait(seedRequest, { maxWaitMs: 5000, pollIntervalMs: 100 }));
    const error = (outcome as { error: ClaidError }).error;
    expect(error).toBeInstanceOf(BatchWaitTimeoutError);
    expect(error).toMatchObject({ taskId: 1, outcomeUnknown: false });
    expect(error.message).not.toMatch(/nothing was sent/i);
    expect(store.requestsOf("create")).toHaveLength(1);
    expect([...store.tasks.keys()]).toEqual([1]);
  });

  it("a poll answered 404: NotFoundError with the taskId and how to resume", async () => {
    const store = mock(server);
    store.injectFault({ type: "status", status: 404 }, { operation: "retrieve" });
    const outcome = await settle(createClaid({ apiKey: API_KEY }).batches.createAndWait(seedRequest));
    const error = (outcome as { error: ClaidError }).error;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ taskId: 1, outcomeUnknown: false });
    expect(error.hint).toMatch(/wait\(1\)/);
    expect(store.requestsOf("create")).toHaveLength(1);
  });
});
