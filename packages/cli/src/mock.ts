/**
 * The mock API for `claid mock-server` and `claid demo`. `@claid/msw` (and its peer `msw`) are optional
 * peer dependencies: installing the CLI to submit batches does not download a mock framework.
 */
import type * as MockServer from "@claid/msw/node";

/** `@claid/msw/node`, or an error saying what to install when it (or `msw`) is absent. */
export async function loadMock(command: string): Promise<typeof MockServer> {
  try {
    return await import("@claid/msw/node");
  } catch (error) {
    const missing = /Cannot find (?:package|module) '(@claid\/msw|msw)[/']/.exec((error as Error).message)?.[1];
    if ((error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND" || !missing) throw error;
    throw new Error(
      `${command} runs the mock API, which comes in a separate package: ${missing} is not installed. Install it beside the CLI with: npm install @claid/msw msw`,
    );
  }
}
