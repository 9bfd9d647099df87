// Bundled into the Edge VM: exposes the suite, run against the built @claid/edge.
import * as sdk from "@claid/edge";
import { runContract } from "../contract/suite.ts";

(globalThis as { runSuite?: unknown }).runSuite = async (apiKey: string, baseUrl: string, deadUrl: string) =>
  JSON.stringify(await runContract({ sdk, clientOptions: { apiKey, baseUrl }, keyed: true, deadUrl }));
