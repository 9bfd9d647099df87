/** A file that keeps trickling under the stall timeout still ends: the per-file total deadline. */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BatchResult, DownloadError, downloadResults, InvalidArgumentError } from "../src/index.ts";
import { bytesOf, createFileHost, type FileHost, serve } from "./file-host.ts";

let host: FileHost;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "claid-deadline-"));
  host = await createFileHost();
});
afterEach(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const OBJECT = { ext: "png", mps: 1, mime: "image/png", format: "PNG", width: 1, height: 1 };
const batchOf = (urls: string[]): BatchResult =>
  ({
    id: 7,
    status: "DONE",
    created_at: "2026-11-27T09:00:00Z",
    request: {},
    results: urls.map((url) => ({ input_object: OBJECT, output_object: { ...OBJECT, tmp_url: url } })),
  }) as BatchResult;

describe("fileTimeoutMs", () => {
  it("ends a file trickling 1 byte every 300 ms (stall timeout 3 s, never reached) at its deadline; the others download", async () => {
    host.route("/1/trickle.png", (_request, response) => {
      response.writeHead(200, { "Content-Length": 1_000_000 });
      const timer = setInterval(() => response.write("x"), 300);
      response.on("close", () => clearInterval(timer));
    });
    host.route("/2/ok.png", serve(bytesOf(100)));
    const report = await downloadResults(batchOf([`${host.origin}/1/trickle.png`, `${host.origin}/2/ok.png`]), dir, {
      stallTimeoutMs: 3000,
      fileTimeoutMs: 1500,
    });
    expect(report.written.map((f) => f.index)).toEqual([1]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.error).toBeInstanceOf(DownloadError);
    expect(report.failed[0]?.error).toMatchObject({
      reason: "timed-out",
      message: expect.stringMatching(
        /trickle\.png did not finish within 1500 ms \(fileTimeoutMs\); gave up after \d+ bytes/,
      ),
    });
    expect(readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it.each([0, -1, Number.NaN, "10", 2 ** 31])("refuses fileTimeoutMs %s, naming the option", async (value) => {
    const call = downloadResults(batchOf([`${host.origin}/1/a.png`]), dir, { fileTimeoutMs: value as number });
    await expect(call).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(call).rejects.toMatchObject({ argument: "options.fileTimeoutMs" });
  });
});
