/**
 * The download folder is shared with other processes and with whoever else can
 * write to it: the manifest, the lock and temporary files never follow a link,
 * two downloads into one folder lose nothing, and what a killed run leaves
 * behind is swept by the next one.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BatchResult, DownloadError, downloadResults, MANIFEST_FILE } from "../src/index.ts";
import { bytesOf, createFileHost, type FileHost, serve } from "./file-host.ts";

const LOCK_FILE = ".claid-downloads.lock";
let host: FileHost;
let root: string;
let dir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), "claid-folder-"));
  dir = join(root, "out");
  mkdirSync(dir);
  host = await createFileHost();
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

const OBJECT = { ext: "png", mps: 1, mime: "image/png", format: "PNG", width: 1, height: 1 };
function hosted(count: number, route = (i: number) => serve(bytesOf(3000, i + 1))): BatchResult {
  const paths = Array.from({ length: count }, (_, i) => `/${i}/f${i}.png`);
  paths.forEach((path, i) => {
    host.route(path, route(i));
  });
  return {
    id: 7,
    status: "DONE",
    created_at: "2026-11-27T09:00:00Z",
    request: {},
    results: paths.map((path) => ({
      input_object: OBJECT,
      output_object: { ...OBJECT, tmp_url: `${host.origin}${path}` },
    })),
  } as BatchResult;
}
const manifestLines = () =>
  readFileSync(join(dir, MANIFEST_FILE), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string });
const temporaries = () => readdirSync(dir).filter((f) => f.startsWith(".claid-") && f !== MANIFEST_FILE);

/** Starts `downloadResults` in a child process (a real second process, as a second terminal would be). */
function child(
  batch: BatchResult,
  options: object = {},
): { process: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const started = spawn(
    process.execPath,
    [
      "--import",
      import.meta.resolve("tsx"),
      join(import.meta.dirname, "download-child.ts"),
      dir,
      JSON.stringify(batch),
      JSON.stringify(options),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(started);
  let out = "";
  started.stdout?.on("data", (data) => {
    out += String(data);
  });
  return { process: started, done: new Promise((resolve) => started.on("close", (code) => resolve({ code, out }))) };
}

describe("the manifest, the lock and temporary files never follow a link", () => {
  const outside = () => join(root, "outside.txt");
  it.each([
    [
      "manifest as a dangling symlink",
      MANIFEST_FILE,
      () => symlinkSync(outside(), join(dir, MANIFEST_FILE)),
      /symbolic link/,
    ],
    [
      "manifest as a symlink to a file outside",
      MANIFEST_FILE,
      () => {
        writeFileSync(outside(), "keep me\n");
        symlinkSync(outside(), join(dir, MANIFEST_FILE));
      },
      /symbolic link/,
    ],
    ["manifest as a FIFO", MANIFEST_FILE, () => execFileSync("mkfifo", [join(dir, MANIFEST_FILE)]), /FIFO/],
    ["manifest as a folder", MANIFEST_FILE, () => mkdirSync(join(dir, MANIFEST_FILE)), /folder/],
    ["lock as a dangling symlink", LOCK_FILE, () => symlinkSync(outside(), join(dir, LOCK_FILE)), /symbolic link/],
    ["lock as a FIFO", LOCK_FILE, () => execFileSync("mkfifo", [join(dir, LOCK_FILE)]), /FIFO/],
  ])(
    "%s: refused with a typed error naming it, nothing written outside, no hang",
    async (_label, name, setUp, kind) => {
      setUp();
      const before = existsSync(outside()) ? readFileSync(outside(), "utf8") : undefined;
      const report = await downloadResults(hosted(2), dir);
      expect(report.written).toEqual([]);
      expect(report.failed).toHaveLength(2);
      for (const failure of report.failed) {
        expect(failure.error).toBeInstanceOf(DownloadError);
        expect(failure.error.reason).toBe("unsafe-path");
        expect(failure.error.message).toContain(join(dir, name));
        expect(failure.error.message).toMatch(kind);
      }
      expect(existsSync(outside()) ? readFileSync(outside(), "utf8") : undefined).toBe(before);
      expect(host.requests).toEqual([]);
    },
  );

  it("sweeping a symlink named like a temporary file removes the link, never its target", async () => {
    writeFileSync(outside(), "keep me\n");
    symlinkSync(outside(), join(dir, ".claid-0123456789ab.part"));
    const report = await downloadResults(hosted(1), dir);
    expect(report.written).toHaveLength(1);
    expect(temporaries()).toEqual([]);
    expect(readFileSync(outside(), "utf8")).toBe("keep me\n");
  });
});

describe("one download at a time per folder", () => {
  it("two processes downloading into one folder: every file recorded once, the rerun fetches nothing", async () => {
    const batch = hosted(40, (i) => (_request, response) => {
      setTimeout(() => serve(bytesOf(3000, i + 1))(_request, response), 15);
    });
    const [first, second] = [child(batch, { lockWaitMs: 60_000 }), child(batch, { lockWaitMs: 60_000 })];
    const results = await Promise.all([first.done, second.done]);
    for (const { code } of results) expect(code).toBe(0);
    const reports = results.map(
      ({ out }) => JSON.parse(out) as { written: number[]; skipped: number[]; failed: unknown[] },
    );
    expect(reports.flatMap((r) => r.failed)).toEqual([]);
    // One run fetched everything; the other waited for the folder and then found every file complete.
    expect(reports.map((r) => r.written.length).sort((a, b) => a - b)).toEqual([0, 40]);
    expect(reports.map((r) => r.skipped.length).sort((a, b) => a - b)).toEqual([0, 40]);
    const files = manifestLines().map((e) => e.file);
    expect(files).toHaveLength(40);
    expect(new Set(files).size).toBe(40);
    const before = host.requests.length;
    const rerun = await downloadResults(batch, dir);
    expect(rerun.skipped).toHaveLength(40);
    expect(host.requests.length).toBe(before);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it("a stale lock and four processes at once: one takes it over at a time, every file recorded once", async () => {
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: hostname(), since: "2026-12-07T04:00:00.000Z" }),
    );
    const batch = hosted(20);
    const results = await Promise.all(Array.from({ length: 4 }, () => child(batch, { lockWaitMs: 60_000 }).done));
    const reports = results.map(
      ({ out }) => JSON.parse(out) as { written: number[]; skipped: number[]; failed: unknown[] },
    );
    expect(reports.flatMap((r) => r.failed)).toEqual([]);
    expect(reports.flatMap((r) => r.written).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(manifestLines()).toHaveLength(20);
    expect(host.requests).toHaveLength(20);
  }, 60_000);

  it("a folder held by a live download is refused after lockWaitMs, naming the folder and the holder", async () => {
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), since: "2026-12-07T04:00:00.000Z" }),
    );
    const report = await downloadResults(hosted(2), dir, { lockWaitMs: 200 });
    expect(report.failed.map((f) => f.error.reason)).toEqual(["locked", "locked"]);
    expect(report.failed[0]?.error.message).toContain(dir);
    expect(report.failed[0]?.error.message).toContain(`process ${process.pid}`);
    expect(host.requests).toEqual([]);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });

  it.each([
    ["without a start time", {}, `(process ${process.pid} on this machine)`],
    ["with a start time that is not text", { since: 1765080000 }, `(process ${process.pid} on this machine)`],
    ["with a start time", { since: "2026-12-07T04:00:00.000Z" }, "on this machine, since 2026-12-07T04:00:00.000Z)"],
  ])("a lock file %s names its holder without inventing one", async (_label, extra, holder) => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), ...extra }));
    const report = await downloadResults(hosted(1), dir, { lockWaitMs: 100 });
    expect(report.failed[0]?.error.message).toContain(holder);
    expect(report.failed[0]?.error.message).not.toContain("undefined");
  });

  it.each([
    [
      "a dead process",
      () => JSON.stringify({ pid: deadPid(), host: hostname(), since: "2026-12-07T04:00:00.000Z" }),
      false,
    ],
    ["an empty lock file left by a crash", () => "", true],
  ])("a stale lock of %s is taken over", async (_label, content, old) => {
    writeFileSync(join(dir, LOCK_FILE), content());
    if (old) utimesSync(join(dir, LOCK_FILE), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const report = await downloadResults(hosted(2), dir, { lockWaitMs: 200 });
    expect(report.failed).toEqual([]);
    expect(report.written).toHaveLength(2);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

function deadPid(): number {
  const pid = Number(
    execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }),
  );
  return pid;
}

describe("a killed download", () => {
  it("SIGKILL mid-download leaves temporary files; the next run sweeps them and completes every file", async () => {
    let slow = true;
    const batch = hosted(6, (i) => (_request, response) => {
      if (!slow) return serve(bytesOf(50_000, i + 1))(_request, response);
      response.writeHead(200, { "Content-Length": 50_000 });
      response.write(bytesOf(1000, i + 1)); // then nothing: the child is killed mid-file
    });
    const run = child(batch, { concurrency: 6 });
    for (let i = 0; i < 200 && temporaries().filter((f) => f.endsWith(".part")).length < 6; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(temporaries().filter((f) => f.endsWith(".part"))).toHaveLength(6);
    run.process.kill("SIGKILL");
    await run.done;
    expect(temporaries().length).toBeGreaterThanOrEqual(6); // what the killed run left behind
    slow = false;
    const report = await downloadResults(batch, dir);
    expect(report.failed).toEqual([]);
    expect(report.written).toHaveLength(6);
    expect(temporaries()).toEqual([]);
    for (const file of report.written) expect(lstatSync(file.path).size).toBe(50_000);
  }, 60_000);
});
