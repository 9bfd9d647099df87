import { type ClaidMockServer, createClaidMockServer } from "@claid/msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClaid, InvalidArgumentError } from "../src/index.ts";

const KEY = "node-test-key-0123456789";
let mock: ClaidMockServer;

beforeAll(async () => {
  mock = await createClaidMockServer({ apiKey: KEY, pollsToComplete: 1 });
});
afterAll(() => mock.close());
afterEach(() => mock.store.reset());

describe("createClaid", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("falls back to CLAID_API_KEY and CLAID_BASE_URL", async () => {
    process.env.CLAID_API_KEY = KEY;
    process.env.CLAID_BASE_URL = mock.url;
    const accepted = await createClaid().batches.create({ input: "storage://s/in/", operations: {} });
    expect(accepted.status).toBe("ACCEPTED");
    expect(mock.store.requests[0]).toMatchObject({ authorized: true, url: `${mock.url}/v1/image/edit/batch` });
  });

  it("names the option and the environment variable when there is no key", () => {
    delete process.env.CLAID_API_KEY;
    expect(() => createClaid()).toThrow(InvalidArgumentError);
    expect(() => createClaid()).toThrow(/`apiKey`.*CLAID_API_KEY/);
  });
});
