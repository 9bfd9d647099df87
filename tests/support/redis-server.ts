/**
 * A real redis-server (Debian's `redis-server`, Redis 7; `.ci/run` installs it) on a free
 * loopback port, without persistence, for the tests of `@claid/redis` and the fleet example.
 * Stop it with `stop()`; `restart()` kills it and starts an empty one on the same port (what a
 * crashed Redis without persistence comes back as).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createConnection, createServer } from "node:net";

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Kills the server (SIGKILL: no goodbye to clients) and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts an empty server on the same port again. */
  start(): Promise<void>;
  /** kill() then start(): every key lost. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Found on PATH: Debian's package puts it in /usr/bin (CONTRIBUTING.md: apt-get install redis-server). */
const REDIS_SERVER = "redis-server";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = "";

  async function start() {
    output = "";
    child = spawn(
      REDIS_SERVER,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    const exited = new Promise<never>((_, reject) => {
      child?.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
      child?.once("error", (error) =>
        reject(new Error(`redis-server could not start (${error.message}): apt-get install redis-server`)),
      );
    });
    exited.catch(() => {});
    const deadline = Date.now() + 10_000;
    while (!(await listening(port))) {
      if (child.exitCode !== null || child.pid === undefined) await exited;
      if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within 10 s: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function kill() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await gone;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    restart: async () => {
      await kill();
      await start();
    },
    stop: kill,
  };
}
