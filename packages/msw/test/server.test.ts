import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClaidMockServer, createClaidMockServer } from "../src/node.ts";

let mock: ClaidMockServer;
beforeAll(async () => {
  mock = await createClaidMockServer({ pollsToComplete: 1 });
});
afterAll(() => mock.close());

const auth = { Authorization: "Bearer k", "Content-Type": "application/json" };

describe("createClaidMockServer", () => {
  it("listens on 127.0.0.1 and serves the same handlers over real HTTP", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await fetch(`${mock.url}/v1/image/edit/batch`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ input: ["https://img.example/a.png"], operations: {} }),
    });
    expect(created.status).toBe(200);
    const { data } = await created.json();
    expect(data.result_url).toBe(`${mock.url}/v1/image/edit/batch/${data.id}`);
    const done = await (await fetch(data.result_url, { headers: auth })).json();
    expect(done.data.status).toBe("DONE");
    const tmpUrl: string = done.data.results[0].output_object.tmp_url;
    expect(tmpUrl.startsWith(`${mock.storageUrl}/`)).toBe(true);
    const file = await fetch(tmpUrl);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect([...new Uint8Array(await file.arrayBuffer()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // a JPEG
    expect(mock.store.requestsOf("download")).toMatchObject([{ status: 200, authorized: false }]);
  });

  it("validates bodies and answers 401 without a key", async () => {
    const bad = await fetch(`${mock.url}/v1/image/edit/batch`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ input: 1 }),
    });
    expect(bad.status).toBe(422);
    expect((await fetch(`${mock.url}/v1/image/edit/batch/1`)).status).toBe(401);
  });

  it("turns a network-error scenario into a dropped connection", async () => {
    mock.store.injectFault({ type: "network-error" });
    await expect(fetch(`${mock.url}/v1/image/edit/batch/1`, { headers: auth })).rejects.toThrow(TypeError);
  });

  it("answers CORS preflights and exposes the headers a browser client reads", async () => {
    const preflight = await fetch(`${mock.url}/v1/image/edit/batch`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const answer = await fetch(`${mock.url}/v1/image/edit/batch/1`, {
      headers: { ...auth, Origin: "http://localhost:5173" },
    });
    expect(answer.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });

  it("404s paths outside the API", async () => {
    expect((await fetch(`${mock.url}/nope`)).status).toBe(404);
  });

  it("rejects a malformed rateLimit and stops listening", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    await expect(createClaidMockServer({ port, rateLimit: "lots" })).rejects.toMatchObject({ argument: "rateLimit" });
    await expect(fetch(`http://127.0.0.1:${port}/v1/image/edit/batch/1`)).rejects.toThrow();
  });
});
