// A Worker as users write one: @claid/edge, the key from the `env` binding.
import * as sdk from "@claid/edge";
import { runContract } from "../contract/suite.ts";

interface Env {
  CLAID_API_KEY: string;
  CLAID_MOCK_URL: string;
  CLAID_DEAD_URL: string;
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    const clientOptions = { env: { CLAID_API_KEY: env.CLAID_API_KEY, CLAID_BASE_URL: env.CLAID_MOCK_URL } };
    return Response.json(await runContract({ sdk, clientOptions, keyed: true, deadUrl: env.CLAID_DEAD_URL }));
  },
};
