/**
 * A hostile API on 127.0.0.1: it echoes the key back altered and answers strings
 * with terminal escape sequences. The CLI prints neither, with or without --json,
 * on stdout, on stderr, or in the bulk journal.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claid, useCliTest } from "./helpers.ts";

const { dir } = useCliTest();

/** Printable ASCII with characters that URL and JSON encodings change. */
const KEY = "cli+hostile/0123=456_789";
const KEY_FORMS = [KEY, encodeURIComponent(KEY), JSON.stringify(KEY).slice(1, -1)];
const base64 = (text: string) => Buffer.from(text).toString("base64");
/** How a server echoes the key, altered (also in upper case, base64 of `Bearer KEY`, base64url after 2 bytes). */
const ECHO = `Bearer%20${KEY} rid-${KEY} key_${KEY}\n${KEY}\t${encodeURIComponent(KEY)} ${KEY.toUpperCase()} ${base64(`Bearer ${KEY}`)} ${Buffer.from(`xy${KEY}`).toString("base64url")}`;

/** No form of the key in the output, in any case, and no base64 run in it that decodes to the key. */
function expectNoKeyIn(output: string): void {
  for (const form of KEY_FORMS) expect(output.toLowerCase()).not.toContain(form.toLowerCase());
  for (const run of output.match(/[A-Za-z0-9+/_-]{8,}/g) ?? [])
    for (const shift of [0, 1, 2, 3])
      expect(Buffer.from(run.slice(shift), "base64").toString("latin1")).not.toContain(KEY);
}

/**
 * Clipboard write (OSC 52), screen clear, a forged link (OSC 8), a C1 CSI, a bidi override, and
 * invisible characters (zero-width space, soft hyphen, Hangul filler, variation selector, a tag, U+1D173).
 */
const HOSTILE =
  "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1b]8;;https://evil.test\x1b\\link\x1b]8;;\x1b\\\u009b31m\u202e\u200b\u00ad\u3164\ufe0f\u{e0041}\u{1d173}";
/** Raw characters a terminal acts on or that hide text (a line break is the CLI's own). */
const RAW_CONTROL = /(?!\n)[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

const image = (ext: string, extra: Record<string, unknown> = {}) => ({
  ext,
  mps: 0.01,
  mime: "image/png",
  format: "png",
  width: 100,
  height: 100,
  ...extra,
});

/** Answers every GET of a batch with `batch`, every POST with `create`. */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function hostileApi(answer: Handler): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => answer(request, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const created = { id: 7, status: "ACCEPTED", created_at: "2026-11-27T08:00:00+00:00", request: {} };
const ended = (status: string) => ({
  data: {
    ...created,
    status,
    results: [
      {
        input_object: image(`png${HOSTILE}`),
        output_object: image(`jpg${HOSTILE}`, { tmp_url: `https://tmp.example/${HOSTILE}${ECHO}` }),
      },
    ],
    errors: [{ error: `unreadable ${HOSTILE} ${ECHO}` }],
  },
});
const apiError = (status: number): Handler =>
  json(
    status,
    { error_message: `bad key ${ECHO} ${HOSTILE}`, error_type: "auth", error_code: "1", error_details: {} },
    { "x-request-id": `rid-${KEY}` },
  );

/** A DONE batch whose one output is in the user's storage: `batch download` reports its URI, fetches nothing. */
const stored = {
  data: {
    ...created,
    status: "DONE",
    results: [
      {
        input_object: image("png"),
        output_object: image("png", { object_uri: `storage://s/out/${HOSTILE}${ECHO}.png` }),
      },
    ],
  },
};

/** [case, the server's answers, argv ("DIR" is replaced by a temporary folder), exit code]. */
const CASES: [string, Handler, string[], number][] = [
  [
    "batch download: a stored output's URI with escape sequences",
    json(200, stored),
    ["batch", "download", "7", "--dir", "DIR"],
    0,
  ],
  ["batch get: a DONE batch with hostile strings", json(200, ended("DONE")), ["batch", "get", "7"], 0],
  [
    "batch get: a status with escape sequences",
    json(200, { data: { ...created, status: `DONE${HOSTILE}` } }),
    ["batch", "get", "7"],
    0,
  ],
  ["batch wait: a failed batch", json(200, ended("ERROR")), ["batch", "wait", "7"], 3],
  ["batch get: a 401 echoing the key", apiError(401), ["batch", "get", "7"], 1],
  [
    "batch get --debug: a 401 echoing the key (the stack printed too)",
    apiError(401),
    ["--debug", "batch", "get", "7"],
    1,
  ],
  [
    "batch create: a 500 echoing the key (outcome unknown)",
    apiError(500),
    ["batch", "create", "--input", "storage://s/in/"],
    1,
  ],
  [
    "batch create --wait: the poll answers 404 echoing the key",
    (request, response) =>
      request.method === "POST" ? json(200, { data: created })(request, response) : apiError(404)(request, response),
    ["batch", "create", "--input", "storage://s/in/", "--wait"],
    1,
  ],
];

describe("no key and no raw control character reaches the terminal", () => {
  it.each(
    CASES.flatMap(([name, answer, argv, code]) =>
      [false, true].map((asJson) => [name, asJson, answer, argv, code] as const),
    ),
  )("%s (--json: %s)", async (_, asJson, answer, argv, code) => {
    const url = await hostileApi(answer);
    const args = argv.map((arg) => (arg === "DIR" ? join(dir(), "out") : arg));
    const run = await claid(["--base-url", url, ...args, ...(asJson ? ["--json"] : [])], {
      env: { CLAID_API_KEY: KEY },
    });
    expect(run.code).toBe(code);
    for (const output of [run.stdout, run.stderr]) {
      expectNoKeyIn(output);
      expect(output).not.toMatch(RAW_CONTROL);
    }
    // Something was printed: the test saw the hostile strings' place, escaped.
    expect(`${run.stdout}${run.stderr}`).toMatch(/\\x1b|\\u001b|\[redacted\]/);
    if (asJson) JSON.parse(run.stdout);
  });

  it("the bulk journal and its lines keep no key", async () => {
    const url = await hostileApi(apiError(401));
    const input = join(dir(), "urls.txt");
    writeFileSync(input, "https://img.example/a.png\n");
    for (const asJson of [false, true]) {
      const run = await claid(
        ["--base-url", url, "batch", "create", "--input-file", input, ...(asJson ? ["--json"] : [])],
        {
          env: { CLAID_API_KEY: KEY },
        },
      );
      expect(run.code).toBe(1);
      const journal = readFileSync(`${input}.claid-journal`, "utf8");
      for (const output of [run.stdout, run.stderr, journal]) {
        expectNoKeyIn(output);
        expect(output).not.toMatch(RAW_CONTROL);
      }
    }
  });
});
