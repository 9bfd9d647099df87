/**
 * What a rerun trusts: size + mtime recorded in the manifest by default (rsync's
 * quick check), SHA-256 when asked for (`hash: "sha256"`), re-hashing with
 * `verify: true`; the manifest names its fields for what they hold, and a
 * manifest written by 0.1.0 still works.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BatchResult, downloadResults, MANIFEST_FILE } from "../src/index.ts";
import { bytesOf, createFileHost, type FileHost, serve } from "./file-host.ts";

let host: FileHost;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "claid-integrity-"));
  host = await createFileHost();
});
afterEach(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const OBJECT = { ext: "png", mps: 1, mime: "image/png", format: "PNG", width: 1, height: 1 };
function hosted(paths: string[]): BatchResult {
  paths.forEach((path, i) => {
    host.route(path, serve(bytesOf(2000, i + 1)));
  });
  return {
    id: 7,
    status: "DONE",
    created_at: "2026-11-27T09:00:00Z",
    request: {},
    results: paths.map((path) => ({
      input_object: OBJECT,
      output_object: { ...OBJECT, tmp_url: `${host.origin}${path}?sig=1` },
    })),
  } as BatchResult;
}
const lines = () =>
  readFileSync(join(dir, MANIFEST_FILE), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const fetched = (before: number) => host.requests.slice(before).map((r) => r.path.split("?")[0]);

describe("the manifest", () => {
  it("records taskId, index, urlPath, file, bytes and mtimeMs per file; no hash by default", async () => {
    await downloadResults(hosted(["/1/a.png"]), dir);
    expect(lines()).toEqual([
      {
        taskId: 7,
        index: 0,
        urlPath: "/1/a.png",
        file: "a.png",
        bytes: 2000,
        mtimeMs: statSync(join(dir, "a.png")).mtimeMs,
      },
    ]);
  });

  it('records the SHA-256 with hash: "sha256" and reports it', async () => {
    const report = await downloadResults(hosted(["/1/a.png"]), dir, { hash: "sha256" });
    expect(lines()[0]).toMatchObject({ sha256: sha256(bytesOf(2000, 1)) });
    expect(report.written[0]?.sha256).toBe(sha256(bytesOf(2000, 1)));
  });

  it("reads a manifest written by 0.1.0 (result, url, sha256): a matching file is skipped with no request and re-recorded", async () => {
    const batch = hosted(["/1/a.png", "/2/b.png"]);
    writeFileSync(join(dir, "a.png"), bytesOf(2000, 1));
    writeFileSync(join(dir, "b.png"), "changed since");
    const old = (file: string, index: number, data: Buffer) =>
      JSON.stringify({ result: 7, index, url: `/${index + 1}/${file}`, file, bytes: 2000, sha256: sha256(data) });
    writeFileSync(
      join(dir, MANIFEST_FILE),
      `${old("a.png", 0, bytesOf(2000, 1))}\n${old("b.png", 1, bytesOf(2000, 2))}\n`,
    );
    const before = host.requests.length;
    const report = await downloadResults(batch, dir);
    expect(report.skipped.map((f) => f.index)).toEqual([0]);
    expect(report.written.map((f) => f.index)).toEqual([1]);
    expect(report.failed).toEqual([]);
    expect(fetched(before)).toEqual(["/2/b.png"]);
    const again = host.requests.length;
    const rerun = await downloadResults(batch, dir);
    expect(rerun.skipped.map((f) => f.index)).toEqual([0, 1]);
    expect(host.requests.length).toBe(again);
    expect(lines().every((line) => line.taskId === 7 && typeof line.urlPath === "string")).toBe(true);
  });
});

describe("completeness checks on a rerun", () => {
  it.each([
    ["same size, different mtime", (path: string) => utimesSync(path, new Date(2020, 0, 1), new Date(2020, 0, 1))],
    ["different size", (path: string) => writeFileSync(path, "edited")],
  ])("a recorded file changed on disk (%s) is fetched again, never reported as exists", async (_label, change) => {
    const batch = hosted(["/1/a.png", "/2/b.png"]);
    await downloadResults(batch, dir);
    change(join(dir, "a.png"));
    const before = host.requests.length;
    const report = await downloadResults(batch, dir);
    expect(report.failed).toEqual([]);
    expect(report.written.map((f) => f.index)).toEqual([0]);
    expect(report.skipped.map((f) => f.index)).toEqual([1]);
    expect(fetched(before)).toEqual(["/1/a.png"]);
    expect(readFileSync(join(dir, "a.png"))).toEqual(bytesOf(2000, 1));
  });

  it("verify: true re-hashes recorded files and fetches a mismatch again (same size and mtime)", async () => {
    const batch = hosted(["/1/a.png", "/2/b.png"]);
    await downloadResults(batch, dir, { hash: "sha256" });
    const path = join(dir, "a.png");
    const tampered = Buffer.from(bytesOf(2000, 1));
    tampered[100] = (tampered[100] ?? 0) ^ 0xff;
    writeFileSync(path, tampered);
    // Bit rot: same size, and the manifest's mtime made to match the file's, so the quick check passes.
    const mtimeMs = statSync(path).mtimeMs;
    writeFileSync(
      join(dir, MANIFEST_FILE),
      lines()
        .map((line) => `${JSON.stringify(line.file === "a.png" ? { ...line, mtimeMs } : line)}\n`)
        .join(""),
    );
    const before = host.requests.length;
    const quick = await downloadResults(batch, dir);
    expect(quick.skipped).toHaveLength(2); // the quick check cannot see it: that is what verify is for
    const verified = await downloadResults(batch, dir, { verify: true });
    expect(verified.written.map((f) => f.index)).toEqual([0]);
    expect(verified.skipped.map((f) => f.index)).toEqual([1]);
    expect(fetched(before)).toEqual(["/1/a.png"]);
    expect(readFileSync(path)).toEqual(bytesOf(2000, 1));
  });

  it("verify: true on files recorded without a hash says so, leaves them, and fetches nothing", async () => {
    const batch = hosted(["/1/a.png"]);
    await downloadResults(batch, dir);
    const before = host.requests.length;
    const report = await downloadResults(batch, dir, { verify: true });
    expect(report.failed.map((f) => f.error.reason)).toEqual(["unverifiable"]);
    expect(report.failed[0]?.error.message).toMatch(/no SHA-256 recorded.*hash: "sha256"/);
    expect(report.failed[0]?.error.message).not.toMatch(/--/);
    expect(host.requests.length).toBe(before);
  });

  it("a file that exists and is not recorded is refused without naming a CLI flag", async () => {
    writeFileSync(join(dir, "a.png"), "mine");
    const report = await downloadResults(hosted(["/1/a.png"]), dir);
    expect(report.failed[0]?.error.reason).toBe("exists");
    expect(report.failed[0]?.error.message).toMatch(/overwrite: true/);
    expect(report.failed[0]?.error.message).not.toMatch(/--/);
  });
});
