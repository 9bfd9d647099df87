/**
 * `claid batch create --input-file … --wait --download <dir>` killed for real (SIGKILL, Ctrl-C) during a POST,
 * a poll and a file download, then run again: no batch created twice, no complete file fetched again, nothing lost.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { describe, expect, it } from "vitest";
import { at, CLI, claid, KEY, useCliTest } from "./helpers.ts";

const { mock, dir } = useCliTest();

let runs = 0;
function setup(count: number) {
  const base = join(dir(), `run-${++runs}`);
  writeFileSync(
    `${base}.txt`,
    `${Array.from({ length: count }, (_, i) => `https://img.example/${i + 1}.png`).join("\n")}\n`,
  );
  const args = [
    "batch",
    "create",
    "--input-file",
    `${base}.txt`,
    "--batch-size",
    "2",
    "--wait",
    "--download",
    `${base}-out`,
  ];
  return { args, out: `${base}-out` };
}

type Operation = "create" | "retrieve" | "download";
const requests = (server: ClaidMockServer, operation: Operation) => server.store.requestsOf(operation).length;

/** Starts the command and sends `signal` once the mock has received the `nth` request of `operation`. */
async function killAt(
  server: ClaidMockServer,
  args: string[],
  operation: Operation,
  nth: number,
  signal: NodeJS.Signals,
) {
  const child = spawn(process.execPath, [CLI, ...at(server), ...args], { env: { ...process.env, CLAID_API_KEY: KEY } });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // Every batch journaled first (unless the POST is the stage): a kill during a POST is the other test's.
  const journal = `${args[3]}.claid-journal`;
  const journaled = () =>
    existsSync(journal) ? readFileSync(journal, "utf8").split('"submission":"submitted"').length - 1 : 0;
  while (requests(server, operation) < nth || (operation !== "create" && journaled() < 3))
    await new Promise((resolve) => setTimeout(resolve, 10));
  child.kill(signal);
  return { code: await exited, stderr: () => stderr };
}

/** Every result file in the chunk folders (manifests and lock files aside). */
function filesIn(out: string): string[] {
  if (!existsSync(out)) return [];
  return readdirSync(out).flatMap((chunk) =>
    readdirSync(join(out, chunk))
      .filter((name) => !name.startsWith("."))
      .map((name) => `${chunk}/${name}`),
  );
}

/** Files recorded complete in the manifests: a rerun must not fetch them again. */
function recordedComplete(out: string): number {
  if (!existsSync(out)) return 0;
  return readdirSync(out)
    .map((chunk) => join(out, chunk, ".claid-downloads.jsonl"))
    .filter(existsSync)
    .reduce((n, manifest) => n + readFileSync(manifest, "utf8").split("\n").filter(Boolean).length, 0);
}

describe("batch create --input-file --wait --download, interrupted and run again", () => {
  it.each<[string, Operation, number, NodeJS.Signals]>([
    ["SIGKILL during a poll", "retrieve", 2, "SIGKILL"],
    ["SIGKILL during a file download", "download", 3, "SIGKILL"],
    ["Ctrl-C during a poll", "retrieve", 2, "SIGINT"],
    ["Ctrl-C during a file download", "download", 3, "SIGINT"],
  ])(
    "%s: the rerun creates nothing twice, fetches no complete file again, and ends with every file once",
    async (_, operation, nth, signal) => {
      const server = await mock({ pollsToComplete: 1 });
      const { args, out } = setup(6);
      // The request the run is stopped in takes its time, so that the signal lands while it is in flight.
      for (let i = 1; i < nth; i++) server.store.injectFault({ type: "latency", ms: 0 }, { operation });
      server.store.injectFault({ type: "latency", ms: 1500 }, { operation });
      const stopped = await killAt(server, args, operation, nth, signal);
      expect(stopped.code).toBe(signal === "SIGKILL" ? null : 130);
      const creates = requests(server, "create");
      const complete = recordedComplete(out);
      const downloads = requests(server, "download");

      const rerun = await claid([...at(server), ...args, "--json"]);
      expect(rerun.code).toBe(0);
      const summary = JSON.parse(rerun.stdout) as {
        totals: { files: { skipped: number; written: number } };
        toRetry: unknown[];
      };
      expect(summary.toRetry).toEqual([]);
      expect(filesIn(out)).toHaveLength(6);
      expect(new Set(server.store.tasks.values()).size).toBe(3);
      // The chunks created before the kill are not created again; the rest once each.
      expect(requests(server, "create")).toBe(3);
      expect(creates).toBeLessThanOrEqual(3);
      // Every file complete before the kill is skipped; only the others are fetched.
      expect(summary.totals.files.skipped + summary.totals.files.written).toBe(6);
      expect(requests(server, "download") - downloads).toBe(6 - complete);
    },
  );

  it("SIGKILL during POSTs: the rerun reports those chunks unknown and downloads the others; --retry-unknown completes it", async () => {
    const server = await mock({ pollsToComplete: 1 });
    const { args, out } = setup(6);
    // Chunk 1's POST goes alone (the pacer learns the policy from its answer), then chunks 2 and 3's together.
    server.store.injectFault({ type: "latency", ms: 0 }, { operation: "create" });
    server.store.injectFault({ type: "latency", ms: 1500 }, { operation: "create", times: 2 });
    expect((await killAt(server, args, "create", 3, "SIGKILL")).code).toBe(null);
    while (server.store.tasks.size < 3) await new Promise((resolve) => setTimeout(resolve, 20));

    const rerun = await claid([...at(server), ...args]);
    expect(rerun.code).toBe(1);
    expect(rerun.stderr).toContain("claid: chunk 2 (lines 3–4): outcome unknown");
    expect(rerun.stderr).toContain("claid: chunk 3 (lines 5–6): outcome unknown");
    expect(requests(server, "create")).toBe(3);
    expect(filesIn(out).map((f) => f.split("/")[0])).toEqual(["chunk-000001", "chunk-000001"]);

    const retried = await claid([...at(server), ...args, "--retry-unknown"]);
    expect(retried.code).toBe(0);
    expect(requests(server, "create")).toBe(5);
    expect(filesIn(out)).toHaveLength(6);
    expect(retried.stdout).toMatch(
      /^3 batches: 3 DONE\n6 images done, 0 failed\nfiles: 4 downloaded, 2 already complete, 0 expired, 0 failed, 0 in your storage → /,
    );
  });
});
