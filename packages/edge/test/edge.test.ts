import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createClaid } from "../src/index.ts";

const accepted = { data: { id: 3, status: "ACCEPTED", created_at: "2026-11-27T09:00:00Z", request: {} } };
const seen: Request[] = [];
const fetch = async (request: Request) => {
  seen.push(request);
  return Response.json(accepted);
};
const body = { input: "storage://s/in/", operations: {} };

afterEach(() => {
  seen.length = 0;
  delete process.env.CLAID_API_KEY;
  delete (globalThis as { Deno?: unknown }).Deno;
});

describe("@claid/edge", () => {
  it("takes the key from a Worker's env binding", async () => {
    await createClaid({
      env: { CLAID_API_KEY: "from-binding", CLAID_BASE_URL: "https://eu.example.test" },
      fetch,
    }).batches.create(body);
    expect(seen[0]?.url).toBe("https://eu.example.test/v1/image/edit/batch");
    expect(seen[0]?.headers.get("authorization")).toBe("Bearer from-binding");
  });

  it("falls back to Deno.env, then process.env", async () => {
    process.env.CLAID_API_KEY = "from-process-0123";
    await createClaid({ fetch }).batches.create(body);
    (globalThis as { Deno?: unknown }).Deno = {
      env: { get: (name: string) => (name === "CLAID_API_KEY" ? "from-deno" : undefined) },
    };
    await createClaid({ fetch }).batches.create(body);
    expect(seen.map((r) => r.headers.get("authorization"))).toEqual(["Bearer from-process-0123", "Bearer from-deno"]);
  });

  it("survives Deno.env without --allow-env (it throws) and explains the missing key", () => {
    (globalThis as { Deno?: unknown }).Deno = {
      env: {
        get() {
          throw new Error("Requires env access");
        },
      },
    };
    expect(() => createClaid({ fetch })).toThrow(
      expect.objectContaining({
        argument: "apiKey",
        problem: "is missing, and Deno denied reading CLAID_API_KEY.",
        hint: expect.stringMatching(/^Run with --allow-env=CLAID_API_KEY/),
      }),
    );
    expect(() => createClaid({ fetch, apiKey: "given-key-0123" })).not.toThrow();
  });

  it("in a Worker without { env }, says to pass the Worker's env", () => {
    const { navigator } = globalThis;
    Object.defineProperty(globalThis, "navigator", { value: { userAgent: "Cloudflare-Workers" }, configurable: true });
    try {
      expect(() => createClaid({ fetch })).toThrow(
        expect.objectContaining({
          argument: "apiKey",
          hint: expect.stringMatching(/^In a Cloudflare Worker, pass the Worker's env — createClaid\(\{ env \}\)/),
        }),
      );
      expect(() => createClaid({ fetch, env: { CLAID_API_KEY: "from-binding" } })).not.toThrow();
    } finally {
      Object.defineProperty(globalThis, "navigator", { value: navigator, configurable: true });
    }
  });

  it("touches nothing at import time: the built module reads no process or Deno globals outside createClaid", () => {
    const built = readFileSync(join(import.meta.dirname, "../dist/index.js"), "utf8");
    const topLevel = built.replace(/function runtimeEnv\(\)[\s\S]*?\n}\n/, "");
    expect(topLevel).not.toMatch(/\b(process|Deno)\s*[.?[]/);
  });
});
