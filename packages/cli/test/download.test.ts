/** `claid batch download`: output modes, exit codes, Ctrl-C and resume, against the mock and a scripted file host. */
import { execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bytesOf, createFileHost, type FileHost, type Route, serve } from "../../node/test/file-host.ts";
import { CLI, claid, KEY, useCliTest } from "./helpers.ts";

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
      `${out}: 2 downloaded, 0 already there (skipped), 0 failed\nmanifest: ${join(out, ".claid-downloads.jsonl")}\n`,
    );
    expect(run.stderr).toBe(
      "downloaded 0/2 files, 0.0 MB\ndownloaded 1/2 files, 0.0 MB\ndownloaded 2/2 files, 0.0 MB\n",
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
        `${out}: 0 downloaded, 0 already there (skipped), 2 in your storage, 0 failed`,
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
      [["batch", "download", "1", "--json"], 2, /required option '--dir <folder>' not specified/],
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
      /^.*: 0 downloaded, 1 already there \(skipped\), 1 failed\nfailed: result 2 \(.*old\.png\): .*answered 410.* \(rerunning this command retrieves the batch again, with fresh URLs\)\n/,
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
      if (stderr.includes("downloaded 2/4") && !child.killed) {
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

describe("on a terminal", () => {
  /** Runs the CLI in a pseudo-terminal of the given width (`script`), returning everything it drew. */
  function inTerminal(columns: number, args: string[]): Promise<string> {
    const command = `stty cols ${columns}; env -u CI CLAID_API_KEY=${KEY} ${process.execPath} ${CLI} ${args.join(" ")}; echo EXIT=$?`;
    return new Promise((resolve, reject) =>
      execFile("script", ["-qec", command, "/dev/null"], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
  }

  it("draws a progress bar, restores the cursor, and ends with the summary", async () => {
    const host = await hostedBatch({ "/f/a.png": serve(bytesOf(1000)), "/f/b.png": serve(bytesOf(1000, 2)) });
    const out = freshDir();
    const screen = await inTerminal(100, [...base(host), "batch", "download", "1", "--dir", out]);
    expect(screen).toContain("\u001b[?25l"); // cursor hidden while drawing…
    expect(screen).toMatch(/=+ 2\/2 files {2}0\.0 MB/);
    expect(screen).toContain("\u001b[?25h"); // …and shown again
    expect(screen).toMatch(/: 2 downloaded, 0 already there \(skipped\), 0 failed\r\n/);
    expect(screen).toContain("EXIT=0");
  });

  it("falls back to plain lines, like the other commands, when the terminal reports 0 columns", async () => {
    const host = await hostedBatch({ "/f/a.png": serve(bytesOf(1000)) });
    const out = freshDir();
    const screen = await inTerminal(0, [...base(host), "batch", "download", "1", "--dir", out]);
    expect(screen).toContain("downloaded 0/1 files, 0.0 MB\r\ndownloaded 1/1 files, 0.0 MB\r\n");
    expect(screen).toContain(`${out}: 1 downloaded, 0 already there (skipped), 0 failed\r\n`);
    expect(screen).not.toContain("\u001b["); // no bar, no cursor movement
    expect(screen).toContain("EXIT=0");
  });
});
