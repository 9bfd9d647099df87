/**
 * The mock's option types, checked as a consumer with `exactOptionalPropertyTypes` (this folder's type
 * tests compile with tsconfig.strict.json): settings read from a config, where each may be undefined,
 * pass straight through.
 */
import type { BatchStatus } from "@claid/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ClaidHandlersOptions,
  ClaidMockStore,
  type ClaidMockStoreOptions,
  createClaidHandlers,
  type MockFault,
  type MockOperation,
} from "../src/index.ts";
import { type ClaidMockServerOptions, createClaidMockServer } from "../src/node.ts";

declare const cfg: {
  apiKey: string | undefined;
  latencyMs: number | undefined;
  pollsToComplete: number | undefined;
  lifecycle: BatchStatus[] | undefined;
  taskDurationMs: number | undefined;
  rateLimit: string | false | undefined;
  port: number | undefined;
  origins: string[] | undefined;
  count: number | undefined;
  operation: MockOperation | undefined;
  headers: Record<string, string> | undefined;
};

describe("strict settings", () => {
  it("the handlers' options take undefined for every optional setting", () => {
    const options: ClaidHandlersOptions = {
      baseUrl: cfg.apiKey,
      apiKey: cfg.apiKey,
      store: cfg.count === undefined ? undefined : new ClaidMockStore(),
      pollsToComplete: cfg.pollsToComplete,
      lifecycle: cfg.lifecycle,
      folderImageCount: cfg.count,
      rateLimit: cfg.rateLimit,
      latencyMs: cfg.latencyMs,
      now: cfg.count === undefined ? undefined : Date.now,
      storageBaseUrl: cfg.apiKey,
      taskDurationMs: cfg.taskDurationMs,
      maxBodyBytes: cfg.count,
    };
    createClaidHandlers(options);
    createClaidHandlers({ latencyMs: cfg.latencyMs });
  });

  it("the server's options do too", () => {
    const options: ClaidMockServerOptions = {
      port: cfg.port,
      allowedOrigins: cfg.origins,
      taskDurationMs: cfg.taskDurationMs,
      latencyMs: cfg.latencyMs,
    };
    expectTypeOf(createClaidMockServer(options)).resolves.toHaveProperty("url").toEqualTypeOf<string>();
  });

  it("the store's bounds, faults and plans do too", () => {
    const bounds: ClaidMockStoreOptions = {
      maxTasks: cfg.count,
      maxTasksPerKey: cfg.count,
      maxKeptRequestBytes: cfg.count,
    };
    const store = new ClaidMockStore(bounds);
    store.injectFault({ type: "status", status: 503, body: cfg.count ? "html" : undefined, headers: cfg.headers });
    store.injectFault({ type: "network-error" }, { operation: cfg.operation, times: cfg.count });
    store.planTask(["PROCESSING", "DONE"], { afterMs: cfg.taskDurationMs });
    expectTypeOf<MockFault>().toMatchTypeOf<{ type: string }>();
  });
});
