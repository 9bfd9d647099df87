/** The shared contract suite against the built @claid/node, intercepted by msw/node. */

import { ClaidMockStore, createClaidHandlers } from "@claid/msw";
import * as sdk from "@claid/node";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, it } from "vitest";
import { API_KEY, deadUrl } from "../../../tests/support/mock-server.ts";
import { type ContractContext, casesFor } from "../../contract/suite.ts";

const server = setupServer(
  ...createClaidHandlers({ apiKey: API_KEY, pollsToComplete: 2, store: new ClaidMockStore() }),
);
let ctx: ContractContext;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "bypass" });
  ctx = { sdk, clientOptions: { apiKey: API_KEY }, keyed: true, deadUrl: await deadUrl() };
});
afterAll(() => server.close());

describe("contract suite: Node 20, @claid/node, msw/node", () => {
  it.each(casesFor(true).map((c) => [c.name, c] as const))("%s", async (_, c) => {
    await c.run(ctx);
  });
});
