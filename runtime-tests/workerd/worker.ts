// A Worker as users write one: @claid/edge, the key from the `env` binding.
import * as sdk from "@claid/edge";
import { runContract } from "../contract/suite.ts";

interface Env {
  CLAID_API_KEY: string;
  CLAID_MOCK_URL: string;
  CLAID_DEAD_URL: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    // A user who forgot to pass the Worker's env: the error must say so.
    if (new URL(request.url).pathname === "/without-env") {
      try {
        sdk.createClaid();
        return new Response("created");
      } catch (error) {
        return new Response((error as Error).message, { status: 500 });
      }
    }
    const clientOptions = { env: { CLAID_API_KEY: env.CLAID_API_KEY, CLAID_BASE_URL: env.CLAID_MOCK_URL } };
    return Response.json(await runContract({ sdk, clientOptions, keyed: true, deadUrl: env.CLAID_DEAD_URL }));
  },
};
