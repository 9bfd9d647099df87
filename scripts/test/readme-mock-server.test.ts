import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { compileReadmeSnippet } from "./readme-snippet.ts";

it("@claid/msw README: the @claid/msw/node example runs as written and closes its server", async () => {
  const snippet = await compileReadmeSnippet("packages/msw/README.md", "createClaidMockServer(");
  try {
    // The process exits by itself only if close() released the server.
    const { stdout } = await promisify(execFile)(process.execPath, [snippet.file], { timeout: 20_000 });
    expect(stdout.split("\n")).toEqual(["DONE true", "2", ""]);
  } finally {
    snippet.remove();
  }
}, 30_000);
