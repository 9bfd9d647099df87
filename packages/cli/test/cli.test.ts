/** Spawns the built `claid` against the mock server: every command, output mode and exit code. */
import { execFile, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { at, CLI, claid, KEY, useCliTest } from "./helpers.ts";

const { mock, dir: tempDir } = useCliTest();

describe("batch create", () => {
  it("submits a storage folder and prints the task (exit 0)", async () => {
    const server = await mock();
    const run = await claid([
      ...at(server),
      "batch",
      "create",
      "--input",
      "storage://s/in/",
      "--width",
      "1000",
      "--output",
      "storage://s/out/",
    ]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.trim()).toBe(`#1 ACCEPTED  ${server.url}/v1/image/edit/batch/1`);
  });

  it("--json prints one JSON document with the request built from the flags", async () => {
    const server = await mock();
    const args = [
      "batch",
      "create",
      "--input",
      "https://img.example/a.png",
      "https://img.example/b.png",
      "--width",
      "50%",
      "--fit",
      "canvas",
      "--format",
      "webp",
      "--quality",
      "80",
      "--remove-background",
      "--upscale",
      "faces",
      "--decompress",
      "auto",
      "--json",
    ];
    const run = await claid([...at(server), ...args]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).request).toEqual({
      input: ["https://img.example/a.png", "https://img.example/b.png"],
      operations: {
        resizing: { width: "50%", fit: "canvas" },
        background: { remove: true },
        restorations: { upscale: "faces", decompress: "auto" },
      },
      output: { format: { type: "webp", compression: { type: "lossy", quality: 80 } } },
    });
  });

  it("reads --operations from a file or standard input, flags on top", async () => {
    const server = await mock();
    const file = join(tempDir(), "ops.json");
    writeFileSync(file, JSON.stringify({ adjustments: { hdr: 40 }, resizing: { height: 300 } }));
    const fromFile = JSON.parse(
      (
        await claid([
          ...at(server),
          "batch",
          "create",
          "--input",
          "storage://s/in/",
          "--recursive",
          "--operations",
          file,
          "--width",
          "200",
          "--json",
        ])
      ).stdout,
    );
    expect(fromFile.request).toEqual({
      input: { source: "storage://s/in/", recursive: true },
      operations: { adjustments: { hdr: 40 }, resizing: { height: 300, width: 200 } },
    });
    const fromStdin = JSON.parse(
      (
        await claid([...at(server), "batch", "create", "--input", "storage://s/in/", "--operations", "-", "--json"], {
          input: '{"privacy":{"blur_car_plate":true}}',
        })
      ).stdout,
    );
    expect(fromStdin.request.operations).toEqual({ privacy: { blur_car_plate: true } });
  });

  it("--wait shows one line per status change when not a TTY, then the results", async () => {
    const server = await mock({ pollsToComplete: 3 });
    const run = await claid([...at(server), "batch", "create", "--input", "https://img.example/a.png", "--wait"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^submitted batch 1\nbatch 1: PROCESSING \(\d+\.\ds\)\nbatch 1: DONE \(\d+\.\ds\)\n$/);
    expect(run.stdout).toContain("#1 DONE  1 result");
    expect(run.stdout).toMatch(
      /200×200 png → jpeg 200×200 0\.04 MP {2}http:\/\/localhost:\d+\/mock-storage\/1\/a\.jpeg/,
    );
  });
});

describe("usage errors: one line naming the flag, exit 2, nothing sent", () => {
  it.each([
    [
      ["--fit", "stretch"],
      /option '--fit <mode>' argument 'stretch' is invalid\. Allowed choices are crop, cover, bounds, canvas, outpaint\./,
    ],
    [["--width", "abc"], /--width must be a number of pixels, a percentage like 50% or auto/],
    [["--quality", "0", "--format", "jpeg"], /--quality must be a whole number from 1 to 100/],
    [["--quality", "80", "--format", "png"], /--quality needs --format jpeg, webp, avif or tiff/],
    [["--format", "gif"], /Allowed choices are jpeg, png, webp, avif, tiff/],
    [["--upscale", "big"], /Allowed choices are smart_enhance, smart_resize, faces, digital_art, photo/],
    [
      ["--operations", "-"],
      /Invalid request \(with --operations -\): body\.operations\.sharpen is not a known property/,
    ],
    [["--operations", "/nonexistent.json"], /--operations: cannot read \/nonexistent\.json/],
    [["--timeout", "soon", "--wait"], /--timeout must be a duration like 90s, 10m or 1h/],
  ])("%j", async (flags, message) => {
    const server = await mock();
    const run = await claid([...at(server), "batch", "create", "--input", "storage://s/in/", ...flags], {
      input: '{"sharpen": 1}',
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(server.store.requests).toHaveLength(0);
  });

  it("--recursive with image URLs, a missing --input, an unknown command", async () => {
    expect((await claid(["batch", "create", "--input", "https://img.example/a.png", "--recursive"])).code).toBe(2);
    expect((await claid(["batch", "create"])).stderr).toMatch(
      /required option '--input <uri\|url\.\.\.>' not specified/,
    );
    expect((await claid(["batch", "crate"])).code).toBe(2);
  });

  it("a missing key names both ways to give one, exit 2", async () => {
    const run = await claid(["batch", "get", "1"], { env: { CLAID_API_KEY: undefined } });
    expect(run).toMatchObject({
      code: 2,
      stderr: "claid: No API key: set CLAID_API_KEY or pass --api-key-file <path>.\n",
    });
  });

  it("--api-key-file works and the key is never echoed", async () => {
    const server = await mock();
    const keyFile = join(tempDir(), "key");
    writeFileSync(keyFile, `${KEY}\n`);
    const ok = await claid(
      [...at(server), "--api-key-file", keyFile, "batch", "create", "--input", "storage://s/in/"],
      { env: { CLAID_API_KEY: undefined } },
    );
    expect(ok.code).toBe(0);
    writeFileSync(keyFile, "wrong-key-9876543210");
    const denied = await claid([...at(server), "--api-key-file", keyFile, "batch", "get", "1", "--debug"], {
      env: { CLAID_API_KEY: undefined },
    });
    expect(denied.code).toBe(1);
    for (const text of [ok.stdout, ok.stderr, denied.stdout, denied.stderr]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("wrong-key-9876543210");
    }
  });
});

describe("batch get / wait / download and their exit codes", () => {
  it("get --json prints the batch", async () => {
    const server = await mock();
    await claid([...at(server), "batch", "create", "--input", "storage://s/in/"]);
    const run = await claid([...at(server), "batch", "get", "1", "--json"]);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 1, status: "PROCESSING" });
  });

  it("an API error is one line with status, type, message and request id; exit 1; stack only with --debug", async () => {
    const server = await mock();
    const run = await claid([...at(server), "batch", "get", "999"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^claid: 404 Not Found: Batch image edit pipeline not found\. \[error_type general, error_code 130\] \(request id mock-000001\)\n$/,
    );
    const debug = await claid([...at(server), "batch", "get", "999", "--debug"]);
    expect(debug.stderr).toMatch(/NotFoundError: 404[\s\S]*\n {4}at /);
  });

  it("an unreachable API is exit 1", async () => {
    const run = await claid(["--base-url", "http://127.0.0.1:9", "batch", "get", "1"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^claid: GET \/v1\/image\/edit\/batch\/\{task_id\} failed/);
  });

  it.each([
    [["PROCESSING", "DONE"], 0, /#1 DONE/],
    [["PROCESSING", "ERROR"], 3, /Batch 1 ended in ERROR: Image processing failed/],
    [["PROCESSING", "CANCELLED"], 3, /Batch 1 was cancelled/],
  ] as const)("wait on a batch that goes %j exits %i", async (lifecycle, code, output) => {
    const server = await mock({ lifecycle: [...lifecycle] });
    await claid([...at(server), "batch", "create", "--input", "storage://s/in/"]);
    const run = await claid([...at(server), "batch", "wait", "1"]);
    expect(run.code).toBe(code);
    expect(`${run.stdout}${run.stderr}`).toMatch(output);
  });

  it("wait --timeout gives up with exit 4, saying the batch keeps running", async () => {
    const server = await mock({ pollsToComplete: 1000 });
    await claid([...at(server), "batch", "create", "--input", "storage://s/in/"]);
    const run = await claid([...at(server), "batch", "wait", "1", "--timeout", "1s"]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(
      /--timeout ran out waiting for batch 1 \(last status: PROCESSING\)\. The batch keeps running/,
    );
  });

  it("Ctrl-C stops waiting cleanly with exit 130 and the batch id", async () => {
    const server = await mock({ pollsToComplete: 1000 });
    await claid([...at(server), "batch", "create", "--input", "storage://s/in/"]);
    const child = spawn(process.execPath, [CLI, ...at(server), "batch", "wait", "1"], {
      env: { ...process.env, CLAID_API_KEY: KEY },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      const first = !stderr.includes("PROCESSING");
      stderr += chunk;
      if (first && stderr.includes("PROCESSING")) child.kill("SIGINT");
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(
      /Interrupted: stopped waiting\. Batch 1 keeps running on Claid's side; resume with: claid batch wait 1/,
    );
  });
});

describe("demo (npm start)", () => {
  it("runs both example batches against its own mock and prints the results table", async () => {
    // TMPDIR: the results folder goes into this file's temporary folder, removed afterwards.
    const run = await claid(["demo"], { env: { CLAID_API_KEY: undefined, TMPDIR: tempDir() } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Claid Batch API demo against the local mock at http:\/\/127\.0\.0\.1:\d+ \(no API key needed\)/,
    );
    expect(run.stderr).toMatch(/batch 1: DONE[\s\S]*batch 2: DONE|batch 2: DONE[\s\S]*batch 1: DONE/);
    expect(run.stdout).toContain("#1 DONE  2 results");
    expect(run.stdout).toContain(
      "200×200 jpg → jpeg 1000×1000 1.00 MP  storage://storage_1/output_folder/image-1.jpeg",
    );
    expect(run.stdout).toContain("#2 DONE  3 results");
    expect(run.stdout).toMatch(
      /400×400 jpg → webp 800×800 0\.64 MP {2}http:\/\/localhost:\d+\/mock-storage\/2\/hat\.webp/,
    );
    // 10 API requests, then the 3 files of the URL-list batch.
    expect(run.stdout).toMatch(/2 batches done in \d+\.\d s, 13 requests to the mock\nresults saved in \S+\n$/);
  });
});

describe("mock-server", () => {
  /** Starts `claid mock-server <args>`, POSTs one batch, stops it; the answer and the banner. */
  async function serveOnce(args: string[]) {
    const child = spawn(process.execPath, [CLI, "mock-server", ...args]);
    let stdout = "";
    const url = await new Promise<string>((resolve) => {
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
    });
    const created = await fetch(`${url}/v1/image/edit/batch`, {
      method: "POST",
      headers: { Authorization: "Bearer any", "Content-Type": "application/json" },
      body: '{"input":"storage://s/in/","operations":{}}',
    });
    child.kill("SIGTERM");
    const code = await new Promise((resolve) => child.on("exit", resolve));
    return { created, code, stdout };
  }

  it("serves the mock until SIGTERM, then exits 0", async () => {
    const { created, code, stdout } = await serveOnce(["--scenario", "error"]);
    expect(created.status).toBe(200);
    expect(code).toBe(0);
    expect(stdout).toContain("mock server stopped");
  });

  it.each([
    [[], "4, 120;w=60, 4;w=1", "rate limit 120;w=60, 4;w=1 per key"],
    [["--rate-limit", "10;w=60"], "10, 10;w=60", "rate limit 10;w=60 per key"],
    [["--scenario", "rate-limited"], "1, 5;w=10, 1;w=1", "rate limit 5;w=10, 1;w=1 per key"],
    [["--rate-limit", "off"], null, "no rate limit"],
  ])("%j announces RateLimit-Limit %j", async (args, limit, banner) => {
    const { created, stdout } = await serveOnce(args);
    expect(created.headers.get("RateLimit-Limit")).toBe(limit);
    expect(stdout).toContain(banner);
  });

  it("refuses a malformed --rate-limit with exit 2, naming it", async () => {
    const run = await claid(["mock-server", "--rate-limit", "lots"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^claid: rateLimit must be .*got "lots"/);
  });
});

describe("on a TTY", () => {
  it("renders a live spinner in a real terminal (tmux) and ends with a clean success line", async () => {
    const server = await mock({ pollsToComplete: 3 });
    const session = `claid-cli-test-${process.pid}`;
    // A user's terminal: without CI=true, which makes ora (rightly) skip the animation.
    const command = `env -u CI CLAID_API_KEY=${KEY} ${process.execPath} ${CLI} --base-url ${server.url} batch create --input https://img.example/a.png --wait; echo EXIT=$?; sleep 30`;
    const tmux = (...args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile("tmux", args, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
    await tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "12", command);
    const screens: string[] = [];
    try {
      for (let i = 0; i < 200 && !screens.at(-1)?.includes("EXIT="); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        screens.push(await tmux("capture-pane", "-p", "-t", session));
      }
    } finally {
      await tmux("kill-session", "-t", session).catch(() => undefined);
    }
    const final = screens.at(-1) ?? "";
    expect(screens.some((screen) => /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] #1 PROCESSING/.test(screen))).toBe(true);
    expect(final).toMatch(/✔ #1 DONE {2}\d+\.\ds/);
    expect(final).toContain("#1 DONE  1 result");
    expect(final).toContain("EXIT=0");
    expect(final).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/); // the spinner line was replaced, not left behind
  });
});
