import { BatchResult, BatchStatus, RateLimitWindow } from '@claid/core';
import { HttpHandler } from 'msw';

/** `download` is a GET of a result's `tmp_url` from the mock's storage. */
type MockOperation = "create" | "retrieve" | "download";
/** A fault the mock answers with instead of the normal response. */
type MockFault = 
/** An HTTP error status. `body: "claid"` (default) is Claid's JSON error body; "html" a proxy's page; "empty" nothing. `headers` replace the default `Retry-After: 1` of a 429. */
{
    type: "status";
    status: number;
    body?: "claid" | "html" | "empty";
    headers?: Record<string, string>;
}
/** The connection fails: fetch rejects with a TypeError. */
 | {
    type: "network-error";
}
/** The normal response, sent after `ms` milliseconds. */
 | {
    type: "latency";
    ms: number;
}
/** 200 whose JSON body is cut off mid-way. */
 | {
    type: "truncated-json";
}
/** 200 with an empty body. */
 | {
    type: "empty-body";
}
/** 200 whose JSON does not match the operation's schema. */
 | {
    type: "invalid-shape";
};
/** A request the mock received. */
interface MockRequest {
    operation: MockOperation;
    method: string;
    url: string;
    /** The status the mock answered with; 0 while unanswered and for a network error. */
    status: number;
    at: number;
    /** Whether the request carried an Authorization header. */
    authorized: boolean;
}
/** A task the mock holds. */
interface MockTask {
    result: BatchResult;
    /** Statuses the task's GETs walk through after ACCEPTED; the last one repeats. */
    statuses: BatchStatus[];
    polls: number;
    /** With a planned `afterMs`: the mock-clock time from which GETs say the last status (PROCESSING before). */
    readyAt?: number | undefined;
}
/** How a planned task behaves; see `planTask()`. */
interface TaskPlan {
    statuses: BatchStatus[];
    afterMs?: number | undefined;
}
/** The mock's in-memory state: tasks, a log of every request, and queued scenarios. */
declare class ClaidMockStore {
    readonly tasks: Map<number, MockTask>;
    readonly requests: MockRequest[];
    private nextTaskId;
    private requestCounter;
    private faults;
    private plannedTasks;
    /**
     * Answers the next `times` requests (of `operation`, or of any operation) with `fault`.
     * Faults queue in order.
     */
    injectFault(fault: MockFault, options?: {
        operation?: MockOperation;
        times?: number;
    }): this;
    /**
     * The next created task walks through `statuses` (e.g. `["PAUSED", "PROCESSING", "ERROR"]`), one per GET.
     * With `afterMs`, it runs on the mock's clock instead: PROCESSING until `afterMs` after its creation, then the last status.
     */
    planTask(statuses: BatchStatus[], options?: {
        afterMs?: number;
    }): this;
    /** Requests of one operation, in order. */
    requestsOf(operation: MockOperation): MockRequest[];
    /** Forgets every task, request and queued scenario. */
    reset(): void;
    /** @internal Logs a request on arrival; its status is filled in when answered. */
    logRequest(operation: MockOperation, request: Request, at: number): MockRequest;
    /** @internal */
    takeFault(operation: MockOperation): MockFault | undefined;
    /** @internal */
    takeTaskPlan(defaultStatuses: BatchStatus[]): TaskPlan;
    /** @internal */
    allocateTaskId(): number;
    /** @internal */
    nextRequestId(): string;
}

/** Options of `createClaidHandlers()`. */
interface ClaidHandlersOptions {
    /** Origin (and optional path prefix) the handlers answer on. Default `https://api.claid.ai`. */
    baseUrl?: string;
    /** When set, only `Bearer <apiKey>` is accepted; otherwise any well-formed bearer token is. */
    apiKey?: string;
    /** State shared with the test: tasks, request log, scenarios. A fresh store by default. */
    store?: ClaidMockStore;
    /** GETs a default task takes to reach DONE (earlier GETs say PROCESSING). Default 2. */
    pollsToComplete?: number;
    /** Statuses every task walks through unless planned otherwise (overrides `pollsToComplete`), e.g. `["PROCESSING", "ERROR"]`. */
    lifecycle?: BatchStatus[];
    /** Images a storage folder input is taken to hold. Default 2. */
    folderImageCount?: number;
    /**
     * Requests allowed per API key, as sliding windows (`[{ quota: 4, windowSeconds: 1 }]`) or in
     * `RateLimit-Limit` syntax (`"120;w=60, 4;w=1"`, Claid's policy, exported as `CLAID_RATE_LIMIT`).
     * Announced in `RateLimit-*` headers on every API answer; past it, 429 (no `Retry-After`, the
     * error wrapped in `detail`, as Claid documents). `false`: no limit, no headers.
     * Default `"1000;w=60"`: effectively unlimited for tests.
     */
    rateLimit?: RateLimitWindow[] | string | false;
    /** Milliseconds added to every answer, to look like a real network. Default 0. */
    latencyMs?: number;
    /** Clock, for fake timers. Default `Date.now`. */
    now?: () => number;
    /** Where results without an `output` are served (`tmp_url`). Default `<API origin>/mock-storage`. */
    storageBaseUrl?: string;
    /**
     * When set, every task runs on the clock instead of advancing per GET: PROCESSING until this many
     * milliseconds after its creation, then its last status (DONE, or `lifecycle`'s last). See the README.
     */
    taskDurationMs?: number;
    /** Larger request bodies get 413 (by Content-Length, or once reading passes the limit). Default 1 MiB. */
    maxBodyBytes?: number;
}
/** MSW request handlers for both Batch API operations, built from the spec. */
declare function createClaidHandlers(options?: ClaidHandlersOptions): HttpHandler[];

export { type ClaidHandlersOptions as C, type MockFault as M, type TaskPlan as T, ClaidMockStore as a, type MockOperation as b, type MockRequest as c, type MockTask as d, createClaidHandlers as e };
