import { describe, expect, it } from "vitest";
import { createClaid, InvalidArgumentError } from "../src/index.ts";

const accepted = { data: { id: 3, status: "ACCEPTED", created_at: "2026-11-27T09:00:00Z", request: {} } };

function recordingFetch() {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return Response.json(accepted);
  };
  return { requests, fetch };
}

describe("@claid/browser", () => {
  it("refuses an API key unless dangerouslyAllowBrowser, explaining the risk and proxy mode", () => {
    // JavaScript callers get past the types (test/options.test-d.ts): the run-time check stays.
    // @ts-expect-error: a key without dangerouslyAllowBrowser
    const attempt = () => createClaid({ apiKey: "sk-live-123" });
    expect(attempt).toThrow(InvalidArgumentError);
    expect(attempt).toThrow(/every visitor could read the key/);
    expect(attempt).toThrow(/baseUrl: '\/api\/claid'/);
    expect(() => createClaid({ apiKey: "sk-live-123", dangerouslyAllowBrowser: true })).not.toThrow();
  });

  it("runs in proxy mode with no key: requests go to baseUrl without Authorization", async () => {
    const { requests, fetch } = recordingFetch();
    const claid = createClaid({ baseUrl: "https://app.example.test/api/claid", fetch });
    await claid.batches.create({ input: ["https://img.example/a.png"], operations: {} });
    expect(requests[0]?.url).toBe("https://app.example.test/api/claid/v1/image/edit/batch");
    expect(requests[0]?.headers.has("authorization")).toBe(false);
  });

  it("needs baseUrl in proxy mode", () => {
    expect(() => createClaid()).toThrow(/^baseUrl is needed in proxy mode/);
  });

  it("never reads the environment", () => {
    process.env.CLAID_API_KEY = "from-env-0123";
    try {
      expect(() => createClaid()).toThrow(/baseUrl/);
    } finally {
      delete process.env.CLAID_API_KEY;
    }
  });
});
