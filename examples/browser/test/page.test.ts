/** Builds the page with Vite, serves it with its proxy backend, and drives it in headless Chromium. */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { launchChromium } from "../../../tests/support/chromium.ts";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";
import { startServer } from "../server.ts";

const ROOT = join(import.meta.dirname, "..");
export const SCREENSHOT = join(ROOT, "test-results/browser-example.png");

let mock: ClaidMockServer;
let site: Server;
let browser: Browser;
beforeAll(async () => {
  mock = await startMock(3);
  await build({ root: ROOT, logLevel: "silent" });
  // The README's route reads these, as it would in the user's backend.
  vi.stubEnv("CLAID_BASE_URL", mock.url);
  vi.stubEnv("CLAID_API_KEY", API_KEY);
  site = await startServer({ root: join(ROOT, "dist") });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await mock?.close();
  vi.unstubAllEnvs();
});

it("submits through the proxy, shows progress, then the results table", async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  await page.goto(`http://127.0.0.1:${(site.address() as { port: number }).port}/`);
  await page.click("#submit");
  await page.getByText("PROCESSING").waitFor({ timeout: 10_000 });
  await page.locator("table").waitFor({ timeout: 20_000 });
  await expect(page.locator("h2").textContent()).resolves.toBe("Batch 1: DONE");
  const rows = await page.locator("tr").allInnerTexts();
  expect(rows.slice(1).map((r) => r.split("\t").slice(0, 4).join(" | "))).toEqual([
    "png 200×200 | webp | 200×200 | 0.04",
    "jpg 300×300 | webp | 300×300 | 0.09",
  ]);
  expect(await page.locator("td a").allInnerTexts()).toEqual(["shoe.webp", "bag.webp"]);
  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(mock.store.requests.filter((r) => r.operation !== "download").every((r) => r.authorized)).toBe(true);
}, 60_000);

it("its backend passes Claid's x-request-id and RateLimit-* headers on to the page, as the README says", async () => {
  const page = await browser.newPage();
  const proxied: Record<string, string>[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/api/claid/")) proxied.push(response.headers());
  });
  await page.goto(`http://127.0.0.1:${(site.address() as { port: number }).port}/`);
  await page.click("#submit");
  await page.locator("table").waitFor({ timeout: 20_000 });
  // create + one GET per poll until DONE, each answered by the mock with its own request id.
  expect(proxied.length).toBeGreaterThanOrEqual(2);
  for (const headers of proxied) {
    expect(headers["x-request-id"]).toMatch(/\S/);
    expect(headers).toMatchObject({ "ratelimit-limit": expect.any(String), "ratelimit-remaining": expect.any(String) });
    expect(headers["ratelimit-reset"]).toMatch(/^\d+$/);
  }
  expect(new Set(proxied.map((headers) => headers["x-request-id"])).size).toBe(proxied.length);
}, 60_000);
