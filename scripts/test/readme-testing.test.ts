/**
 * The README's "Testing your code" examples, run as written: the vitest ones by vitest, the
 * node:test one by Node's test runner, each in a child process that must pass every test of the
 * example (a hang fails it by the example's own test timeout).
 */
import { execFile } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { ROOT } from "../packages.ts";
import { compileReadmeSnippet } from "./readme-snippet.ts";

const run = promisify(execFile);
/** Per test of an example: a hang (fake timers that do not drive the wait) fails within this. */
const EXAMPLE_TEST_TIMEOUT_MS = 10_000;

it.each([
  ["the fast path (client poll option, finishOnFirstPoll)", "async function thumbnails", 3],
  ["fake timers", "vi.useFakeTimers()", 1],
])(
  "README, Testing your code: the vitest example of %s passes",
  async (_, marker, tests) => {
    const snippet = await compileReadmeSnippet("README.md", marker);
    try {
      // vitest looks for *.test.* files and skips node_modules unless told otherwise.
      const folder = dirname(snippet.file);
      renameSync(snippet.file, join(folder, "example.test.mjs"));
      writeFileSync(
        join(folder, "vitest.config.mjs"),
        `export default { test: { include: ["example.test.mjs"], exclude: [], testTimeout: ${EXAMPLE_TEST_TIMEOUT_MS} } };`,
      );
      const vitest = join(ROOT, "node_modules/vitest/vitest.mjs");
      const { stdout } = await run(
        process.execPath,
        [vitest, "run", "--root", folder, "--config", "vitest.config.mjs"],
        {
          cwd: folder,
          env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
          timeout: 60_000,
        },
      );
      expect(stdout).toMatch(new RegExp(`Tests +${tests} passed \\(${tests}\\)`));
    } finally {
      snippet.remove();
    }
  },
  90_000,
);

it("README, Testing your code: the node:test example with mock.timers passes", async () => {
  const snippet = await compileReadmeSnippet("README.md", 'from "node:test"');
  try {
    const { stdout } = await run(process.execPath, ["--test", "--test-reporter=tap", snippet.file], {
      timeout: 60_000,
    });
    expect(stdout).toMatch(/^# pass 1$/m);
    expect(stdout).toMatch(/^# fail 0$/m);
  } finally {
    snippet.remove();
  }
}, 90_000);
