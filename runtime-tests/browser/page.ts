// The test page's script: the suite against the built @claid/browser, in two modes.
import * as sdk from "@claid/browser";
import { createClaidHandlers } from "@claid/msw";
import { setupWorker } from "msw/browser";
import { runContract } from "../contract/suite.ts";

declare global {
  interface Window {
    runSuite(mode: "service-worker" | "proxy", apiKey: string, deadUrl: string): Promise<string>;
  }
}

window.runSuite = async (mode, apiKey, deadUrl) => {
  if (mode === "proxy") {
    // No key in the page: /api/claid is the page's own backend, which adds it.
    return JSON.stringify(await runContract({ sdk, clientOptions: { baseUrl: "/api/claid" }, keyed: false, deadUrl }));
  }
  const worker = setupWorker(...createClaidHandlers({ apiKey, pollsToComplete: 2 }));
  await worker.start({ onUnhandledRequest: "bypass", quiet: true });
  try {
    const clientOptions = { apiKey, dangerouslyAllowBrowser: true };
    return JSON.stringify(await runContract({ sdk, clientOptions, keyed: true, deadUrl }));
  } finally {
    worker.stop();
  }
};
