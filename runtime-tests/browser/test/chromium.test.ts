/**
 * Headless Chromium (Debian's, driven by playwright-core): the page runs the
 * suite once with MSW's service worker intercepting, once in proxy mode
 * through this test's server, which adds the key like a user's backend would.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../tests/support/chromium.ts";
import { API_KEY, deadUrl, startMock } from "../../../tests/support/mock-server.ts";
import { expectPassed } from "../../contract/driver.ts";
import { type ContractResult, casesFor } from "../../contract/suite.ts";

let mock: ClaidMockServer;
let site: Server;
let browser: Browser;
const results: Record<"service-worker" | "proxy", ContractResult[]> = { "service-worker": [], proxy: [] };

/** What the page itself sent as Authorization to its backend, one entry per proxied request. */
const pageAuthorization: (string | undefined)[] = [];

/** Serves the page, its bundle, MSW's worker script, and /api/claid/* as a key-adding proxy. */
async function startSite(bundle: string, apiUrl: string): Promise<Server> {
  const workerScript = readFileSync(
    join(createRequire(import.meta.url).resolve("msw/package.json"), "../lib/mockServiceWorker.js"),
  );
  const server = createServer(async (req, res) => {
    const url = req.url ?? "/";
    if (url.startsWith("/api/claid/")) {
      pageAuthorization.push(req.headers.authorization);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const upstream = await fetch(`${apiUrl}${url.slice("/api/claid".length)}`, {
        method: req.method,
        headers: {
          "content-type": req.headers["content-type"] ?? "application/json",
          authorization: `Bearer ${API_KEY}`,
        },
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      res
        .writeHead(upstream.status, Object.fromEntries(upstream.headers))
        .end(Buffer.from(await upstream.arrayBuffer()));
    } else if (url === "/app.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    } else if (url === "/mockServiceWorker.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(workerScript);
    } else {
      res
        .writeHead(200, { "content-type": "text/html" })
        .end('<!doctype html><title>claid</title><script type="module" src="/app.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

beforeAll(async () => {
  mock = await startMock();
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, "../page.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  site = await startSite(bundle.outputFiles[0]?.text ?? "", mock.url);
  browser = await launchChromium();
  const dead = await deadUrl();
  for (const mode of ["service-worker", "proxy"] as const) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => typeof window.runSuite === "function");
    results[mode] = JSON.parse(
      await page.evaluate(([m, key, d]) => window.runSuite(m, key, d), [mode, API_KEY, dead] as const),
    );
    await page.close();
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await mock?.close();
});

describe("contract suite: Chromium, @claid/browser with MSW's service worker", () => {
  it("ran every case in the page", () => {
    expect(results["service-worker"].map((r) => r.name)).toEqual(casesFor(true).map((c) => c.name));
  });
  it.each(casesFor(true).map((c) => c.name))("%s", (name) => expectPassed(results["service-worker"], name));
});

describe("contract suite: Chromium, @claid/browser in proxy mode (no key in the page)", () => {
  it("ran every case that applies behind a proxy", () => {
    expect(results.proxy.map((r) => r.name)).toEqual(casesFor(false).map((c) => c.name));
  });
  it.each(casesFor(false).map((c) => c.name))("%s", (name) => expectPassed(results.proxy, name));
  it("the page sent no key; the proxy added it to every API request", () => {
    expect(pageAuthorization.length).toBeGreaterThan(0);
    expect(pageAuthorization.every((header) => header === undefined)).toBe(true);
    const apiRequests = mock.store.requests.filter((r) => r.operation !== "download");
    expect(apiRequests).toHaveLength(pageAuthorization.length);
    expect(apiRequests.every((r) => r.authorized)).toBe(true);
  });
});
