/** `claid batch create --input-file`: chunking, the journal, interrupts and reruns, against the mock over HTTP. */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import type { BatchEditRequest } from "@claid/node";
import { describe, expect, it } from "vitest";
import { at, CLI, claid, KEY, useCliTest } from "./helpers.ts";

const { mock, dir } = useCliTest();

let files = 0;
/** A URL file in the test folder: `count` image URLs, with a comment and blank lines mixed in. */
function urlFile(count: number): string {
  const path = join(dir(), `urls-${++files}.txt`);
  const lines = ["# product shots", ""];
  for (let i = 1; i <= count; i++) lines.push(`https://img.example/${i}.png`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const bulk = (server: ClaidMockServer, file: string, ...flags: string[]) =>
  claid([...at(server), "batch", "create", "--input-file", file, ...flags]);

const inputsSent = (server: ClaidMockServer) =>
  [...server.store.tasks.values()].map((t) => (t.result.request as BatchEditRequest).input);

interface Report {
  journal: string;
  chunks: {
    number: number;
    urlCount: number;
    lines: [number, number];
    submission: string;
    taskId?: number;
    status?: string;
    fromJournal?: boolean;
  }[];
}

/** Starts `claid batch create` and resolves once the mock has received the `nth` POST. */
async function startUntilPost(server: ClaidMockServer, args: string[], nth: number) {
  const child = spawn(process.execPath, [CLI, ...at(server), "batch", "create", ...args], {
    env: { ...process.env, CLAID_API_KEY: KEY },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  while (server.store.requestsOf("create").length < nth) await new Promise((resolve) => setTimeout(resolve, 10));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** Sends `signal` to `claid batch create` once the mock has received the `nth` POST. */
async function interruptAtPost(server: ClaidMockServer, args: string[], nth: number, signal: NodeJS.Signals) {
  const run = await startUntilPost(server, args, nth);
  run.child.kill(signal);
  return { code: await run.exited, stderr: run.stderr };
}

/** The `nth` POST (1-based) is answered after `ms`; the others at once. */
function slowPost(server: ClaidMockServer, nth: number, ms: number) {
  for (let i = 1; i < nth; i++) server.store.injectFault({ type: "latency", ms: 0 }, { operation: "create" });
  server.store.injectFault({ type: "latency", ms }, { operation: "create" });
}

describe("batch create --input-file", () => {
  it("splits the URLs into --batch-size chunks, one POST each, and --json reports every chunk", async () => {
    const server = await mock();
    const file = urlFile(250);
    const run = await bulk(server, file, "--batch-size", "100", "--width", "300", "--json");
    expect(run.code).toBe(0);
    const sent = inputsSent(server);
    expect(sent.map((input) => (input as string[]).length)).toEqual([100, 100, 50]);
    expect((sent[2] as string[])[49]).toBe("https://img.example/250.png");
    expect([...server.store.tasks.values()][0]?.result.request?.operations).toEqual({ resizing: { width: 300 } });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.journal).toBe(`${file}.claid-journal`);
    expect(report.chunks).toEqual([
      { number: 1, urlCount: 100, lines: [3, 102], submission: "submitted", taskId: 1 },
      { number: 2, urlCount: 100, lines: [103, 202], submission: "submitted", taskId: 2 },
      { number: 3, urlCount: 50, lines: [203, 252], submission: "submitted", taskId: 3 },
    ]);
  });

  it("uses 100 URLs per batch by default", async () => {
    const server = await mock();
    expect((await bulk(server, urlFile(101))).code).toBe(0);
    expect(inputsSent(server).map((input) => (input as string[]).length)).toEqual([100, 1]);
  });

  it("--wait waits on every batch: a line per batch off a terminal, totals on stdout (--verbose: one line per batch); --json the summary; a rerun asks nothing again", async () => {
    const server = await mock({ pollsToComplete: 1 });
    const file = urlFile(5);
    const text = await bulk(server, file, "--batch-size", "2", "--wait");
    expect(text.code).toBe(0);
    for (const n of [1, 2, 3]) {
      expect(text.stderr).toContain(`chunk ${n}/3: submitted batch ${n} (${n === 3 ? "1 URL" : "2 URLs"})\n`);
      expect(text.stderr).toMatch(new RegExp(`chunk ${n}/3: batch ${n} DONE \\(\\d+s\\)\n`));
    }
    expect(text.stdout).toMatch(/^3 batches: 3 DONE\n5 images done, 0 failed\n\d+s; journal /);

    const polls = server.store.requestsOf("retrieve").length;
    const verbose = await bulk(server, file, "--batch-size", "2", "--wait", "--verbose");
    expect(verbose.stdout).toBe(
      "chunk 1/3  2 URLs  batch 1 DONE  2 done, 0 failed\nchunk 2/3  2 URLs  batch 2 DONE  2 done, 0 failed\nchunk 3/3  1 URL  batch 3 DONE  1 done, 0 failed\n",
    );
    const json = JSON.parse((await bulk(server, file, "--batch-size", "2", "--wait", "--json")).stdout) as Report;
    // The reruns submitted nothing and asked about nothing: the journal records every batch settled.
    expect(server.store.requestsOf("create")).toHaveLength(3);
    expect(server.store.requestsOf("retrieve")).toHaveLength(polls);
    expect(json.chunks.map((c) => [c.taskId, c.status, c.fromJournal])).toEqual([
      [1, "DONE", true],
      [2, "DONE", true],
      [3, "DONE", true],
    ]);
  });

  it("names every malformed line, exits 2 and sends nothing", async () => {
    const server = await mock();
    const file = join(dir(), "bad.txt");
    writeFileSync(
      file,
      "https://img.example/a.png\n\nnot a url\n# fine\nftp://img.example/b.png\nstorage://s/folder/\n",
    );
    const run = await bulk(server, file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `claid: --input-file ${file}: line 3: "not a url" contains whitespace (one URL per line; encode spaces as %20); line 5: "ftp://img.example/b.png" is not an http(s):// or storage:// URL; line 6: "storage://s/folder/" is a storage folder (a folder is a batch's whole input, not one image of a list).\n`,
    );
    expect(server.store.requests).toHaveLength(0);
    expect(existsSync(`${file}.claid-journal`)).toBe(false);
  });

  it("refuses --input with --input-file, a --batch-size below 1 and a file without URLs", async () => {
    const server = await mock();
    const both = await claid([...at(server), "batch", "create", "--input", "storage://s/in/", "--input-file", "x"]);
    expect(both).toMatchObject({ code: 2 });
    expect(both.stderr).toMatch(/'--input-file <file>' cannot be used with option '--input <uri\|url\.\.\.>'/);
    expect((await bulk(server, urlFile(3), "--batch-size", "0")).stderr).toMatch(
      /--batch-size must be a whole number of URLs, 1 or more/,
    );
    expect((await bulk(server, urlFile(0))).stderr).toMatch(/lists no URLs/);
    const sizeWithInput = await claid([
      ...at(server),
      "batch",
      "create",
      "--input",
      "storage://s/in/",
      "--batch-size",
      "5",
    ]);
    expect(sizeWithInput.stderr).toMatch(
      /--batch-size, --journal, --retry-unknown, --download and --verbose apply to --input-file/,
    );
    expect(server.store.requests).toHaveLength(0);
  });
});

describe("the journal", () => {
  it("kill -9 during a POST: the rerun reports that chunk as unknown and does not resubmit it; --retry-unknown does", async () => {
    const server = await mock();
    const file = urlFile(5);
    // Chunk 1's POST goes alone (the pacer learns the policy from its answer), then chunks 2 and 3's together.
    slowPost(server, 2, 800);
    server.store.injectFault({ type: "latency", ms: 800 }, { operation: "create" });
    const killed = await interruptAtPost(server, ["--input-file", file, "--batch-size", "2"], 3, "SIGKILL");
    expect(killed.code).toBe(null);
    // The POSTs the process died in still create their batches on the server.
    while (server.store.tasks.size < 3) await new Promise((resolve) => setTimeout(resolve, 20));

    const rerun = await bulk(server, file, "--batch-size", "2", "--json");
    expect(rerun.code).toBe(1);
    expect(server.store.requestsOf("create")).toHaveLength(3); // none of them again
    expect((JSON.parse(rerun.stdout) as Report).chunks.map((c) => [c.submission, c.taskId])).toEqual([
      ["submitted", 1],
      ["unknown", undefined],
      ["unknown", undefined],
    ]);
    expect(rerun.stderr).toBe(
      "claid: chunk 2 (lines 5–6): outcome unknown — the POST was sent but no usable answer came back, so the batch may exist. Check your Claid dashboard, then rerun with --retry-unknown to submit it again.\n" +
        "claid: chunk 3 (lines 7–7): outcome unknown — the POST was sent but no usable answer came back, so the batch may exist. Check your Claid dashboard, then rerun with --retry-unknown to submit it again.\n",
    );

    const retried = await bulk(server, file, "--batch-size", "2", "--retry-unknown");
    expect(retried.code).toBe(0);
    expect(retried.stdout).toMatch(
      /^chunk 1\/3 {2}2 URLs {2}batch 1\nchunk 2\/3 {2}2 URLs {2}batch [45]\nchunk 3\/3 {2}1 URL {2}batch [45]\n$/,
    );
    expect(server.store.requestsOf("create")).toHaveLength(5);
  });

  it.each([
    ["Ctrl-C", "SIGINT"],
    ["SIGTERM", "SIGTERM"],
  ] as const)(
    "%s during POSTs lets them finish and exits 130; the rerun submits the rest without duplicates",
    async (what, signal) => {
      const server = await mock();
      const file = urlFile(41);
      // Every POST is answered after 300 ms: at most 4 at once, so the 21 chunks take seconds to send.
      server.store.injectFault({ type: "latency", ms: 300 }, { operation: "create", times: 21 });
      const running = await startUntilPost(server, ["--input-file", file, "--batch-size", "2"], 4);
      expect(readdirSync(`${file}.claid-journal.lock`)).toEqual([
        expect.stringMatching(`^${running.child.pid}\\.[0-9a-f]+$`),
      ]);
      running.child.kill(signal);
      const stopped = { code: await running.exited, stderr: running.stderr };
      expect(stopped.code).toBe(130);
      expect(existsSync(`${file}.claid-journal.lock`)).toBe(false);
      expect(stopped.stderr()).toContain(`${what}: stopping once the POSTs in flight are answered`);
      // Every chunk read was submitted (none left unknown), and the last one at least was not read.
      const lines = running.stdout().trimEnd().split("\n");
      const submitted = lines.filter((line) => / {2}batch \d+$/.test(line)).length;
      expect(submitted).toBeGreaterThanOrEqual(4);
      expect(lines.slice(submitted)).toEqual(
        lines.slice(submitted).map(() => expect.stringMatching(/^chunk \d+\/21 {2}[12] URLs? {2}not submitted$/)),
      );
      expect(lines.at(-1)).toBe("chunk 21/21  1 URL  not submitted");
      expect(stopped.stderr()).toMatch(
        new RegExp(
          `Interrupted: ${submitted} of 21 chunks submitted; rerun the same command to submit the rest\\.\\n$`,
        ),
      );
      expect(server.store.requestsOf("create")).toHaveLength(submitted);

      const rerun = await bulk(server, file, "--batch-size", "2", "--json");
      expect(rerun.code).toBe(0);
      // Batch ids follow the POSTs' arrival, which is not the chunks' order when they go out together.
      const taskIds = (JSON.parse(rerun.stdout) as Report).chunks.map((c) => c.taskId);
      expect([...taskIds].sort((a = 0, b = 0) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      const sent = inputsSent(server).flat();
      expect(sent).toHaveLength(41);
      expect(new Set(sent).size).toBe(41);
    },
  );

  it("one run per journal: a lock held by a live process refuses the run, one left by a dead process is taken over", async () => {
    const server = await mock();
    const file = urlFile(4);
    const lock = `${file}.claid-journal.lock`;
    writeFileSync(lock, String(process.pid));
    const refused = await bulk(server, file, "--batch-size", "2");
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toBe(
      `claid: Another claid run (pid ${process.pid}) is using the journal ${file}.claid-journal: wait for it to finish (or delete ${lock} if that process is not claid).\n`,
    );
    expect(server.store.requests).toHaveLength(0);

    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    writeFileSync(lock, String(gone.pid));
    expect((await bulk(server, file, "--batch-size", "2")).code).toBe(0);
    expect(server.store.requestsOf("create")).toHaveLength(2);
    expect(existsSync(lock)).toBe(false);
  });

  it("a network error on a POST is an unknown outcome: the run stops there, the rerun skips that chunk", async () => {
    const server = await mock();
    const file = urlFile(6);
    server.store.injectFault({ type: "latency", ms: 0 }, { operation: "create" });
    // Chunk 1's POST goes alone; chunks 2 and 3's then go together, and both meet the fault.
    server.store.injectFault({ type: "network-error" }, { operation: "create", times: 2 });
    const run = await bulk(server, file, "--batch-size", "2", "--json");
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as Report).chunks.map((c) => c.submission)).toEqual([
      "submitted",
      "unknown",
      "unknown",
    ]);
    expect(run.stderr).toMatch(/^claid: chunk [23]\/3: POST \/v1\/image\/edit\/batch failed/);
    expect(run.stderr).toContain("claid: chunk 2 (lines 5–6): outcome unknown");
    expect(run.stderr).toContain("claid: chunk 3 (lines 7–8): outcome unknown");

    const rerun = await bulk(server, file, "--batch-size", "2", "--json");
    expect((JSON.parse(rerun.stdout) as Report).chunks.map((c) => c.submission)).toEqual([
      "submitted",
      "unknown",
      "unknown",
    ]);
    expect(server.store.requestsOf("create")).toHaveLength(3);
  });

  it("a refused POST (402) fails its chunk for sure: the run stops, the rerun submits it", async () => {
    const server = await mock();
    const file = urlFile(6);
    server.store.injectFault({ type: "latency", ms: 0 }, { operation: "create" });
    // Chunk 1's POST goes alone; chunks 2 and 3's then go together, and both are refused.
    server.store.injectFault({ type: "status", status: 402 }, { operation: "create", times: 2 });
    const run = await bulk(server, file, "--batch-size", "2");
    expect(run.code).toBe(1);
    const refused = (chunk: number) =>
      `chunk ${chunk}/3  2 URLs  not sent: 402 Payment Required: No API calls left\\. \\[error_type billing, error_code 120\\] \\(request id mock-00000[23]\\)`;
    expect(run.stdout).toMatch(new RegExp(`^chunk 1/3  2 URLs  batch 1\\n${refused(2)}\\n${refused(3)}\\n$`));
    const rerun = await bulk(server, file, "--batch-size", "2");
    expect(rerun.code).toBe(0);
    // Batch ids follow the POSTs' arrival, which is not the chunks' order when they go out together.
    expect(rerun.stdout).toMatch(
      /^chunk 1\/3 {2}2 URLs {2}batch 1\nchunk 2\/3 {2}2 URLs {2}batch [23]\nchunk 3\/3 {2}2 URLs {2}batch [23]\n$/,
    );
  });

  it("is not reused by a changed command (options, batch size or URLs)", async () => {
    const server = await mock();
    const file = urlFile(4);
    expect((await bulk(server, file, "--batch-size", "2", "--width", "100")).code).toBe(0);
    expect(server.store.requestsOf("create")).toHaveLength(2);

    const otherWidth = await bulk(server, file, "--batch-size", "2", "--width", "200");
    expect(otherWidth.stderr).toMatch(
      /note: .*\.claid-journal also records 2 batches submitted by a different command \(other URLs, batch size or options\); they are not reused\.\n/,
    );
    expect(server.store.requestsOf("create")).toHaveLength(4);
    await bulk(server, file, "--batch-size", "3", "--width", "100");
    expect(server.store.requestsOf("create")).toHaveLength(6);
    writeFileSync(file, `${readFileSync(file, "utf8")}https://img.example/new.png\n`);
    await bulk(server, file, "--batch-size", "2", "--width", "100");
    expect(server.store.requestsOf("create")).toHaveLength(9);
    expect(inputsSent(server).slice(-3)).toEqual([
      ["https://img.example/1.png", "https://img.example/2.png"],
      ["https://img.example/3.png", "https://img.example/4.png"],
      ["https://img.example/new.png"],
    ]);
  });

  it("tolerates a torn last line (a crash mid-write) and writes --journal where asked", async () => {
    const server = await mock();
    const file = urlFile(4);
    const journal = join(dir(), "custom.journal");
    expect((await bulk(server, file, "--batch-size", "2", "--journal", journal)).code).toBe(0);
    // Chunk 1's two records, then the start of a chunk 2 record cut short.
    const lines = readFileSync(journal, "utf8").trimEnd().split("\n");
    const chunkOne = lines.filter((line) => JSON.parse(line).chunk === 1);
    const chunkTwo = lines.find((line) => JSON.parse(line).chunk === 2) ?? "";
    writeFileSync(journal, `${chunkOne.join("\n")}\n${chunkTwo.slice(0, 30)}`);

    const rerun = await bulk(server, file, "--batch-size", "2", "--journal", journal, "--json");
    expect(rerun.code).toBe(0);
    expect((JSON.parse(rerun.stdout) as Report).chunks.map((c) => c.taskId)).toEqual([1, 3]);
    const records = readFileSync(journal, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.map((r) => [r.chunk, r.submission])).toEqual([
      [1, "submitting"],
      [1, "submitted"],
      [2, "submitting"],
      [2, "submitted"],
    ]);
  });
});

describe("the journal is kept per API and key", () => {
  it("the same --input-file against another server is submitted there; each server's rerun submits nothing", async () => {
    const [first, second] = [await mock(), await mock()];
    const file = urlFile(4);
    expect((await bulk(first, file, "--batch-size", "2")).code).toBe(0);

    const elsewhere = await bulk(second, file, "--batch-size", "2", "--json");
    expect(elsewhere.code).toBe(0);
    expect(second.store.requestsOf("create")).toHaveLength(2);
    expect((JSON.parse(elsewhere.stdout) as Report).chunks.map((c) => [c.submission, c.taskId])).toEqual([
      ["submitted", 1],
      ["submitted", 2],
    ]);
    const note = await bulk(first, file, "--batch-size", "2");
    expect(note.stderr).toContain(
      "also records 2 batches of this command submitted to another API or with another key; they are not reused here.",
    );
    await bulk(second, file, "--batch-size", "2");
    expect([first, second].map((s) => s.store.requestsOf("create").length)).toEqual([2, 2]);
  });

  it("with another key it is submitted again; the journal holds a hash of the key, never the key", async () => {
    const server = await mock({ apiKey: undefined }); // any well-formed key
    const file = urlFile(2);
    const otherKey = "cli-test-other-key-9876543210";
    expect((await bulk(server, file)).code).toBe(0);
    expect(
      (await claid([...at(server), "batch", "create", "--input-file", file], { env: { CLAID_API_KEY: otherKey } }))
        .code,
    ).toBe(0);
    expect(server.store.requestsOf("create")).toHaveLength(2);
    await bulk(server, file);
    await claid([...at(server), "batch", "create", "--input-file", file], { env: { CLAID_API_KEY: otherKey } });
    expect(server.store.requestsOf("create")).toHaveLength(2);
    const journal = readFileSync(`${file}.claid-journal`, "utf8");
    expect(journal).not.toContain(KEY);
    expect(journal).not.toContain(otherKey);
  });
});

describe("a POST that never reached a server", () => {
  // Needs core to report connection refused as outcomeUnknown: false (the transport change of #19 item 3).
  it("is journaled as not sent and submitted by the next run, without --retry-unknown", async () => {
    const down = createServer().listen(0, "127.0.0.1");
    await once(down, "listening");
    const { port } = down.address() as AddressInfo;
    down.close();
    const file = urlFile(2);
    const refused = await claid([
      "--base-url",
      `http://127.0.0.1:${port}`,
      "batch",
      "create",
      "--input-file",
      file,
      "--json",
    ]);
    expect(refused.code).toBe(1);
    expect((JSON.parse(refused.stdout) as Report).chunks.map((c) => c.submission)).toEqual(["not-sent"]);

    const server = await mock({ port });
    const rerun = await bulk(server, file, "--json");
    expect(rerun.code).toBe(0);
    expect(server.store.requestsOf("create")).toHaveLength(1);
  });
});
