import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type BatchResult, createClaid, downloadResults, InvalidArgumentError } from "../src/index.ts";

const KEY = "node-test-key-0123456789";
/** A whole PNG: its signature through its last chunk (IEND and its CRC); the mock serves real images. */
const WHOLE_PNG = /^.PNG[\s\S]*IEND[\s\S]{4}$/;
let mock: ClaidMockServer;
let dir: string;

beforeAll(async () => {
  mock = await createClaidMockServer({ apiKey: KEY, pollsToComplete: 1 });
});
afterAll(() => mock.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claid-download-"));
  mock.store.reset();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function finishedBatch(
  input: string[] | string = ["https://img.example/a.png", "https://img.example/b.png", "https://img.example/c.png"],
): Promise<BatchResult> {
  const claid = createClaid({ apiKey: KEY, baseUrl: mock.url });
  return claid.batches.createAndWait({ input, operations: {}, output: { format: "png" } });
}

describe("createClaid", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("falls back to CLAID_API_KEY and CLAID_BASE_URL", async () => {
    process.env.CLAID_API_KEY = KEY;
    process.env.CLAID_BASE_URL = mock.url;
    const accepted = await createClaid().batches.create({ input: "storage://s/in/", operations: {} });
    expect(accepted.status).toBe("ACCEPTED");
    expect(mock.store.requests[0]).toMatchObject({ authorized: true, url: `${mock.url}/v1/image/edit/batch` });
  });

  it("names the option and the environment variable when there is no key", () => {
    delete process.env.CLAID_API_KEY;
    expect(() => createClaid()).toThrow(InvalidArgumentError);
    expect(() => createClaid()).toThrow(/`apiKey`.*CLAID_API_KEY/);
  });
});

describe("downloadResults", () => {
  it("streams every output to a file named after it, into a folder it creates, without the key", async () => {
    const result = await finishedBatch();
    const target = join(dir, "new", "folder");
    const report = await downloadResults(result, target);
    expect(report.failed).toEqual([]);
    expect(report.written).toEqual(["a.png", "b.png", "c.png"].map((f) => join(target, f)));
    for (const path of report.written) expect(readFileSync(path, "latin1")).toMatch(WHOLE_PNG);
    const downloads = mock.store.requestsOf("download");
    expect(downloads).toHaveLength(3);
    expect(downloads.every((d) => !d.authorized && d.url.startsWith(mock.storageUrl))).toBe(true);
  });

  it("never overwrites an existing file unless asked", async () => {
    const result = await finishedBatch();
    writeFileSync(join(dir, "b.png"), "mine");
    const report = await downloadResults(result, dir);
    expect(report.written).toEqual([join(dir, "a.png"), join(dir, "c.png")]);
    expect(report.failed).toMatchObject([{ index: 1, path: join(dir, "b.png") }]);
    expect(report.failed[0]?.error.message).toMatch(/exists; pass overwrite: true/);
    expect(readFileSync(join(dir, "b.png"), "utf8")).toBe("mine");
    const again = await downloadResults(result, dir, { overwrite: true });
    expect(again.failed).toEqual([]);
    expect(readFileSync(join(dir, "b.png"), "latin1")).toMatch(WHOLE_PNG);
  });

  it("reports a failed file and keeps the others, leaving no partial file", async () => {
    const result = await finishedBatch();
    mock.store.injectFault({ type: "status", status: 500 }, { operation: "download" });
    const report = await downloadResults(result, dir, { concurrency: 1 });
    expect(report.written).toEqual([join(dir, "b.png"), join(dir, "c.png")]);
    expect(report.failed).toMatchObject([{ index: 0 }]);
    expect(report.failed[0]?.error.message).toMatch(/answered 500/);
    expect(readdirSync(dir).sort()).toEqual(["b.png", "c.png"]);
  });

  it("reports outputs stored at a storage location (no tmp_url) per file", async () => {
    const claid = createClaid({ apiKey: KEY, baseUrl: mock.url });
    const result = await claid.batches.createAndWait({
      input: "storage://s/in/",
      operations: {},
      output: "storage://s/out/",
    });
    const report = await downloadResults(result, dir);
    expect(report.written).toEqual([]);
    expect(report.failed.map((f) => f.error.message)).toEqual([
      expect.stringMatching(/storage:\/\/s\/out\/image-1.jpeg/),
      expect.stringMatching(/image-2/),
    ]);
  });

  it("keeps at most `concurrency` downloads in flight", async () => {
    const urls = Array.from({ length: 8 }, (_, i) => `https://img.example/${i}.png`);
    const result = await finishedBatch(urls);
    let inFlight = 0;
    let peak = 0;
    const counting = async (request: Request) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await fetch(request);
      } finally {
        inFlight--;
      }
    };
    const report = await downloadResults(result, dir, { concurrency: 3, fetch: counting });
    expect(report.written).toHaveLength(8);
    expect(peak).toBe(3);
  });

  it("stops on abort with the reason, removing partial files", async () => {
    const result = await finishedBatch();
    mock.store.injectFault({ type: "latency", ms: 5000 }, { operation: "download", times: 3 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await expect(downloadResults(result, dir, { signal: controller.signal })).rejects.toThrow("stop");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("makes unsafe or duplicate names safe and unique, inside the folder", async () => {
    const object = { ext: "png", mps: 1, mime: "image/png", format: "PNG", width: 1, height: 1 };
    const paths = ["1/photo.png", "2/photo.png", "3/..%2F..%2Fescape.png", "4/we%20ird%3Cname%3E.png", "5/"];
    const result: BatchResult = {
      id: 9,
      status: "DONE",
      created_at: "2026-11-27T09:00:00Z",
      request: {},
      results: paths.map((p) => ({
        input_object: object,
        output_object: { ...object, tmp_url: `${mock.storageUrl}/${p}` },
      })),
    };
    const report = await downloadResults(result, dir);
    expect(report.failed.map((f) => f.error.message)).toEqual([expect.stringMatching(/answered 404/)]);
    expect(report.written.map((p) => p.slice(dir.length + 1))).toEqual([
      "photo.png",
      "photo-2.png",
      "escape.png",
      "we_ird_name_.png",
    ]);
    expect(report.failed[0]?.path).toBe(join(dir, "9-5.png"));
  });
});
