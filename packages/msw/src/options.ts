/**
 * The handlers' options, apart from the handlers: `@claid/msw/node`'s declarations reach these
 * and never msw's own, which need the DOM lib.
 */
import type { BatchStatus, RateLimitWindow } from "@claid/core";
import type { ClaidMockStore } from "./store.ts";

/** Options of `createClaidHandlers()`. */
export interface ClaidHandlersOptions {
  /** Origin (and optional path prefix) the handlers answer on. Default `https://api.claid.ai`. */
  baseUrl?: string | undefined;
  /** When set, only `Bearer <apiKey>` is accepted; otherwise any well-formed bearer token is. */
  apiKey?: string | undefined;
  /** State shared with the test: tasks, request log, scenarios. A fresh store by default. */
  store?: ClaidMockStore | undefined;
  /** GETs a default task takes to reach DONE (earlier GETs say PROCESSING). Default 2. */
  pollsToComplete?: number | undefined;
  /** Statuses every task walks through unless planned otherwise (overrides `pollsToComplete`), e.g. `["PROCESSING", "ERROR"]`. */
  lifecycle?: BatchStatus[] | undefined;
  /** Images a storage folder input is taken to hold. Default 2. */
  folderImageCount?: number | undefined;
  /**
   * Requests allowed per API key, as sliding windows (`[{ quota: 4, windowSeconds: 1 }]`) or in
   * `RateLimit-Limit` syntax (`"120;w=60, 4;w=1"`, Claid's policy, exported as `CLAID_RATE_LIMIT`).
   * Announced in `RateLimit-*` headers on every API answer; past it, 429 (no `Retry-After`, the
   * error wrapped in `detail`, as Claid documents). `false`: no limit, no headers.
   * Default `"1000;w=60"`: effectively unlimited for tests.
   */
  rateLimit?: RateLimitWindow[] | string | false | undefined;
  /** Milliseconds added to every answer, result-file downloads included, to look like a real network. Default 0. */
  latencyMs?: number | undefined;
  /** The mock's clock. Default `Date.now()`, read at each use: fake timers installed after the handlers were made apply. */
  now?: (() => number) | undefined;
  /** Where results without an `output` are served (`tmp_url`). Default `<API origin>/mock-storage`. */
  storageBaseUrl?: string | undefined;
  /**
   * When set, every task runs on the clock instead of advancing per GET: PROCESSING until this many
   * milliseconds after its creation, then its last status (DONE, or `lifecycle`'s last). See the README.
   */
  taskDurationMs?: number | undefined;
  /**
   * Every task's first GET answers its last status (DONE, or the last of `lifecycle` or of a `planTask()`),
   * whatever `pollsToComplete` or `taskDurationMs` say: a `wait()` ends after one check, without sleeping.
   * For tests of your own code, with the client's `poll` option (see the README). Default false.
   */
  finishOnFirstPoll?: boolean | undefined;
  /** Larger request bodies get 413 (by Content-Length, or once reading passes the limit). Default 1 MiB. */
  maxBodyBytes?: number | undefined;
}

/** `maxBodyBytes` by default: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
