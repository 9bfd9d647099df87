/**
 * One create, one batch: a POST is sent again only when the earlier attempt provably
 * reached no server (or with `retryNonIdempotent`), a redirected POST is outcome-unknown,
 * a failure before anything was sent is not, and every error after a successful create
 * carries the batch's `taskId`.
 */
import { createServer } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, useFakeClock } from "../../../tests/support/fake-clock.ts";
import {
  AuthenticationError,
  BatchWaitTimeoutError,
  ClaidAPIError,
  ClaidConnectionError,
  type ClaidError,
  createClaid,
  InvalidResponseError,
  NotFoundError,
} from "../src/index.ts";
import { ACCEPTED, jsonResponse, stubFetch } from "./helpers.ts";

const KEY = "sk-billing-0123456789abcdef";
const body = { input: "storage://s/in/", operations: {} };
const posts = (requests: Request[]) => requests.filter((r) => r.method === "POST").length;

// Backoff without the jitter's wait: the stub answers at once, and the real-fetch cases need only one retry.
beforeEach(() => {
  vi.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A fetch failure shaped like undici's: `TypeError("fetch failed")` with the system error as its cause. */
function undiciError(code: string | undefined, message = `connect ${code}`): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(message), code ? { code } : {}) });
}

describe("a redirected POST is never followed nor sent again: its outcome is unknown", () => {
  it("303 → (GET 429 Retry-After: 0) sends one POST, not three", async () => {
    const answers = Array.from({ length: 6 }, (_, i) =>
      i % 2 === 0
        ? new Response(null, { status: 303, headers: { Location: "/v1/image/edit/batch/7" } })
        : jsonResponse(429, {}, { "Retry-After": "0" }),
    );
    const stub = stubFetch(...answers);
    const error = (await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.create(body)
      .catch((e: unknown) => e)) as ClaidAPIError;
    expect(stub.requests.map((r) => r.method)).toEqual(["POST"]);
    expect(error).toBeInstanceOf(ClaidAPIError);
    expect(error).toMatchObject({ status: 303, outcomeUnknown: true, attempts: 1 });
    expect(error.message).toContain("It redirects to /v1/image/edit/batch/7, which was not followed.");
    expect(error.message).toMatch(/may or may not have been created/);
  });

  it.each([301, 302, 303, 307, 308])(
    "%i → (GET 404) is outcome-unknown, not a NotFoundError, even with retryNonIdempotent",
    async (status) => {
      const stub = stubFetch(
        new Response(null, { status, headers: { Location: "https://api.claid.ai/v1/image/edit/batch/7" } }),
        jsonResponse(404, {}),
        jsonResponse(200, ACCEPTED),
      );
      const error = (await createClaid({ apiKey: KEY, fetch: stub.fetch, retryNonIdempotent: true })
        .batches.create(body)
        .catch((e: unknown) => e)) as ClaidError;
      expect(error).not.toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status, outcomeUnknown: true, attempts: 1 });
      expect(stub.requests).toHaveLength(1);
    },
  );
});

describe("with retryNonIdempotent, a create stays outcome-unknown once any attempt may have created it", () => {
  it.each([
    ["503, then 422", [jsonResponse(503, {}), jsonResponse(422, {})]],
    [
      "a reset, then 429 × 2",
      [undiciError("ECONNRESET", "read ECONNRESET"), jsonResponse(429, {}), jsonResponse(429, {})],
    ],
    [
      "a 504, then connection refused × 2",
      [jsonResponse(504, {}), undiciError("ECONNREFUSED"), undiciError("ECONNREFUSED")],
    ],
  ])("%s", async (_, answers) => {
    const stub = stubFetch(...answers);
    const error = (await createClaid({ apiKey: KEY, fetch: stub.fetch, retryNonIdempotent: true })
      .batches.create(body)
      .catch((e: unknown) => e)) as ClaidError;
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: answers.length });
    expect(error.hint).toMatch(/^An earlier attempt may have created the batch/);
  });
});

it("with retryNonIdempotent, a retry that cannot get a rate-limit slot in time is still outcome-unknown", async () => {
  useFakeClock();
  try {
    const stub = stubFetch(jsonResponse(503, {}), jsonResponse(200, ACCEPTED));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, rateLimit: "1;w=10", retryNonIdempotent: true });
    const outcome = await settle(claid.batches.createAndWait(body, { maxWaitMs: 5000 }));
    const error = (outcome as { error: ClaidError }).error;
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect(error.message).not.toMatch(/nothing was sent\.$/);
    expect(stub.requests).toHaveLength(1);
  } finally {
    vi.useRealTimers();
  }
});

describe("known-not-sent is not unknown: retried like a safe request, and says nothing was sent", () => {
  const NOT_SENT = [
    ["connection refused", undiciError("ECONNREFUSED")],
    ["DNS: no such name", undiciError("ENOTFOUND", "getaddrinfo ENOTFOUND api.claid.invalid")],
    ["DNS: temporary failure", undiciError("EAI_AGAIN", "getaddrinfo EAI_AGAIN api.claid.ai")],
    ["a port the Fetch standard blocks", undiciError(undefined, "bad port")],
    ["a TLS handshake failure", undiciError("ERR_SSL_WRONG_VERSION_NUMBER", "wrong version number")],
    ["an untrusted certificate", undiciError("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate")],
    [
      "every address refused (happy eyeballs)",
      new TypeError("fetch failed", {
        cause: Object.assign(
          new AggregateError([undiciError("ECONNREFUSED").cause, undiciError("ECONNREFUSED").cause]),
          {
            code: "ECONNREFUSED",
          },
        ),
      }),
    ],
  ] as const;

  it.each(NOT_SENT)("%s: outcomeUnknown false, retried, then the create goes through once", async (_, failure) => {
    const stub = stubFetch(failure, failure, jsonResponse(200, ACCEPTED));
    const accepted = await createClaid({ apiKey: KEY, fetch: stub.fetch }).batches.create(body);
    expect(accepted.id).toBe(7);
    expect(posts(stub.requests)).toBe(3);
  });

  it.each(NOT_SENT)("%s, every attempt: ClaidConnectionError, outcomeUnknown false", async (_, failure) => {
    const stub = stubFetch(failure, failure, failure);
    const error = (await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.create(body)
      .catch((e: unknown) => e)) as ClaidError;
    expect(error).toBeInstanceOf(ClaidConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: false, attempts: 3 });
    expect(error.message).toMatch(/before anything reached the server.*Nothing was sent\.$/);
    expect(error.message).not.toMatch(/may or may not/);
  });

  it.each([
    ["a reset after connecting", undiciError("ECONNRESET", "read ECONNRESET")],
    ["the other side closed", undiciError("UND_ERR_SOCKET", "other side closed")],
    ["a failure without a cause (browsers)", new TypeError("Failed to fetch")],
    [
      "one address refused, another reset",
      new TypeError("fetch failed", {
        cause: new AggregateError([undiciError("ECONNREFUSED").cause, undiciError("ECONNRESET").cause]),
      }),
    ],
  ])("%s stays outcome-unknown and is not retried", async (_, failure) => {
    const stub = stubFetch(failure, jsonResponse(200, ACCEPTED));
    const error = (await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.create(body)
      .catch((e: unknown) => e)) as ClaidError;
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect(error.message).toMatch(/may or may not have been created/);
    expect(stub.requests).toHaveLength(1);
  });

  describe("with the real fetch", () => {
    let closedPort = 0;
    beforeEach(async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      closedPort = (server.address() as { port: number }).port;
      await new Promise((resolve) => server.close(resolve));
    });

    it.each([
      ["a closed port on 127.0.0.1", () => `http://127.0.0.1:${closedPort}`, /ECONNREFUSED/],
      ["port 0", () => "http://127.0.0.1:0", /ECONNREFUSED/],
      ["a blocked port", () => "http://127.0.0.1:6000", /bad port/],
      ["a name under .invalid (RFC 6761)", () => "https://api.claid-sdk-test.invalid", /ENOTFOUND|EAI_AGAIN/],
    ])("%s: retried, then outcomeUnknown false", async (_, baseUrl, cause) => {
      const error = (await createClaid({ apiKey: KEY, baseUrl: baseUrl(), maxRetries: 1, rateLimit: false })
        .batches.create(body)
        .catch((e: unknown) => e)) as ClaidError;
      expect(error).toBeInstanceOf(ClaidConnectionError);
      expect(error).toMatchObject({ outcomeUnknown: false, attempts: 2 });
      expect(error.message).toMatch(cause);
      expect(error.message).toMatch(/Nothing was sent\.$/);
    });
  });
});

describe("every error after a successful create carries its taskId", () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  it("a rate-limit slot past maxWaitMs after the create: BatchWaitTimeoutError with the taskId, not 'nothing was sent'", async () => {
    const stub = stubFetch(jsonResponse(200, ACCEPTED));
    const claid = createClaid({ apiKey: KEY, fetch: stub.fetch, rateLimit: "1;w=10" });
    const outcome = await settle(claid.batches.createAndWait(body, { maxWaitMs: 5000, pollIntervalMs: 100 }));
    const error = (outcome as { error: ClaidError }).error;
    expect(error).toBeInstanceOf(BatchWaitTimeoutError);
    expect(error).toMatchObject({ taskId: 7, outcomeUnknown: false });
    expect(error.message).not.toMatch(/nothing was sent/i);
    expect(error.message).toMatch(/batch 7/);
    expect(stub.requests).toHaveLength(1);
  });

  it.each([
    ["404", [jsonResponse(404, {})], NotFoundError],
    // (5xx, 429 and connection failures are ridden out by the wait: wait-outages.test.ts)
    ["401", [jsonResponse(401, {})], AuthenticationError],
    ["a malformed answer", [jsonResponse(200, { data: { id: 7 } })], InvalidResponseError],
  ] as const)("a poll failing with %s: the error has taskId and says how to resume", async (_, answers, ErrorClass) => {
    const stub = stubFetch(jsonResponse(200, ACCEPTED), ...answers);
    const outcome = await settle(createClaid({ apiKey: KEY, fetch: stub.fetch }).batches.createAndWait(body));
    const error = (outcome as { error: ClaidError }).error;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ taskId: 7, outcomeUnknown: false });
    expect(error.hint).toMatch(/^Batch 7 was created and keeps running: wait for it with wait\(7\)/);
    expect(error.message.endsWith(error.hint as string)).toBe(true);
    expect(posts(stub.requests)).toBe(1);
  });

  it("a create answered 2xx with an id but an otherwise malformed batch yields that id (the batch exists)", async () => {
    const stub = stubFetch(jsonResponse(200, { data: { id: 41, status: 5 } }));
    const accepted = await createClaid({ apiKey: KEY, fetch: stub.fetch, retryNonIdempotent: true }).batches.create(
      body,
    );
    expect(accepted.id).toBe(41);
    expect(stub.requests).toHaveLength(1);
  });
});
