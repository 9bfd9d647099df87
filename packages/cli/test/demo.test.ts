/** `claid demo` (npm start) reaches a live API only with --live, whatever the environment says. */
import { readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claid, KEY } from "./helpers.ts";

let recorder: Server | undefined;
let demoFolder: string | undefined;
afterEach(async () => {
  if (demoFolder) rmSync(demoFolder, { recursive: true, force: true });
  demoFolder = undefined;
  const server = recorder;
  recorder = undefined;
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A stand-in for the live API that records every request and answers 503. */
async function recordingApi(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  recorder = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(503, { "Content-Type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => recorder?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`, requests };
}

describe("claid demo", () => {
  it("uses its local mock even when CLAID_BASE_URL and CLAID_API_KEY point at an API", async () => {
    const api = await recordingApi();
    const run = await claid(["demo"], { env: { CLAID_BASE_URL: api.url, CLAID_API_KEY: KEY } });
    demoFolder = /^results saved in (\S+)$/m.exec(run.stdout)?.[1];
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Claid Batch API demo against the local mock at http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toContain("2 batches done in");
    expect(api.requests).toEqual([]);
  });

  it("ends with the results downloaded into the folder it names, manifest included", async () => {
    const run = await claid(["demo"]);
    expect(run.code).toBe(0);
    const folder = /^results saved in (\S+)$/m.exec(run.stdout)?.[1];
    expect(folder).toBeDefined();
    demoFolder = folder;
    // The storage-folder batch's results are in "your" storage; the URL list's are files to fetch.
    expect(run.stdout).toContain(
      `${join(folder as string, "batch-1")}: 0 downloaded, 0 already complete, 2 in your storage`,
    );
    expect(run.stdout).toContain(`${join(folder as string, "batch-2")}: 3 downloaded, 0 already complete`);
    expect(readdirSync(join(folder as string, "batch-2")).sort()).toEqual([
      ".claid-downloads.jsonl",
      "bag.webp",
      "hat.webp",
      "shoe.webp",
    ]);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`results saved in ${folder}`);
  });

  it("--base-url without --live is a usage error, nothing sent", async () => {
    const api = await recordingApi();
    const run = await claid(["--base-url", api.url, "demo"]);
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: "claid: --base-url applies to demo only with --live.\n" });
    expect(api.requests).toEqual([]);
  });

  it("--live is what reaches the API (here CLAID_BASE_URL's)", async () => {
    const api = await recordingApi();
    const run = await claid(["demo", "--live"], { env: { CLAID_BASE_URL: api.url } });
    expect(run.stdout).toMatch(/^Claid Batch API demo against the live API/);
    expect(run.code).toBe(1);
    expect(api.requests).toContain("POST /v1/image/edit/batch");
  });
});
