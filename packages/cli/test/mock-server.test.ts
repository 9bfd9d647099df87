/** `claid mock-server` options: tasks that advance by time, and CORS origins. */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, claid } from "./helpers.ts";

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.on("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
});

/** Starts `claid mock-server` with `args`; resolves with its banner and URL, and `output()`: its stdout so far. */
function mockServer(args: string[]): Promise<{ banner: string; url: string; output: () => string }> {
  child = spawn(process.execPath, [CLI, "mock-server", ...args]);
  let stdout = "";
  return new Promise((resolve, reject) => {
    child?.on("exit", (code) => reject(new Error(`claid mock-server exited (${code}) before its banner`)));
    child?.stdout.on("data", (chunk) => {
      const first = stdout === "";
      stdout += chunk;
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (first && match?.[1]) resolve({ banner: stdout, url: match[1], output: () => stdout });
    });
  });
}

/** The lines after the banner, once there are `lines` of them (or what there is after 10 s). */
async function logLines(output: () => string, lines: number): Promise<string[]> {
  const logged = () => output().trimEnd().split("\n").slice(1);
  for (let waited = 0; waited < 10_000 && logged().length < lines; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return logged();
}

const AUTH = { Authorization: "Bearer any", "Content-Type": "application/json" };

describe("claid mock-server", () => {
  it("--task-duration makes tasks run on the clock: polls alone do not finish them", async () => {
    const { banner, url } = await mockServer(["--task-duration", "10m", "--rate-limit", "off"]);
    expect(banner).toMatch(/^Claid mock API \(happy, no rate limit, tasks take 10 minutes\) on/);
    const created = await fetch(`${url}/v1/image/edit/batch`, {
      method: "POST",
      headers: AUTH,
      body: '{"input":"storage://s/in/","operations":{}}',
    });
    const { data } = await created.json();
    // The happy scenario is DONE on the 3rd poll when advancing per poll.
    for (let i = 0; i < 5; i++) {
      const polled = await (await fetch(data.result_url, { headers: AUTH })).json();
      expect(polled.data.status).toBe("PROCESSING");
    }
  });

  it("without it, tasks advance per poll (and the banner says so)", async () => {
    const { banner } = await mockServer([]);
    expect(banner).toMatch(/^Claid mock API \(happy, rate limit .* per key, tasks advance per poll\) on/);
  });

  it("--allow-origin adds a browser origin; others get no CORS", async () => {
    const { url } = await mockServer(["--allow-origin", "https://app.example"]);
    const preflight = (origin: string) =>
      fetch(`${url}/v1/image/edit/batch`, { method: "OPTIONS", headers: { Origin: origin } });
    expect((await preflight("https://app.example")).headers.get("access-control-allow-origin")).toBe(
      "https://app.example",
    );
    expect((await preflight("https://other.example")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("logs one line per request: method, path, status and time, never the key or the query", async () => {
    const { url, output } = await mockServer(["--rate-limit", "off"]);
    const key = "mock-log-key-0123456789";
    const headers = { ...AUTH, Authorization: `Bearer ${key}` };
    const created = await fetch(`${url}/v1/image/edit/batch`, {
      method: "POST",
      headers,
      body: '{"input":"storage://s/in/","operations":{}}',
    });
    expect(created.status).toBe(200);
    await fetch(`${url}/v1/image/edit/batch/1?token=${key}`, { headers });
    await fetch(`${url}/v1/image/edit/batch`, { method: "POST", headers, body: "{" });
    expect(await logLines(output, 3)).toEqual([
      expect.stringMatching(/^POST \/v1\/image\/edit\/batch 200 \d+ ms$/),
      expect.stringMatching(/^GET \/v1\/image\/edit\/batch\/1 200 \d+ ms$/),
      expect.stringMatching(/^POST \/v1\/image\/edit\/batch 4\d\d \d+ ms$/),
    ]);
    expect(output()).not.toContain(key);
  });

  it("--quiet logs no requests", async () => {
    const { url, output } = await mockServer(["--quiet"]);
    await fetch(`${url}/v1/image/edit/batch/1`, { headers: AUTH });
    // The banner's line, then the log line a request would have had time to print by the next one.
    await fetch(`${url}/v1/image/edit/batch/2`, { headers: AUTH });
    expect(output().trimEnd().split("\n")).toHaveLength(1);
  });

  it("--help gives each default once", async () => {
    const run = await claid(["mock-server", "--help"]);
    expect(run.stdout).toMatch(/--port <n> +port \(default: a free one\)\n/);
    expect(run.stdout).not.toContain("(default: 0)");
    expect(run.stdout).toMatch(/--quiet +do not log requests/);
  });

  it("a bad --task-duration is a usage error", async () => {
    const run = await claid(["mock-server", "--task-duration", "soon"]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toMatch(/--task-duration must be a duration like 90s, 10m or 1h; got "soon"/);
  });
});
