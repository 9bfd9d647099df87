/**
 * The API key echoed back by a server, altered (percent-encoded, glued to other
 * characters, JSON-escaped), never reaches an error: not its message, stack,
 * util.inspect, JSON.stringify, body, headers, requestId, cause, or a failed batch.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { BatchFailedError, ClaidAPIError, createClaid } from "../src/index.ts";
import { redactor } from "../src/internal/errors.ts";
import { jsonResponse, stubFetch } from "./helpers.ts";

/** Printable ASCII with characters that URL and JSON encodings change. */
const KEY = 'sk_live+Zq/9=ab"c\\d~ef';

/** Every form of the key that must not appear anywhere. */
const FORMS = [
  KEY,
  encodeURIComponent(KEY),
  JSON.stringify(KEY).slice(1, -1),
  JSON.stringify(JSON.stringify(KEY).slice(1, -1)).slice(1, -1),
];

/** Ways a hostile or careless server echoes the key. */
const ECHOES: [string, string][] = [
  ["glued after a %20", `Bearer%20${KEY}`],
  ["after a hyphen", `rid-${KEY}`],
  ["after an underscore", `key_${KEY}`],
  ["after a newline", `\n${KEY}`],
  ["after a tab", `\t${KEY}`],
  ["inside a word", `x${KEY}y`],
  ["percent-encoded", `token=${encodeURIComponent(KEY)}&x=1`],
  ["every character %XX (lower case)", [...KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("")],
  ["some characters %XX", `${KEY.slice(0, 3)}%${KEY.charCodeAt(3).toString(16).toUpperCase()}${KEY.slice(4)}`],
];

/** Where an error carries server text. */
const CARRIERS: [string, (echo: string) => Response][] = [
  ["a JSON error_message", (echo) => jsonResponse(401, { error_message: echo, error_type: "auth", error_code: "1" })],
  ["a JSON body of another shape", (echo) => jsonResponse(401, { detail: [echo] })],
  [
    "a JSON property name",
    (echo) => jsonResponse(401, { [echo]: 1, error_message: "bad", error_type: "auth", error_code: "1" }),
  ],
  ["a text body", (echo) => new Response(`Invalid token: ${echo}`, { status: 401 })],
  ["a response header", (echo) => jsonResponse(500, {}, { "X-Echo": echo.replace(/[\n\t]/g, " ") })],
  ["x-request-id", (echo) => jsonResponse(500, {}, { "x-request-id": echo.replace(/[\n\t]/g, " ") })],
];

/** Everything a user or a log may see of an error. */
function texts(error: unknown): string[] {
  const e = error as {
    stack?: string;
    body?: unknown;
    headers?: Headers;
    requestId?: string;
    result?: unknown;
    hint?: string;
  };
  return [
    String(error),
    `${e.stack}`,
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY }),
    JSON.stringify(e.body ?? null),
    JSON.stringify([...(e.headers?.entries() ?? [])]),
    `${e.requestId}`,
    JSON.stringify(e.result ?? null),
    `${e.hint}`,
  ];
}

function expectNoKey(error: unknown): void {
  for (const text of texts(error)) for (const form of FORMS) expect(text).not.toContain(form);
}

describe("the key never reaches an error, however the server alters it", () => {
  const cases = CARRIERS.flatMap(([carrier, answer]) =>
    ECHOES.map(([how, echo]) => [carrier, how, answer, echo] as const),
  );
  it.each(cases)("in %s, %s", async (_carrier, _how, answer, echo) => {
    const stub = stubFetch(answer(echo));
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch, maxRetries: 0 })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaidAPIError);
    expectNoKey(error);
  });

  it.each(ECHOES)("in a failed batch's errors[].error (BatchFailedError message and result), %s", async (_, echo) => {
    const failed = { id: 7, status: "ERROR", created_at: "2026-11-27T08:00:00+00:00", errors: [{ error: echo }] };
    const stub = stubFetch(jsonResponse(200, { data: failed }));
    const error = await createClaid({ apiKey: KEY, fetch: stub.fetch })
      .batches.wait(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchFailedError);
    expect((error as BatchFailedError).taskId).toBe(7);
    expectNoKey(error);
  });

  it.each(ECHOES)(
    "in a batch that echoes it in a URL and an error string (not an error: the data), %s",
    async (_, echo) => {
      const done = {
        id: 7,
        status: "DONE",
        created_at: "2026-11-27T08:00:00+00:00",
        errors: [{ error: echo }],
        result_url: `https://api.example.test/${encodeURIComponent(echo)}`,
      };
      const stub = stubFetch(jsonResponse(200, { data: done }));
      const data = await createClaid({ apiKey: KEY, fetch: stub.fetch }).batches.retrieve(7);
      expect(data).toMatchObject({ id: 7, status: "DONE" });
      for (const form of FORMS) expect(JSON.stringify(data)).not.toContain(form);
    },
  );

  it.each(ECHOES)("in a connection error's cause, %s", async (_, echo) => {
    const failing = async () => {
      throw new TypeError("fetch failed", { cause: new Error(`socket ${echo}`) });
    };
    const error = await createClaid({ apiKey: KEY, fetch: failing, maxRetries: 0 })
      .batches.retrieve(7)
      .catch((e: unknown) => e);
    expectNoKey(error);
  });
});

describe("redactor", () => {
  const redact = redactor("password");

  it("replaces the key as a substring (keys are at least 8 characters), even inside longer words", () => {
    expect(redact("Use password-reset: passwords expire; password rejected.")).toBe(
      "Use [redacted]-reset: [redacted]s expire; [redacted] rejected.",
    );
  });

  it.each([
    ["some characters %XX, either case", "passwOrd", "p%61ssw%4Frd!", "[redacted]!"],
    ["every character %XX", "password", "%70%61%73%73%77%6f%72%64", "[redacted]"],
    ["only the key's own characters: O is not o", "passwOrd", "password", "password"],
    ["text that only resembles it", "password", "passwor d, pass word", "passwor d, pass word"],
  ])("%s", (_, key, text, expected) => {
    expect(redactor(key)(text)).toBe(expected);
  });

  it("leaves text without the key as it is (no key: nothing to redact)", () => {
    expect(redactor(null)("password")).toBe("password");
    expect(redact("100% sure, C:\\path")).toBe("100% sure, C:\\path");
  });
});
