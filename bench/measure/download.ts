/**
 * Downloading 1,000 files of 1 MB from a local file server: `downloadResults`
 * at its default concurrency against the floor, a plain loop of fetch +
 * pipeline with as many requests in flight, then a rerun of the same batch
 * into the same folder (time and requests: it should send none).
 *
 * The server and each downloader are separate plain Node processes (built
 * `@claid/node`, no TypeScript loader), so serving does not compete with
 * downloading for one event loop and peak RSS is the downloader's own.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Stats, stats } from "./stats.ts";

export const FILES = 1000;
export const FILE_BYTES = 1_000_000;
export const DOWNLOAD_ROUNDS = 3;
/** `DownloadOptions.concurrency`'s documented default: the floor keeps as many requests in flight. */
export const DEFAULT_CONCURRENCY = 8;

const ROOT = join(import.meta.dirname, "../..");

export interface DownloadBench {
  files: number;
  fileBytes: number;
  concurrency: number;
  /** Wall time of the downloads alone (process start and imports excluded), ms. */
  wallMs: { floor: Stats; claid: Stats };
  /** Peak resident set size of the downloading process, MB. */
  peakRssMB: { floor: Stats; claid: Stats };
  rerun: { wallMs: Stats; requests: number };
}

interface RunResult {
  ms: number;
  rssMB: number;
  /** Files complete in the folder afterwards (written or, on a rerun, skipped). */
  saved: number;
}

/** Every /files/<n>.bin is the same bytes; /count answers (and resets) the number of file requests. */
const SERVER = `
import { createServer } from "node:http";
const body = Buffer.alloc(${FILE_BYTES}, 7);
let requests = 0;
const server = createServer((request, response) => {
  if (request.url === "/count") return response.end(String(requests), () => (requests = 0));
  requests++;
  response.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": ${FILE_BYTES} }).end(body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

/** argv: mode ("claid" | "floor"), server origin, folder. Prints { ms, rssMB, saved }. */
const DOWNLOADER = `
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { downloadResults } from "@claid/node";
const [mode, origin, dir] = process.argv.slice(1);
const urlOf = (i) => origin + "/files/" + i + ".bin";
const object = { ext: "bin", mps: 1, mime: "application/octet-stream", format: "BIN", width: 1, height: 1 };
const results = Array.from({ length: ${FILES} }, (_, i) => ({ input_object: object, output_object: { ...object, tmp_url: urlOf(i) } }));
const started = performance.now();
let saved = 0;
if (mode === "claid") {
  const report = await downloadResults({ id: 1, status: "DONE", created_at: "", request: {}, results }, dir);
  if (report.failed.length > 0) throw report.failed[0].error;
  saved = report.written.length + report.skipped.length;
} else {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ${FILES}; i = next++) {
      const response = await fetch(urlOf(i));
      await pipeline(Readable.fromWeb(response.body), createWriteStream(join(dir, i + ".bin")));
      saved++;
    }
  };
  await Promise.all(Array.from({ length: ${DEFAULT_CONCURRENCY} }, worker));
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, saved }));
`;

function download(mode: "claid" | "floor", origin: string, dir: string): Promise<RunResult> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ["--input-type=module", "-e", DOWNLOADER, mode, origin, dir],
      { cwd: ROOT },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as RunResult)),
    ),
  );
}

export async function measureDownload(): Promise<DownloadBench> {
  const server = spawn(process.execPath, ["--input-type=module", "-e", SERVER], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const port = await new Promise<string>((resolve) => server.stdout.once("data", (d) => resolve(String(d).trim())));
    const origin = `http://127.0.0.1:${port}`;
    const requests = async () => Number(await (await fetch(`${origin}/count`)).text());
    const runs = { floor: [] as RunResult[], claid: [] as RunResult[], rerun: [] as RunResult[] };
    let rerunRequests = 0;
    // Rounds alternate, so a slow moment of the machine hits both alike.
    for (let round = 0; round < DOWNLOAD_ROUNDS; round++) {
      for (const mode of ["floor", "claid"] as const) {
        const dir = mkdtempSync(join(tmpdir(), "claid-bench-download-"));
        try {
          runs[mode].push(await download(mode, origin, dir));
          if (mode === "claid") {
            await requests();
            runs.rerun.push(await download("claid", origin, dir));
            rerunRequests = Math.max(rerunRequests, await requests());
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
    if (Object.values(runs).some((list) => list.some((r) => r.saved !== FILES)))
      throw new Error("a download run did not save every file");
    const of = (list: RunResult[], key: "ms" | "rssMB") => stats(list.map((r) => r[key]));
    return {
      files: FILES,
      fileBytes: FILE_BYTES,
      concurrency: DEFAULT_CONCURRENCY,
      wallMs: { floor: of(runs.floor, "ms"), claid: of(runs.claid, "ms") },
      peakRssMB: { floor: of(runs.floor, "rssMB"), claid: of(runs.claid, "rssMB") },
      rerun: { wallMs: of(runs.rerun, "ms"), requests: rerunRequests },
    };
  } finally {
    server.kill();
  }
}
