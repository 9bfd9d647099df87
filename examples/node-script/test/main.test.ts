import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { ClaidMockServer } from "@claid/msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";

let mock: ClaidMockServer;
let cwd: string;
beforeAll(async () => {
  mock = await startMock(2);
  cwd = mkdtempSync(join(tmpdir(), "claid-node-example-"));
});
afterAll(async () => {
  await mock.close();
  rmSync(cwd, { recursive: true, force: true });
});

it("creates, waits and downloads with @claid/node", async () => {
  const script = join(import.meta.dirname, "../main.mjs");
  const env = { ...process.env, CLAID_API_KEY: API_KEY, CLAID_BASE_URL: mock.url };
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [script, "https://img.example/shoe.png", "https://img.example/bag.png"],
    { cwd, env },
  );
  expect(stdout).toBe(
    ["batch 1: PROCESSING", "batch 1: DONE", `saved out/shoe.webp`, `saved out/bag.webp`, ""].join("\n"),
  );
  // The manifest beside the files lets a rerun skip them.
  expect(readdirSync(join(cwd, "out")).sort()).toEqual([".claid-downloads.jsonl", "bag.webp", "shoe.webp"]);
}, 60_000);
