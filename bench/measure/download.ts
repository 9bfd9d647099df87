/**
 * Downloading results from a local file server, in two shapes (1,000 × 1 MB and
 * 10,000 × 100 kB): `downloadResults` with its defaults and with
 * `hash: "sha256"`, against the floor, a plain loop of fetch + pipeline with as
 * many requests in flight; then a rerun of the same batch into the same folder
 * (time and requests: it should send none).
 *
 * The server and each downloader are separate plain Node processes (built
 * `@claid/node`, no TypeScript loader), so serving does not compete with
 * downloading for one event loop and peak RSS is the downloader's own.
 *
 * Run this section alone: `npx tsx bench/measure/download.ts` (after a build).
 */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { row, type Stats, stats } from "./stats.ts";

export const SHAPES = [
  { files: 1000, fileBytes: 1_000_000 },
  { files: 10_000, fileBytes: 100_000 },
] as const;
export const DOWNLOAD_ROUNDS = 3;
/** `DownloadOptions.concurrency`'s documented default: the floor keeps as many requests in flight. */
export const DEFAULT_CONCURRENCY = 8;
export const DOWNLOAD_TIME_GOAL = 1.1;
export const DOWNLOAD_RSS_GOAL = 1.1;

const ROOT = join(import.meta.dirname, "../..");
const MODES = ["floor", "claid", "sha256"] as const;
type Mode = (typeof MODES)[number];

export interface ShapeBench {
  files: number;
  fileBytes: number;
  /** Wall time of the downloads alone (process start and imports excluded), ms. */
  wallMs: Record<Mode, Stats>;
  /** Peak resident set size of the downloading process, MB. */
  peakRssMB: Record<Mode, Stats>;
  rerun: { wallMs: Stats; requests: number };
}

export interface DownloadBench {
  concurrency: number;
  rounds: number;
  shapes: ShapeBench[];
}

export interface RunResult {
  ms: number;
  rssMB: number;
  /** Files complete in the folder afterwards (written or, on a rerun, skipped). */
  saved: number;
}

/** /files/<bytes>/<n>.bin answers <bytes> bytes; /count answers (and resets) the number of file requests. */
const SERVER = `
import { createServer } from "node:http";
const bodies = new Map();
let requests = 0;
const server = createServer((request, response) => {
  if (request.url === "/count") return response.end(String(requests), () => (requests = 0));
  requests++;
  const size = Number(request.url.split("/")[2]);
  if (!bodies.has(size)) bodies.set(size, Buffer.alloc(size, 7));
  response.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": size }).end(bodies.get(size));
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

/**
 * argv: mode, server origin, folder, files, bytes per file — or, with bytes "list", the origin is a file of
 * URLs, one a line (other benches time the floor on their own URLs). Prints { ms, rssMB, saved }.
 */
const DOWNLOADER = `
import { createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { downloadResults } from "@claid/node";
const [mode, origin, dir, filesArg, bytesArg, concurrencyArg] = process.argv.slice(1);
const files = Number(filesArg);
const list = bytesArg === "list" ? readFileSync(origin, "utf8").split("\\n") : undefined;
const urlOf = (i) => (list ? list[i] : origin + "/files/" + bytesArg + "/" + i + ".bin");
const object = { ext: "bin", mps: 1, mime: "application/octet-stream", format: "BIN", width: 1, height: 1 };
const results = Array.from({ length: files }, (_, i) => ({ input_object: object, output_object: { ...object, tmp_url: urlOf(i) } }));
const started = performance.now();
let saved = 0;
if (mode === "floor") {
  // The floor reads the same batch object, so both hold it in memory alike.
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files; i = next++) {
      const response = await fetch(results[i].output_object.tmp_url);
      await pipeline(Readable.fromWeb(response.body), createWriteStream(join(dir, i + ".bin")));
      saved++;
    }
  };
  await Promise.all(Array.from({ length: Number(concurrencyArg) }, worker));
} else {
  const options = mode === "sha256" ? { hash: "sha256" } : {};
  const report = await downloadResults({ id: 1, status: "DONE", created_at: "", request: {}, results }, dir, options);
  if (report.failed.length > 0) throw report.failed[0].error;
  saved = report.written.length + report.skipped.length;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, saved }));
`;

function download(
  mode: Mode,
  origin: string,
  dir: string,
  files: number,
  fileBytes: number | "list",
  concurrency = DEFAULT_CONCURRENCY,
): Promise<RunResult> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        DOWNLOADER,
        mode,
        origin,
        dir,
        String(files),
        String(fileBytes),
        String(concurrency),
      ],
      { cwd: ROOT, maxBuffer: 1 << 20 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as RunResult)),
    ),
  );
}

/**
 * The floor for downloading `urls`: the plain fetch + pipeline loop, `concurrency` at once, in its own
 * process, into a fresh folder (removed after). For benches that download more than this one's files.
 */
export async function fetchPipelineFloor(urls: readonly string[], concurrency: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "claid-bench-floor-"));
  try {
    const list = join(dir, "urls.txt");
    writeFileSync(list, urls.join("\n"));
    const result = await download("floor", list, dir, urls.length, "list", concurrency);
    if (result.saved !== urls.length) throw new Error(`the floor saved ${result.saved} of ${urls.length} files`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureDownload(
  shapes: readonly { files: number; fileBytes: number }[] = SHAPES,
  rounds = DOWNLOAD_ROUNDS,
): Promise<DownloadBench> {
  const server = spawn(process.execPath, ["--input-type=module", "-e", SERVER], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const port = await new Promise<string>((resolve) => server.stdout.once("data", (d) => resolve(String(d).trim())));
    const origin = `http://127.0.0.1:${port}`;
    const requests = async () => Number(await (await fetch(`${origin}/count`)).text());
    const measured: ShapeBench[] = [];
    for (const { files, fileBytes } of shapes) {
      const runs: Record<Mode | "rerun", RunResult[]> = { floor: [], claid: [], sha256: [], rerun: [] };
      let rerunRequests = 0;
      // Rounds alternate the downloaders, so a slow moment of the machine hits them alike.
      for (let round = 0; round < rounds; round++) {
        for (const mode of MODES) {
          const dir = mkdtempSync(join(tmpdir(), "claid-bench-download-"));
          try {
            runs[mode].push(await download(mode, origin, dir, files, fileBytes));
            if (mode === "claid") {
              await requests();
              runs.rerun.push(await download("claid", origin, dir, files, fileBytes));
              rerunRequests = Math.max(rerunRequests, await requests());
            }
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }
      }
      if (Object.values(runs).some((list) => list.some((r) => r.saved !== files)))
        throw new Error("a download run did not save every file");
      const of = (list: RunResult[], key: "ms" | "rssMB") => stats(list.map((r) => r[key]));
      measured.push({
        files,
        fileBytes,
        wallMs: { floor: of(runs.floor, "ms"), claid: of(runs.claid, "ms"), sha256: of(runs.sha256, "ms") },
        peakRssMB: { floor: of(runs.floor, "rssMB"), claid: of(runs.claid, "rssMB"), sha256: of(runs.sha256, "rssMB") },
        rerun: { wallMs: of(runs.rerun, "ms"), requests: rerunRequests },
      });
    }
    return { concurrency: DEFAULT_CONCURRENCY, rounds, shapes: measured };
  } finally {
    server.kill();
  }
}

const met = (ok: boolean) => (ok ? "met" : "**missed**");
const spread = (s: Stats, digits: number, factor = 1) =>
  [s.min, s.median, s.max].map((n) => (n * factor).toFixed(digits)).join(" / ");
const shapeName = (s: ShapeBench) =>
  `${s.files.toLocaleString("en")} × ${s.fileBytes >= 1e6 ? `${s.fileBytes / 1e6} MB` : `${s.fileBytes / 1e3} kB`}`;
const timeRatio = (s: ShapeBench, mode: Mode) => s.wallMs[mode].median / s.wallMs.floor.median;
const rssRatio = (s: ShapeBench, mode: Mode) => s.peakRssMB[mode].median / s.peakRssMB.floor.median;

/** The goal rows for the report's summary table. */
export function downloadGoalRows(bench: DownloadBench): string[] {
  const [small, large] = [bench.shapes[0], bench.shapes.at(-1)];
  const rssGrowth = small && large ? large.peakRssMB.claid.median / small.peakRssMB.claid.median : 0;
  return [
    ...bench.shapes.flatMap((s) => [
      row([
        `downloadResults (defaults) ≤ ${DOWNLOAD_TIME_GOAL}× fetch + pipeline (${shapeName(s)})`,
        `${timeRatio(s, "claid").toFixed(2)}×`,
        met(timeRatio(s, "claid") <= DOWNLOAD_TIME_GOAL),
      ]),
      row([
        `downloadResults peak RSS ≤ ${DOWNLOAD_RSS_GOAL}× the floor's (${shapeName(s)})`,
        `${s.peakRssMB.claid.median.toFixed(0)} MB vs ${s.peakRssMB.floor.median.toFixed(0)} MB (${rssRatio(s, "claid").toFixed(2)}×)`,
        met(rssRatio(s, "claid") <= DOWNLOAD_RSS_GOAL),
      ]),
    ]),
    row([
      `downloadResults peak RSS flat from ${small?.files.toLocaleString("en")} to ${large?.files.toLocaleString("en")} files (≤ ${DOWNLOAD_RSS_GOAL}×)`,
      `${rssGrowth.toFixed(2)}×`,
      met(rssGrowth <= DOWNLOAD_RSS_GOAL),
    ]),
    row([
      `rerun of a complete download (${large?.files.toLocaleString("en")} files) sends no request`,
      String(large?.rerun.requests ?? ""),
      met(large?.rerun.requests === 0),
    ]),
  ];
}

/** The section's markdown. */
export function downloadSection(bench: DownloadBench, number = 7): string[] {
  return [
    `## ${number}. Downloading results from a local file server, ${bench.concurrency} at once (${bench.rounds} rounds, each downloader its own process)`,
    "",
    "| files | downloader | wall time s | × floor | peak RSS MB | × floor |",
    "|---|---|---:|---:|---:|---:|",
    ...bench.shapes.flatMap((s) => [
      row([
        shapeName(s),
        "fetch + pipeline loop (floor)",
        spread(s.wallMs.floor, 2, 1 / 1000),
        "1.00",
        spread(s.peakRssMB.floor, 0),
        "1.00",
      ]),
      row([
        shapeName(s),
        "downloadResults (defaults: temporary file, size + mtime, manifest)",
        spread(s.wallMs.claid, 2, 1 / 1000),
        timeRatio(s, "claid").toFixed(2),
        spread(s.peakRssMB.claid, 0),
        rssRatio(s, "claid").toFixed(2),
      ]),
      row([
        shapeName(s),
        'downloadResults, hash: "sha256"',
        spread(s.wallMs.sha256, 2, 1 / 1000),
        timeRatio(s, "sha256").toFixed(2),
        spread(s.peakRssMB.sha256, 0),
        rssRatio(s, "sha256").toFixed(2),
      ]),
      row([
        shapeName(s),
        "downloadResults again, same folder (all skipped)",
        spread(s.rerun.wallMs, 2, 1 / 1000),
        `${s.rerun.requests} requests`,
        "",
        "",
      ]),
    ]),
    "",
  ];
}

if (process.argv[1] === import.meta.filename) {
  const bench = await measureDownload();
  console.log(
    ["| goal | measured | |", "|---|---|---|", ...downloadGoalRows(bench), "", ...downloadSection(bench)].join("\n"),
  );
}
