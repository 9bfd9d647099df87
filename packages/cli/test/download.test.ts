/** `claid batch download`: output modes, exit codes, Ctrl-C and resume, against the mock and a scripted file host. */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bytesOf, createFileHost, type FileHost, type Route, serve } from "../../node/test/file-host.ts";
import { size } from "../src/download.ts";
import { wrapWords } from "../src/progress.ts";
import { CLI, claid, KEY, onScreen, useCliTest } from "./helpers.ts";

const { dir: tempDir } = useCliTest();
let folderCount = 0;
const freshDir = () => join(tempDir(), `out-${++folderCount}`);

const hosts: FileHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

/**
 * A file host that also answers `GET /v1/image/edit/batch/<id>` with a batch
 * whose results point at its own paths, so each file's behaviour is scripted.
 */
async function hostedBatch(
  files: Record<string, Route>,
  batch: { id?: number; status?: string; extra?: object[] } = {},
): Promise<FileHost> {
  const host = await createFileHost();
  hosts.push(host);
  const id = batch.id ?? 1;
  for (const [path, route] of Object.entries(files)) host.route(path, route);
  const object = { ext: "png", mps: 1, mime: "image/png", format: "PNG", width: 1, height: 1 };
  const results = [
    ...Object.keys(files).map((path) => ({
      input_object: object,
      output_object: { ...object, tmp_url: `${host.origin}${path}?signature=s3cr3t` },
    })),
    ...(batch.extra ?? []),
  ];
  const body = JSON.stringify({
    data: { id, status: batch.status ?? "DONE", created_at: "2026-11-27T09:00:00Z", request: {}, errors: [], results },
  });
  host.route(`/v1/image/edit/batch/${id}`, (_request, response) =>
    response.writeHead(200, { "Content-Type": "application/json" }).end(body),
  );
  return host;
}

const base = (host: FileHost) => ["--base-url", host.origin];
const fileRequests = (host: FileHost) => host.requests.filter((r) => !r.path.startsWith("/v1/")).map((r) => r.path);

describe("batch download", () => {
  it("saves every file, never sends the key to the file host, and a rerun skips them all", async () => {
    const host = await hostedBatch({ "/f/a.png": serve(bytesOf(1000)), "/f/b.png": serve(bytesOf(1000, 2)) });
    const out = freshDir();
    const run = await claid([...base(host), "batch", "download", "1", "--dir", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${out}: 2 downloaded, 0 already complete\nmanifest: ${join(out, ".claid-downloads.jsonl")}\n`,
    );
    // Bytes count as they arrive: at the first file's end the second may be in too.
    expect(run.stderr).toMatch(
      /^0\/2 files: 0 downloaded, 0 already complete, 0 kB\n1\/2 files: 1 downloaded, 0 already complete, [12] kB\n2\/2 files: 2 downloaded, 0 already complete, 2 kB\n$/,
    );
    expect(readdirSync(out).sort()).toEqual([".claid-downloads.jsonl", "a.png", "b.png"]);
    expect(host.requests.find((r) => r.path.startsWith("/v1/"))?.authorization).toBe(true);
    expect(host.requests.filter((r) => r.authorization).map((r) => r.path)).toEqual(["/v1/image/edit/batch/1"]);

    const again = await claid([...base(host), "batch", "download", "1", "--dir", out, "--json"]);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report).toMatchObject({ taskId: 1, dir: out, written: [], stored: [], failed: [] });
    expect(report.skipped.map((f: { path: string }) => f.path)).toEqual([join(out, "a.png"), join(out, "b.png")]);
    expect(again.stderr).toBe("");
    expect(fileRequests(host)).toHaveLength(2);

    // The same rerun as text says nothing was downloaded (it used to print "downloaded 2/2 files").
    const text = await claid([...base(host), "batch", "download", "1", "--dir", out]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      `${out}: 0 downloaded, 2 already complete\nmanifest: ${join(out, ".claid-downloads.jsonl")}\n`,
    );
    expect(text.stderr).not.toMatch(/downloaded [12]/);
    expect(text.stderr.trimEnd().split("\n").at(-1)).toBe("2/2 files: 0 downloaded, 2 already complete, 0 kB");
    expect(fileRequests(host)).toHaveLength(2);
  });

  it("without --dir, saves into ./batch-<id> in the working folder, and says so", async () => {
    const host = await hostedBatch({ "/f/a.png": serve(bytesOf(100)) }, { id: 7 });
    const cwd = freshDir();
    mkdirSync(cwd);
    const run = await claid([...base(host), "batch", "download", "7"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("batch-7: 1 downloaded, 0 already complete\nmanifest: batch-7/.claid-downloads.jsonl\n");
    expect(readdirSync(join(cwd, "batch-7")).sort()).toEqual([".claid-downloads.jsonl", "a.png"]);
    const help = await claid(["batch", "download", "--help"]);
    expect(help.stdout).toMatch(/--dir <folder> +folder to write into \(default: batch-<id> in the\s+current folder\)/);
  });

  it("a folder held by another download: every file fails once, said in one line, and nothing claims 'downloaded'", async () => {
    const host = await hostedBatch({
      "/f/a.png": serve(bytesOf(100)),
      "/f/b.png": serve(bytesOf(100)),
      "/f/c.png": serve(bytesOf(100)),
    });
    const out = freshDir();
    mkdirSync(out);
    // Held by this (live) test process; the lock names no start time.
    writeFileSync(join(out, ".claid-downloads.lock"), JSON.stringify({ pid: process.pid, host: hostname() }));
    const run = await claid([...base(host), "batch", "download", "1", "--dir", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/downloaded [1-9]/);
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe("3/3 files: 0 downloaded, 0 already complete, 3 failed, 0 kB");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`${out}: 0 downloaded, 0 already complete, 3 failed`);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^failed: results 1-3: ${out} is in use by another download \\(process ${process.pid} on this machine\\);.* \\(or use another --dir\\)$`,
        ),
      ),
    ]);
    expect(run.stdout).not.toContain("undefined");
    expect(fileRequests(host)).toEqual([]);
  });

  it("prints where outputs stored in the user's storage are, as successes", async () => {
    const stored = (name: string) => ({
      input_object: { ext: "jpg", mps: 1, mime: "image/jpeg", format: "JPEG", width: 1, height: 1 },
      output_object: {
        ext: "png",
        mps: 1,
        mime: "image/png",
        format: "PNG",
        width: 1,
        height: 1,
        object_uri: `storage://s/out/${name}`,
      },
    });
    const host = await hostedBatch({}, { extra: [stored("a.png"), stored("b.png")] });
    const out = freshDir();
    const run = await claid([...base(host), "batch", "download", "1", "--dir", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `${out}: 0 downloaded, 0 already complete, 2 in your storage`,
        "stored at storage://s/out/a.png (result 1)",
        "stored at storage://s/out/b.png (result 2)",
        "",
      ].join("\n"),
    );
    expect(existsSync(out)).toBe(false);
  });

  it("a batch that is not DONE yet is exit 1 (not a usage error), saying to wait first; --json is one document", async () => {
    const host = await hostedBatch({}, { status: "PROCESSING" });
    const message =
      "Batch 1 is PROCESSING, not DONE: nothing to download yet. Wait for it first (claid batch wait 1), then download.";
    const run = await claid([...base(host), "batch", "download", "1", "--dir", freshDir()]);
    expect(run).toMatchObject({ code: 1, stdout: "", stderr: `claid: ${message}\n` });
    const json = await claid([...base(host), "batch", "download", "1", "--dir", freshDir(), "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({ message, exitCode: 1 });
  });

  it("a batch that ended in ERROR is exit 3", async () => {
    const host = await hostedBatch({}, { status: "ERROR" });
    const run = await claid([...base(host), "batch", "download", "1", "--dir", freshDir()]);
    expect(run).toMatchObject({ code: 3, stderr: "claid: Batch 1 ended in ERROR.\n" });
  });

  it("--json prints exactly one JSON document for usage and API errors too", async () => {
    const host = await hostedBatch({});
    const cases: [string[], number, RegExp][] = [
      [["batch", "download", "1", "--dir", "x", "--bogus", "--json"], 2, /unknown option '--bogus'/],
      [["batch", "download", "1", "--dir", "x", "--concurrency", "0", "--json"], 2, /--concurrency must be a whole/],
      [
        ["batch", "download", "1", "--dir", "x", "--file-timeout", "0", "--json"],
        2,
        /--file-timeout must be a duration/,
      ],
      [["batch", "download", "1", "--dir", "x", "--hash", "md5", "--json"], 2, /'md5' is invalid.*sha256/],
      [["batch", "download", "999", "--dir", "x", "--json"], 1, /^404 /],
    ];
    for (const [args, code, message] of cases) {
      const run = await claid([...base(host), ...args]);
      expect(run.code).toBe(code);
      const document = JSON.parse(run.stdout);
      expect(document.error).toMatchObject({ message: expect.stringMatching(message), exitCode: code });
    }
  });

  it("--file-timeout ends a trickling file; --hash sha256 records hashes that --verify checks", async () => {
    const host = await hostedBatch({
      "/f/ok.png": serve(bytesOf(500)),
      "/f/trickle.png": (_request, response) => {
        response.writeHead(200, { "Content-Length": 100_000 });
        const timer = setInterval(() => response.write("x"), 100);
        response.on("close", () => clearInterval(timer));
      },
    });
    const out = freshDir();
    const run = await claid([
      ...base(host),
      "batch",
      "download",
      "1",
      "--dir",
      out,
      "--file-timeout",
      "1s",
      "--hash",
      "sha256",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /failed: result 2 .*did not finish within 1000 ms.* \(--file-timeout allows more time\)\n/,
    );
    const [line] = readFileSync(join(out, ".claid-downloads.jsonl"), "utf8").trim().split("\n");
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      taskId: 1,
      file: "ok.png",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const before = fileRequests(host).length;
    const verified = await claid([
      ...base(host),
      "batch",
      "download",
      "1",
      "--dir",
      out,
      "--verify",
      "--json",
      "--file-timeout",
      "1s",
    ]);
    expect(JSON.parse(verified.stdout).skipped.map((f: { index: number }) => f.index)).toEqual([0]);
    expect(fileRequests(host).slice(before)).toEqual(["/f/trickle.png?signature=s3cr3t"]);
  });

  it("reports failed files (expired URLs say how to get fresh ones) with exit 1, keeping the others", async () => {
    const host = await hostedBatch({
      "/f/ok.png": serve(bytesOf(500)),
      "/f/old.png": (_request, response) => response.writeHead(410).end(),
    });
    const out = freshDir();
    const run = await claid([...base(host), "batch", "download", "1", "--dir", out, "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.written.map((f: { path: string }) => f.path)).toEqual([join(out, "ok.png")]);
    expect(report.failed).toEqual([
      {
        index: 1,
        url: `${host.origin}/f/old.png?signature=s3cr3t`,
        path: join(out, "old.png"),
        reason: "expired",
        status: 410,
        error: expect.stringMatching(/answered 410: the temporary URL has probably expired.*retrieve batch 1 again/),
      },
    ]);
    expect(report.failed[0].error).not.toContain("s3cr3t");
    const text = await claid([...base(host), "batch", "download", "1", "--dir", out]);
    expect(text.stdout).toMatch(
      /^.*: 0 downloaded, 1 already complete, 1 failed\nfailed: result 2 \(.*old\.png\): .*answered 410.* \(rerunning this command retrieves the batch again, with fresh URLs\)\n/,
    );
    expect(host.requests.every((r) => !r.authorization || r.path.startsWith("/v1/"))).toBe(true);
  });

  it("Ctrl-C mid-download stops cleanly (exit 130, no partial files), and the rerun fetches only what is missing", async () => {
    let slow = true;
    const trickle: Route = (_request, response) => {
      if (!slow) return serve(bytesOf(50_000, 9))(_request, response);
      response.writeHead(200, { "Content-Length": 50_000 });
      response.write(bytesOf(5_000, 9));
      const timer = setInterval(() => response.write(bytesOf(100, 9)), 50);
      response.on("close", () => clearInterval(timer));
    };
    const host = await hostedBatch({
      "/f/1.png": serve(bytesOf(1000, 1)),
      "/f/2.png": serve(bytesOf(1000, 2)),
      "/f/3.png": trickle,
      "/f/4.png": trickle,
    });
    const out = freshDir();
    const child = spawn(process.execPath, [CLI, ...base(host), "batch", "download", "1", "--dir", out], {
      env: { ...process.env, CLAID_API_KEY: KEY },
    });
    let stderr = "";
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      // Two files done, the other two mid-body (their .part files exist): interrupt now.
      if (stderr.includes("2/4 files") && !child.killed) {
        const parts = () => readdirSync(out).filter((f) => f.endsWith(".part")).length;
        const poll = setInterval(() => {
          if (parts() === 2) {
            clearInterval(poll);
            child.kill("SIGINT");
          }
        }, 10);
      }
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(130);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /claid: Interrupted: 2 of 4 files are saved; no partial files are left\. Run the same command again to resume: complete files are skipped\.\n$/,
    );
    expect(readdirSync(out).sort()).toEqual([".claid-downloads.jsonl", "1.png", "2.png"]);

    slow = false;
    const before = fileRequests(host).length;
    const rerun = await claid([...base(host), "batch", "download", "1", "--dir", out, "--json"]);
    expect(rerun.code).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report.skipped.map((f: { index: number }) => f.index)).toEqual([0, 1]);
    expect(report.written.map((f: { index: number }) => f.index)).toEqual([2, 3]);
    expect(fileRequests(host).slice(before).sort()).toEqual(["/f/3.png?signature=s3cr3t", "/f/4.png?signature=s3cr3t"]);
    const manifest = readFileSync(join(out, ".claid-downloads.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(manifest.map((e) => [e.index, e.file, e.bytes]).sort()).toEqual([
      [0, "1.png", 1000],
      [1, "2.png", 1000],
      [2, "3.png", 50_000],
      [3, "4.png", 50_000],
    ]);
  });
});

describe("the bytes shown", () => {
  it.each([
    [0, "0 kB"],
    [1_000, "1 kB"],
    [412_345, "412 kB"],
    [999_499, "999 kB"],
    [999_500, "1.0 MB"],
    [2_000_000, "2.0 MB"],
    [12_345_678, "12.3 MB"],
  ])("%i bytes read %s", (bytes, text) => {
    expect(size(bytes)).toBe(text);
  });
});

describe("lines broken to a terminal's width", () => {
  it.each([
    ["fits", "out: 2 downloaded", 39, "out: 2 downloaded"],
    ["breaks between words", "out: 2 downloaded, 0 already complete", 22, "out: 2 downloaded, 0\nalready complete"],
    ["keeps each line's breaks", "a b\nc d", 3, "a b\nc d"],
    [
      "a word longer than the width keeps a row of its own",
      "x /a/very/long/path: 1 downloaded",
      8,
      "x\n/a/very/long/path:\n1\ndownloaded",
    ],
  ])("%s", (_, text, width, rows) => {
    expect(wrapWords(text, width)).toBe(rows);
  });
});

describe("on a terminal", () => {
  const download = (host: FileHost, out: string) =>
    `${process.execPath} ${CLI} --base-url ${host.origin} batch download 1 --dir ${out}`;

  // The bar shrinks to what is left of the line: the counts and bytes come first and are never cut.
  it.each([
    [120, /^2\/2 files {2}2\.0 MB {2}=+$/],
    [40, /^2\/2 files {2}2\.0 MB {2}=+$/],
  ])("at %i columns draws the counts, the bytes and a bar that fits, then the summary", async (columns, barRow) => {
    const host = await hostedBatch({
      "/f/a.png": serve(bytesOf(1_000_000)),
      "/f/b.png": serve(bytesOf(1_000_000, 2)),
    });
    const out = freshDir();
    const { screen, code } = await onScreen(columns, download(host, out));
    expect(code).toBe(0);
    const rows = screen.split("\n");
    const bar = rows.filter((row) => row.includes("files"));
    expect(bar).toEqual([expect.stringMatching(barRow)]);
    expect(bar[0]?.trimEnd().length).toBeLessThanOrEqual(columns);
    expect(rows.join(" ")).toContain(`${out}: 2 downloaded, 0 already complete`);
  });

  it("at 40 columns breaks the final line between words, never inside one", async () => {
    const host = await hostedBatch({ "/f/a.png": serve(bytesOf(1000)), "/f/b.png": serve(bytesOf(1000, 2)) });
    // A folder name whose length puts column 40 inside "already": the terminal alone would print "alr" / "eady".
    const start = `${freshDir()}/`;
    const out = `${start}${"x".repeat(80 - ((`${start}: 2 downloaded, 0 `.length + 3) % 40))}`;
    const { screen, code } = await onScreen(40, download(host, out));
    expect(code).toBe(0);
    expect(screen.split("\n")).toContain("2 downloaded, 0 already complete");
  });

  it("at 0 columns falls back to plain lines, like the other commands", async () => {
    const host = await hostedBatch({ "/f/a.png": serve(bytesOf(1000)) });
    const out = freshDir();
    const { screen, code } = await onScreen(0, download(host, out));
    expect(code).toBe(0);
    expect(screen).toContain(
      "0/1 file: 0 downloaded, 0 already complete, 0 kB\n1/1 file: 1 downloaded, 0 already complete, 1 kB\n",
    );
    expect(screen.replaceAll("\n", "")).toContain(`${out}: 1 downloaded, 0 already complete`);
    expect(screen).not.toMatch(/[=-]{5}/); // no bar
  });
});
