/** downloadResults() against the spec mock and against a hostile file host on 127.0.0.1. */
import { createHash } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { safeFileName, uniqueNames } from "../src/download/file-names.ts";
import {
  type BatchResult,
  createClaid,
  DownloadError,
  type DownloadProgress,
  downloadResults,
  InvalidArgumentError,
  MANIFEST_FILE,
  type ManifestEntry,
} from "../src/index.ts";
import { bytesOf, closedPort, createFileHost, type FileHost, serve } from "./file-host.ts";

const KEY = "node-test-key-0123456789";
let mock: ClaidMockServer;
let host: FileHost;
let dir: string;

beforeAll(async () => {
  mock = await createClaidMockServer({ apiKey: KEY, pollsToComplete: 1 });
});
afterAll(() => mock.close());
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "claid-download-"));
  mock.store.reset();
  host = await createFileHost();
});
afterEach(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const OBJECT = { ext: "png", mps: 1, mime: "image/png", format: "PNG", width: 1, height: 1 };

/** A DONE batch whose results are the given output objects (a string is a tmp_url). */
function batchOf(outputs: (string | Record<string, unknown>)[], id = 7): BatchResult {
  return {
    id,
    status: "DONE",
    created_at: "2026-11-27T09:00:00Z",
    request: {},
    results: outputs.map((output) => ({
      input_object: OBJECT,
      output_object: typeof output === "string" ? { ...OBJECT, tmp_url: output } : { ...OBJECT, ...output },
    })),
  } as BatchResult;
}

/** Serves each path with distinct bytes; returns the batch pointing at them. */
function hosted(paths: string[], size = 2000): BatchResult {
  paths.forEach((path, i) => {
    host.route(path, serve(bytesOf(size, i + 1)));
  });
  return batchOf(paths.map((path) => `${host.origin}${path}`));
}

const files = () => readdirSync(dir).sort();
const names = (paths: { path: string }[]) => paths.map((p) => p.path.slice(dir.length + 1));
const manifest = (): ManifestEntry[] =>
  readFileSync(join(dir, MANIFEST_FILE), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ManifestEntry);
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("downloadResults against the mock API", () => {
  async function finishedBatch(input: string[] | string): Promise<BatchResult> {
    const claid = createClaid({ apiKey: KEY, baseUrl: mock.url });
    return claid.batches.createAndWait({ input, operations: {}, output: { format: "png" } });
  }

  it("streams every output to a file named after it, into a folder it creates, without the key", async () => {
    const result = await finishedBatch(["https://img.example/a.png", "https://img.example/b.png"]);
    const target = join(dir, "new", "folder");
    const report = await downloadResults(result, target);
    expect(report.failed).toEqual([]);
    expect(report.written.map((f) => f.path)).toEqual(["a.png", "b.png"].map((f) => join(target, f)));
    for (const file of report.written) {
      expect(statSync(file.path).size).toBe(file.bytes);
      expect(readFileSync(file.path, "latin1")).toMatch(/^.PNG[\s\S]*IEND[\s\S]{4}$/); // whole images, as the mock serves them
    }
    const downloads = mock.store.requestsOf("download");
    expect(downloads).toHaveLength(2);
    expect(downloads.every((d) => !d.authorized && d.url.startsWith(mock.storageUrl))).toBe(true);
  });

  it("reports outputs stored in the user's storage (no tmp_url) as stored, not failed, and creates no folder", async () => {
    const claid = createClaid({ apiKey: KEY, baseUrl: mock.url });
    const result = await claid.batches.createAndWait({
      input: "storage://s/in/",
      operations: {},
      output: "storage://s/out/",
    });
    const target = join(dir, "unused");
    const report = await downloadResults(result, target);
    expect(report).toMatchObject({ written: [], skipped: [], failed: [] });
    expect(report.stored).toEqual([
      { index: 0, uri: "storage://s/out/image-1.jpeg" },
      { index: 1, uri: "storage://s/out/image-2.jpeg" },
    ]);
    expect(existsSync(target)).toBe(false);
  });
});

describe("names", () => {
  it("keeps colliding names apart: /1/a.png, /2/a.png, /3/a-2.png and case variants", async () => {
    const result = hosted(["/1/a.png", "/2/a.png", "/3/a-2.png", "/4/B.png", "/5/b.PNG"]);
    const report = await downloadResults(result, dir, { hash: "sha256" });
    expect(report.failed).toEqual([]);
    expect(names(report.written)).toEqual(["a.png", "a-3.png", "a-2.png", "B.png", "b-2.PNG"]);
    // Five distinct files, each with its own bytes.
    expect(new Set(report.written.map((f) => f.sha256)).size).toBe(5);
    for (const file of report.written) expect(sha256(file.path)).toBe(file.sha256);
  });

  it("with overwrite: true, still never lets one result replace another", async () => {
    const result = hosted(["/1/a.png", "/2/a.png", "/3/a-2.png"]);
    const report = await downloadResults(result, dir, { overwrite: true });
    expect(names(report.written)).toEqual(["a.png", "a-3.png", "a-2.png"]);
    expect(files()).toEqual([MANIFEST_FILE, "a-2.png", "a-3.png", "a.png"]);
  });

  it("shortens a 300-character name to 255 bytes, keeping the extension, and saves it with the others", async () => {
    const long = `${"x".repeat(300)}.png`;
    const wide = `${"é".repeat(200)}.webp`; // 2 bytes each in UTF-8
    const result = hosted([`/1/${long}`, `/2/${encodeURIComponent(wide)}`, "/3/ok.png"]);
    const report = await downloadResults(result, dir);
    expect(report.failed).toEqual([]);
    const [first, second, third] = names(report.written);
    expect(first).toBe(`${"x".repeat(251)}.png`);
    expect(Buffer.byteLength(second ?? "")).toBeLessThanOrEqual(255);
    expect(second).toMatch(/^é+\.webp$/);
    expect(third).toBe("ok.png");
  });

  it("makes separators, dot names, control characters and Windows device names safe", () => {
    expect(safeFileName("../../etc/passwd", "f.bin")).toBe("_.._etc_passwd");
    expect(safeFileName("..", "f.bin")).toBe("f.bin");
    expect(safeFileName(" .hidden.png. ", "f.bin")).toBe("hidden.png");
    expect(safeFileName("a\u0000b\nc\u202Egnp.exe", "f.bin")).toBe("a_b_cgnp.exe");
    expect(safeFileName('we<i>r:d"|?*.png', "f.bin")).toBe("we_i_r_d____.png");
    expect(safeFileName("CON", "f.bin")).toBe("_CON");
    expect(safeFileName("nul.png", "f.bin")).toBe("_nul.png");
    expect(safeFileName("Com1.tar.gz", "f.bin")).toBe("_Com1.tar.gz");
    expect(safeFileName("console.png", "f.bin")).toBe("console.png");
    expect(safeFileName("\ud800x.png", "f.bin")).toBe("_x.png");
    const emoji = safeFileName(`${"😀".repeat(100)}.png`, "f.bin");
    expect(Buffer.byteLength(emoji)).toBe(4 * 62 + 4);
    expect(emoji).toBe(`${"😀".repeat(62)}.png`); // never half a character
  });

  it("numbers repeats deterministically and stays within 255 bytes with the suffix", () => {
    const long = `${"y".repeat(251)}.png`;
    expect(uniqueNames(["a.png", "A.png", "a-2.png", undefined, "a.png"])).toEqual([
      "a.png",
      "A-3.png",
      "a-2.png",
      undefined,
      "a-4.png",
    ]);
    const [, second] = uniqueNames([long, long]);
    expect(second).toBe(`${"y".repeat(249)}-2.png`);
  });

  it("names encoded separators, odd characters and empty paths safely, inside the folder", async () => {
    const result = hosted(["/1/..%2F..%2Fescape.png", "/2/we%20ird%3Cname%3E.png", "/3/CON.png", "/4/noext", "/5/"]);
    const report = await downloadResults(result, dir);
    expect(report.failed).toEqual([]);
    expect(names(report.written)).toEqual(["escape.png", "we ird_name_.png", "_CON.png", "noext.png", "7-5.png"]);
  });

  it("uses the caller's naming function, made safe and unique; a throwing one fails only its file", async () => {
    const result = hosted(["/1/a.png", "/2/b.png", "/3/c.png"]);
    const report = await downloadResults(result, dir, {
      fileName: (item, index) => {
        if (index === 2) throw new Error("no name for you");
        return `../shot.${item.output_object.ext}`;
      },
    });
    expect(names(report.written)).toEqual(["_shot.png", "_shot-2.png"]);
    expect(report.failed).toMatchObject([{ index: 2, url: `${host.origin}/3/c.png`, path: undefined }]);
    expect(report.failed[0]?.error).toBeInstanceOf(DownloadError);
    expect(report.failed[0]?.error).toMatchObject({
      reason: "name",
      message: expect.stringMatching(/no name for you/),
    });
  });
});

describe("atomic files", () => {
  const leftovers = () => files().filter((f) => f.endsWith(".part"));

  it("a body cut short of its Content-Length leaves nothing under the final name", async () => {
    host.route("/1/cut.png", (_request, response) => {
      response.writeHead(200, { "Content-Length": 50_000 });
      response.write(bytesOf(4_800));
      setTimeout(() => response.destroy(), 20);
    });
    const result = batchOf([`${host.origin}/1/cut.png`]);
    const report = await downloadResults(result, dir);
    expect(report.failed).toMatchObject([{ index: 0, path: join(dir, "cut.png") }]);
    expect(report.failed[0]?.error.reason).toBe("incomplete");
    expect(files()).toEqual([]);
  });

  it("a chunked body that ends with an error is a failure, not a short file", async () => {
    host.route("/1/chunked.png", (_request, response) => {
      response.writeHead(200);
      response.write(bytesOf(1000));
      setTimeout(() => response.destroy(), 20);
    });
    const report = await downloadResults(batchOf([`${host.origin}/1/chunked.png`]), dir);
    expect(report.failed[0]?.error).toMatchObject({
      reason: "incomplete",
      // How much arrived before the reset depends on the machine's load; what matters is that it is a failure.
      message: expect.stringMatching(/broke off after \d+ bytes/),
    });
    expect(files()).toEqual([]);
  });

  it("an empty 200 is a failure, not a 0-byte file", async () => {
    host.route("/1/empty.png", serve(""));
    const report = await downloadResults(batchOf([`${host.origin}/1/empty.png`]), dir);
    expect(report.failed[0]?.error.reason).toBe("empty");
    expect(report.written).toEqual([]);
    expect(files()).toEqual([]);
  });

  it("replaces an existing symlink itself with overwrite: true, never the file it points to", async () => {
    const outside = join(dir, "outside");
    mkdirSync(outside);
    writeFileSync(join(outside, "secret.txt"), "keep me");
    const target = join(dir, "out");
    mkdirSync(target);
    symlinkSync(join(outside, "secret.txt"), join(target, "a.png"));
    const result = hosted(["/1/a.png"]);

    const refused = await downloadResults(result, target);
    expect(refused.failed[0]?.error).toMatchObject({ reason: "exists" });
    expect(lstatSync(join(target, "a.png")).isSymbolicLink()).toBe(true);

    const replaced = await downloadResults(result, target, { overwrite: true });
    expect(replaced.written).toHaveLength(1);
    expect(lstatSync(join(target, "a.png")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(target, "a.png"))).toEqual(bytesOf(2000, 1));
    expect(readFileSync(join(outside, "secret.txt"), "utf8")).toBe("keep me");
  });

  it("a failed download never destroys an existing file, even with overwrite: true", async () => {
    writeFileSync(join(dir, "a.png"), "mine");
    host.route("/1/a.png", (_request, response) => {
      response.writeHead(200, { "Content-Length": 10 });
      response.write("short");
      setTimeout(() => response.destroy(), 20);
    });
    const report = await downloadResults(batchOf([`${host.origin}/1/a.png`]), dir, { overwrite: true });
    expect(report.failed[0]?.error.reason).toBe("incomplete");
    expect(readFileSync(join(dir, "a.png"), "utf8")).toBe("mine");
    expect(leftovers()).toEqual([]);
  });

  it("without overwrite, an existing file is kept, reported as exists, and not even fetched", async () => {
    const result = hosted(["/1/a.png", "/2/b.png"]);
    writeFileSync(join(dir, "b.png"), "mine");
    const report = await downloadResults(result, dir);
    expect(names(report.written)).toEqual(["a.png"]);
    expect(report.failed).toMatchObject([{ index: 1, path: join(dir, "b.png") }]);
    expect(report.failed[0]?.error.message).toMatch(/exists.*overwrite: true/);
    expect(readFileSync(join(dir, "b.png"), "utf8")).toBe("mine");
    expect(host.requests.map((r) => r.path)).toEqual(["/1/a.png"]);
  });

  it("on abort, rejects with the reason only after every temporary file is gone; nothing writes afterwards", async () => {
    const result = batchOf([1, 2, 3].map((i) => `${host.origin}/${i}/slow.png`));
    for (const i of [1, 2, 3])
      host.route(`/${i}/slow.png`, (_request, response) => {
        response.writeHead(200, { "Content-Length": 100_000 });
        response.write(bytesOf(10_000));
        const timer = setInterval(() => response.write(bytesOf(1000)), 20);
        response.on("close", () => clearInterval(timer));
      });
    writeFileSync(join(dir, "keep.txt"), "mine");
    const controller = new AbortController();
    const download = downloadResults(result, dir, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes >= 30_000) controller.abort(new Error("stop"));
      },
    });
    await expect(download).rejects.toThrow("stop");
    expect(files()).toEqual(["keep.txt"]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(files()).toEqual(["keep.txt"]);
  });
});

describe("per-file isolation", () => {
  it("network, HTTP status and disk failures each land in failed with index, URL, path and reason", async () => {
    host.route("/1/ok.png", serve(bytesOf(100)));
    host.route("/2/boom.png", (_request, response) => response.writeHead(500).end("oops"));
    host.route("/3/dir.png", serve(bytesOf(100)));
    mkdirSync(join(dir, "dir.png")); // a folder where the file should go: the rename fails
    const refused = `http://127.0.0.1:${await closedPort()}/4/refused.png`;
    const urls = ["/1/ok.png", "/2/boom.png", "/3/dir.png"].map((path) => `${host.origin}${path}`);
    const report = await downloadResults(batchOf([...urls, refused]), dir, { overwrite: true });
    expect(names(report.written)).toEqual(["ok.png"]);
    expect(report.failed.map((f) => [f.index, f.url, f.path, f.error.reason, f.error.status])).toEqual([
      [1, `${host.origin}/2/boom.png`, join(dir, "boom.png"), "http", 500],
      [2, `${host.origin}/3/dir.png`, join(dir, "dir.png"), "disk", undefined],
      [3, refused, join(dir, "refused.png"), "network", undefined],
    ]);
    for (const failure of report.failed) expect(failure.error).toBeInstanceOf(DownloadError);
    expect(report.failed[0]?.error.message).toMatch(/answered 500/);
    expect(report.failed[2]?.error.message).toMatch(/ECONNREFUSED/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it("a folder that cannot be created fails every file, without rejecting", async () => {
    writeFileSync(join(dir, "file"), "");
    const report = await downloadResults(hosted(["/1/a.png", "/2/b.png"]), join(dir, "file", "sub"));
    expect(report.failed.map((f) => f.error.reason)).toEqual(["disk", "disk"]);
    expect(report.failed[0]?.error.message).toMatch(/Cannot create .*ENOTDIR/);
  });

  it("a malformed result item is a per-file failure naming the field; the others download", async () => {
    const result = hosted(["/1/ok.png"]);
    (result.results as unknown[]).push(
      null,
      { input_object: OBJECT },
      { input_object: OBJECT, output_object: { ...OBJECT, tmp_url: 42 } },
      { input_object: OBJECT, output_object: OBJECT },
    );
    const report = await downloadResults(result, dir);
    expect(names(report.written)).toEqual(["ok.png"]);
    expect(report.failed.map((f) => [f.index, f.error.reason, f.error.message])).toEqual([
      [1, "invalid-result", "result.results[1].output_object is missing or not an object; got undefined."],
      [2, "invalid-result", "result.results[2].output_object is missing or not an object; got undefined."],
      [3, "invalid-result", "result.results[3].output_object.tmp_url must be a string; got 42."],
      [4, "invalid-result", "result.results[4].output_object has neither a tmp_url nor an object_uri."],
    ]);
  });

  it("rejects only for a bad argument, with an InvalidArgumentError naming it", async () => {
    const good = hosted(["/1/a.png"]);
    const cases: [unknown, unknown, unknown, string][] = [
      [{ ...good, results: "nope" }, dir, {}, "result.results"],
      [null, dir, {}, "result"],
      [{ ...good, id: "7" }, dir, {}, "result.id"],
      [good, "", {}, "dir"],
      [good, dir, { concurrency: 0 }, "options.concurrency"],
      [good, dir, { maxBytes: -1 }, "options.maxBytes"],
      [good, dir, { stallTimeoutMs: Number.NaN }, "options.stallTimeoutMs"],
      [good, dir, { fileName: "x.png" }, "options.fileName"],
      [good, dir, { signal: "stop" }, "options.signal"],
    ];
    for (const [result, folder, options, argument] of cases) {
      const call = downloadResults(result as BatchResult, folder as string, options as object);
      await expect(call).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(call).rejects.toMatchObject({ argument, message: expect.stringContaining(argument) });
    }
    expect(host.requests).toEqual([]);
  });
});

describe("limits", () => {
  it("stops an endless body at maxBytes and settles", async () => {
    host.route("/1/endless.png", (_request, response) => {
      response.writeHead(200);
      const chunk = bytesOf(64 * 1024);
      const pump = () => {
        while (response.write(chunk)) {}
      };
      response.on("drain", pump);
      pump();
    });
    const report = await downloadResults(batchOf([`${host.origin}/1/endless.png`]), dir, { maxBytes: 1_000_000 });
    expect(report.failed[0]?.error).toMatchObject({
      reason: "too-large",
      message: expect.stringMatching(/1000000 bytes/),
    });
    expect(files()).toEqual([]);
  });

  it("refuses a declared Content-Length over maxBytes before reading the body", async () => {
    host.route("/1/big.png", serve(bytesOf(5000)));
    const progress: DownloadProgress[] = [];
    const report = await downloadResults(batchOf([`${host.origin}/1/big.png`]), dir, {
      maxBytes: 4000,
      onProgress: (p) => progress.push(p),
    });
    expect(report.failed[0]?.error).toMatchObject({
      reason: "too-large",
      message: expect.stringMatching(/declares 5000/),
    });
    expect(progress.at(-1)?.bytes).toBe(0);
  });

  it("gives up on a host that stalls, before or after the headers", async () => {
    host.route("/1/silent.png", () => {});
    host.route("/2/trickle.png", (_request, response) => {
      response.writeHead(200, { "Content-Length": 1000 });
      response.write("x");
    });
    const result = batchOf([`${host.origin}/1/silent.png`, `${host.origin}/2/trickle.png`]);
    const report = await downloadResults(result, dir, { stallTimeoutMs: 200 });
    expect(report.failed.map((f) => f.error.reason)).toEqual(["stalled", "stalled"]);
    expect(report.failed[0]?.error.message).toMatch(/sent nothing for 200 ms/);
    expect(files()).toEqual([]);
  });

  it("follows up to 3 redirects, only to https: or loopback http:", async () => {
    host.route("/hop/1", (_r, response) => response.writeHead(302, { Location: "/hop/2" }).end());
    host.route("/hop/2", (_r, response) => response.writeHead(301, { Location: "/hop/3" }).end());
    host.route("/hop/3", (_r, response) => response.writeHead(307, { Location: "/final.png" }).end());
    host.route("/final.png", serve(bytesOf(100)));
    host.route("/loop", (_r, response) => response.writeHead(302, { Location: "/loop" }).end());
    host.route("/away", (_r, response) => response.writeHead(302, { Location: "http://example.com/x.png" }).end());
    host.route("/data", (_r, response) => response.writeHead(302, { Location: "data:image/png;base64,AAAA" }).end());
    const result = batchOf(["/hop/1", "/loop", "/away", "/data"].map((p) => `${host.origin}${p}`));
    const report = await downloadResults(result, dir, { concurrency: 1 });
    expect(report.written.map((f) => [f.index, f.bytes])).toEqual([[0, 100]]);
    expect(report.failed.map((f) => [f.index, f.error.reason])).toEqual([
      [1, "redirect"],
      [2, "redirect"],
      [3, "redirect"],
    ]);
    expect(report.failed[0]?.error.message).toMatch(/redirected more than 3 times/);
    expect(report.failed[1]?.error.message).toMatch(/only https: URLs/);
    expect(host.requests.filter((r) => r.path === "/loop")).toHaveLength(4);
  });

  it("fetches only https: and loopback http: URLs: no plain http elsewhere, no data: or file:", async () => {
    const fetched: string[] = [];
    const report = await downloadResults(
      batchOf([
        "http://example.com/a.png",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
        "not a url",
        "https://files.example/b.png",
        "http://localhost:1/c.png",
      ]),
      dir,
      {
        fetch: async (request) => {
          fetched.push(request.url);
          return new Response("x");
        },
      },
    );
    expect(report.failed.map((f) => [f.index, f.error.reason])).toEqual([
      [0, "url"],
      [1, "url"],
      [2, "url"],
      [3, "url"],
    ]);
    expect(report.failed[1]?.error.message).toBe(
      "data:… was not fetched: only https: URLs are downloaded (plain http: only from a loopback host).",
    );
    expect(fetched).toEqual(["https://files.example/b.png", "http://localhost:1/c.png"]);
  });

  it("never sends a header, credentials or the key to the file host, and reports progress", async () => {
    const result = hosted(["/1/a.png", "/2/b.png", "/3/c.png"], 3000);
    const progress: DownloadProgress[] = [];
    await downloadResults(result, dir, { onProgress: (p) => progress.push(p) });
    expect(host.requests.every((r) => !r.authorization)).toBe(true);
    expect(progress[0]).toEqual({ total: 3, done: 0, written: 0, skipped: 0, stored: 0, failed: 0, bytes: 0 });
    expect(progress.at(-1)).toEqual({ total: 3, done: 3, written: 3, skipped: 0, stored: 0, failed: 0, bytes: 9000 });
  });

  it("keeps at most `concurrency` downloads in flight", async () => {
    const result = hosted(Array.from({ length: 8 }, (_, i) => `/${i}/f.png`));
    let inFlight = 0;
    let peak = 0;
    const counting = async (request: Request) => {
      peak = Math.max(peak, ++inFlight);
      try {
        const response = await fetch(request);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return response;
      } finally {
        inFlight--;
      }
    };
    const report = await downloadResults(result, dir, { concurrency: 3, fetch: counting });
    expect(report.written).toHaveLength(8);
    expect(peak).toBe(3);
  });
});

describe("resume", () => {
  it("a rerun skips complete files with no request, and the manifest records each exactly", async () => {
    const result = hosted(["/1/a.png", "/2/b.png"]);
    const first = await downloadResults(result, dir);
    expect(names(first.written)).toEqual(["a.png", "b.png"]);
    expect(manifest()).toEqual(
      expect.arrayContaining(
        ["a.png", "b.png"].map((file, index) => ({
          taskId: 7,
          index,
          urlPath: `/${index + 1}/${file}`,
          file,
          bytes: 2000,
          mtimeMs: statSync(join(dir, file)).mtimeMs,
        })),
      ),
    );
    const requests = host.requests.length;
    const again = await downloadResults(result, dir);
    expect(again.written).toEqual([]);
    expect(again.failed).toEqual([]);
    expect(again.skipped).toEqual(first.written);
    expect(host.requests.length).toBe(requests);
  });

  it("after a failure, a rerun fetches only what is missing; fresh URLs (new query) still match", async () => {
    const result = hosted(["/1/a.png", "/2/b.png", "/3/c.png"]);
    host.route("/2/b.png", (_r, response) => response.writeHead(503).end());
    const first = await downloadResults(result, dir);
    expect(first.failed.map((f) => f.index)).toEqual([1]);
    host.route("/2/b.png", serve(bytesOf(10)));
    const refreshed = batchOf((result.results ?? []).map((r) => `${r.output_object.tmp_url}?signature=fresh`));
    const before = host.requests.length;
    const second = await downloadResults(refreshed, dir);
    expect(second.skipped.map((f) => f.index)).toEqual([0, 2]);
    expect(second.written.map((f) => f.index)).toEqual([1]);
    expect(host.requests.slice(before).map((r) => r.path)).toEqual(["/2/b.png?signature=fresh"]);
    expect(
      manifest()
        .map((e) => e.file)
        .sort(),
    ).toEqual(["a.png", "b.png", "c.png"]);
  });

  it("a file changed since it was recorded is fetched again; a torn manifest line is ignored", async () => {
    const result = hosted(["/1/a.png", "/2/b.png"]);
    await downloadResults(result, dir);
    writeFileSync(join(dir, "a.png"), "edited");
    writeFileSync(join(dir, MANIFEST_FILE), `${readFileSync(join(dir, MANIFEST_FILE), "utf8")}{"taskId":7,"ind`);
    const again = await downloadResults(result, dir);
    expect(again.skipped.map((f) => f.index)).toEqual([1]);
    expect(again.written.map((f) => f.index)).toEqual([0]);
    expect(again.failed).toEqual([]);
    expect(readFileSync(join(dir, MANIFEST_FILE), "utf8").endsWith("}\n")).toBe(true);
  });

  it("an expired temporary URL (403/404/410) says so and how to get fresh URLs", async () => {
    host.route("/1/old.png", (_r, response) => response.writeHead(410).end());
    host.route("/2/gone.png", (_r, response) => response.writeHead(403).end());
    const report = await downloadResults(
      batchOf([`${host.origin}/1/old.png?sig=abc`, `${host.origin}/2/gone.png`], 42),
      dir,
    );
    expect(report.failed.map((f) => [f.error.reason, f.error.status])).toEqual([
      ["expired", 410],
      ["expired", 403],
    ]);
    expect(report.failed[0]?.error.message).toBe(
      `${host.origin}/1/old.png answered 410: the temporary URL has probably expired (Claid keeps temporary results for one day). For fresh URLs, retrieve batch 42 again (claid.batches.retrieve(42)) and download into the same folder: complete files are skipped.`,
    );
  });
});
