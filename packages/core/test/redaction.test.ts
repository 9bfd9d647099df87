/**
 * The API key echoed back by a server, altered (percent-encoded, glued to other
 * characters, JSON-escaped, in another case, base64 or base64url-encoded alone or
 * inside a longer string), never reaches an error: not its message, stack,
 * util.inspect, JSON.stringify, body, headers, requestId, cause, or a failed batch.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { BatchFailedError, ClaidAPIError, createClaid } from "../src/index.ts";
import { redactor } from "../src/internal/errors.ts";
import { jsonResponse, stubFetch } from "./helpers.ts";

/** Printable ASCII with characters that URL and JSON encodings change. */
const KEY = 'sk_live+Zq/9=ab"c\\d~ef';

const base64 = (text: string) => Buffer.from(text).toString("base64");
const base64url = (text: string) => Buffer.from(text).toString("base64url");

/** Every form of the key that must not appear anywhere (in any case). */
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
  ["upper case", `token ${KEY.toUpperCase()}`],
  ["lower case", `token ${KEY.toLowerCase()}`],
  ["base64", `token ${base64(KEY)}`],
  ["base64 without padding", `token ${base64(KEY).replace(/=+$/, "")}`],
  ["base64url", `token ${base64url(KEY)}`],
  ["base64 of Bearer KEY", `auth ${base64(`Bearer ${KEY}`)}`],
  ["base64url of Bearer KEY, unpadded", `auth ${base64url(`Bearer ${KEY}`)}`],
  ["Basic auth with the key as password", `Basic ${base64(`user:${KEY}`)}`],
  ["base64 of a string with the key after 1 byte", base64(`x${KEY}y`)],
  ["base64 of a string with the key after 2 bytes", base64(`xx${KEY}yz`)],
  ["base64url of a string with the key after 2 bytes", base64url(`{"k":"${KEY}"}`)],
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

/**
 * What every run of base64 or base64url characters in `text` decodes to, read from
 * each of the 4 character offsets (an encoded key may start anywhere in a run).
 */
function base64Decodings(text: string): string[] {
  const runs = text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? [];
  return runs.flatMap((run) => [0, 1, 2, 3].map((shift) => Buffer.from(run.slice(shift), "base64").toString("latin1")));
}

/** No form of the key in the text, in any case, and no base64 run in it that decodes to the key. */
function expectNoKeyIn(text: string): void {
  for (const form of FORMS) expect(text.toLowerCase()).not.toContain(form.toLowerCase());
  for (const decoded of base64Decodings(text)) expect(decoded).not.toContain(KEY);
}

function expectNoKey(error: unknown): void {
  for (const text of texts(error)) expectNoKeyIn(text);
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
      expectNoKeyIn(JSON.stringify(data));
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
    ["in any case", "passwOrd", "PASSWORD, Password", "[redacted], [redacted]"],
    ["text that only resembles it", "password", "passwor d, pass word", "passwor d, pass word"],
  ])("%s", (_, key, text, expected) => {
    expect(redactor(key)(text)).toBe(expected);
  });

  // The base64 of a key depends on its byte offset in a 3-byte group: every offset, both alphabets.
  it.each(
    ["", "x", "xy", "Bearer ", "user:"].flatMap((before) =>
      ["", "!", "!?", "\n"].flatMap((after) =>
        (["base64", "base64url"] as const).map((alphabet) => [before, after, alphabet] as const),
      ),
    ),
  )("the %s of %j + key + %j leaves no run that decodes to the key", (before, after, alphabet) => {
    const encoded = Buffer.from(`${before}${KEY}${after}`).toString(alphabet);
    const redacted = redactor(KEY)(`seen: ${encoded}.`);
    expect(redacted).toContain("[redacted]");
    for (const decoded of base64Decodings(redacted)) expect(decoded).not.toContain(KEY);
  });

  it("leaves text without the key as it is (no key: nothing to redact)", () => {
    expect(redactor(null)("password")).toBe("password");
    expect(redact("100% sure, C:\\path")).toBe("100% sure, C:\\path");
  });
});
