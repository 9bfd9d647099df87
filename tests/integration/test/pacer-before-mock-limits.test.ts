/** Core's request pacer in front of the mock enforcing Claid's rate limits (moved from @claid/msw's rate-limit tests). */
import { CLAID_RATE_LIMIT, createRequestPacer } from "@claid/core";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { API_KEY, mock } from "./mock-handlers.ts";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

/** A GET of a task that does not exist: a 404 still counts against the key. */
async function get() {
  const response = await fetch("https://api.claid.ai/v1/image/edit/batch/1", {
    headers: { Authorization: `Bearer ${API_KEY}` },
  });
  return { status: response.status, headers: response.headers };
}

describe("with core's pacer in front", () => {
  it("a burst of 60 requests from a fresh pacer meets no 429 and no window over its quota", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 0 });
    try {
      const store = mock(server, { rateLimit: CLAID_RATE_LIMIT, now: () => Date.now() });
      const pacer = createRequestPacer();
      const paced = async () => {
        const release = await pacer.acquire({ kind: "poll" });
        const answer = await get();
        release(answer.headers);
        return answer.status;
      };
      const burst = Promise.all(Array.from({ length: 60 }, paced));
      let done = false;
      burst.finally(() => {
        done = true;
      });
      while (!done) await vi.advanceTimersToNextTimerAsync();
      expect(await burst).toEqual(Array(60).fill(404));
      const arrivals = store.requests.map((r) => r.at);
      for (const [quota, ms] of [
        [4, 1000],
        [120, 60_000],
      ] as const) {
        expect(arrivals.every((at, i) => i < quota || at - (arrivals[i - quota] as number) >= ms)).toBe(true);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
