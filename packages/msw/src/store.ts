import { type BatchResult, type BatchStatus, describeValue, InvalidArgumentError } from "@claid/core";

/** `download` is a GET of a result's `tmp_url` from the mock's storage. */
export type MockOperation = "create" | "retrieve" | "download";

/** A fault the mock answers with instead of the normal response. */
export type MockFault =
  /** An HTTP error status. `body: "claid"` (default) is Claid's JSON error body; "html" a proxy's page; "empty" nothing. `headers` replace the default `Retry-After: 1` of a 429. */
  | {
      type: "status";
      status: number;
      body?: "claid" | "html" | "empty" | undefined;
      headers?: Record<string, string> | undefined;
    }
  /** The connection fails: fetch rejects with a TypeError. */
  | { type: "network-error" }
  /** The normal response, sent after `ms` milliseconds. */
  | { type: "latency"; ms: number }
  /** 200 whose JSON body is cut off mid-way. */
  | { type: "truncated-json" }
  /** 200 with an empty body. */
  | { type: "empty-body" }
  /** 200 whose JSON does not match the operation's schema. */
  | { type: "invalid-shape" };

/** A request the mock received. */
export interface MockRequest {
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
export interface MockTask {
  /** `result.request` is parsed afresh, on each read, from the compact JSON the store keeps. */
  result: BatchResult;
  /** Statuses the task's GETs walk through after ACCEPTED; the last one repeats. */
  statuses: BatchStatus[];
  polls: number;
  /** With a planned `afterMs`: the mock-clock time from which GETs say the last status (PROCESSING before). */
  readyAt?: number | undefined;
}

/** How a planned task behaves; see `planTask()`. */
export interface TaskPlan {
  statuses: BatchStatus[];
  afterMs?: number | undefined;
}

/** Bounds of what a `ClaidMockStore` keeps. Past one, the oldest tasks are forgotten: their GETs answer 404. */
export interface ClaidMockStoreOptions {
  /** Tasks kept in all. Default 10,000. */
  maxTasks?: number | undefined;
  /** Tasks kept per API key (bearer token): one busy key cannot push out everyone else's. Default 1,000. */
  maxTasksPerKey?: number | undefined;
  /**
   * Total size of the batch requests the kept tasks echo, as compact JSON (characters, so bytes for ASCII).
   * The newest task is kept whatever its size. Default 64 MiB.
   */
  maxKeptRequestBytes?: number | undefined;
}

/** The store's bounds by default. */
const DEFAULT_STORE_BOUNDS = {
  maxTasks: 10_000,
  maxTasksPerKey: 1_000,
  maxKeptRequestBytes: 64 * 1024 * 1024,
} as const satisfies Record<keyof ClaidMockStoreOptions, number>;

interface QueuedFault {
  fault: MockFault;
  operation: MockOperation | undefined;
  remaining: number;
}

/** The mock's in-memory state: tasks, a log of every request, and queued scenarios. */
export class ClaidMockStore {
  /** Tasks in creation order, within the bounds (see `ClaidMockStoreOptions`). */
  readonly tasks = new Map<number, MockTask>();
  readonly requests: MockRequest[] = [];
  private nextTaskId = 1;
  private requestCounter = 0;
  private faults: QueuedFault[] = [];
  private plannedTasks: TaskPlan[] = [];
  readonly #bounds: Record<keyof ClaidMockStoreOptions, number>;
  /** Each kept task's key and request size, in creation order. Private (#) so that no printout shows a key. */
  readonly #kept = new Map<number, { key: string; requestBytes: number }>();
  /** Kept task ids per key, oldest first; a key leaves with its last task. */
  readonly #idsByKey = new Map<string, number[]>();
  #keptRequestBytes = 0;

  constructor(options: ClaidMockStoreOptions = {}) {
    const bound = (name: keyof ClaidMockStoreOptions) => {
      const value = options[name] ?? DEFAULT_STORE_BOUNDS[name];
      if (!(Number.isInteger(value) && value >= 1))
        throw new InvalidArgumentError({
          argument: name,
          problem: `must be a whole number ≥ 1, got ${describeValue(value)}.`,
        });
      return value;
    };
    this.#bounds = {
      maxTasks: bound("maxTasks"),
      maxTasksPerKey: bound("maxTasksPerKey"),
      maxKeptRequestBytes: bound("maxKeptRequestBytes"),
    };
  }

  /**
   * Answers the next `times` requests (of `operation`, or of any operation) with `fault`.
   * Faults queue in order.
   */
  injectFault(
    fault: MockFault,
    options: { operation?: MockOperation | undefined; times?: number | undefined } = {},
  ): this {
    this.faults.push({ fault, operation: options.operation, remaining: options.times ?? 1 });
    return this;
  }

  /**
   * The next created task walks through `statuses` (e.g. `["PAUSED", "PROCESSING", "ERROR"]`), one per GET.
   * With `afterMs`, it runs on the mock's clock instead: PROCESSING until `afterMs` after its creation, then the last status.
   */
  planTask(statuses: BatchStatus[], options: { afterMs?: number | undefined } = {}): this {
    if (statuses.length === 0) throw new Error("planTask needs at least one status.");
    this.plannedTasks.push({ statuses: [...statuses], afterMs: options.afterMs });
    return this;
  }

  /** Requests of one operation, in order. */
  requestsOf(operation: MockOperation): MockRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  /** Forgets every task, request and queued scenario. */
  reset(): void {
    this.tasks.clear();
    this.#kept.clear();
    this.#idsByKey.clear();
    this.#keptRequestBytes = 0;
    this.requests.length = 0;
    this.faults = [];
    this.plannedTasks = [];
    this.nextTaskId = 1;
    this.requestCounter = 0;
  }

  /** @internal Logs a request on arrival; its status is filled in when answered. */
  logRequest(operation: MockOperation, request: Request, at: number): MockRequest {
    const authorized = request.headers.has("authorization");
    const entry: MockRequest = { operation, method: request.method, url: request.url, status: 0, at, authorized };
    this.requests.push(entry);
    return entry;
  }

  /** @internal */
  takeFault(operation: MockOperation): MockFault | undefined {
    const index = this.faults.findIndex((f) => f.operation === undefined || f.operation === operation);
    const queued = this.faults[index];
    if (!queued) return undefined;
    if (--queued.remaining <= 0) this.faults.splice(index, 1);
    return queued.fault;
  }

  /** @internal */
  takeTaskPlan(defaultStatuses: BatchStatus[]): TaskPlan {
    return this.plannedTasks.shift() ?? { statuses: defaultStatuses };
  }

  /**
   * @internal Keeps a created task for `key` (its bearer token), its request as compact JSON (all that answers
   * need of it), then forgets the oldest tasks past the bounds: the key's own first, then anyone's.
   */
  keepTask(key: string, task: MockTask): void {
    const id = task.result.id;
    const request = JSON.stringify(task.result.request);
    Object.defineProperty(task.result, "request", {
      enumerable: true,
      configurable: true,
      get: () => JSON.parse(request),
    });
    this.tasks.set(id, task);
    this.#kept.set(id, { key, requestBytes: request.length });
    this.#keptRequestBytes += request.length;
    const ofKey = this.#idsByKey.get(key) ?? [];
    this.#idsByKey.set(key, ofKey);
    ofKey.push(id);
    while (ofKey.length > this.#bounds.maxTasksPerKey) this.#forget(ofKey[0] as number);
    // The oldest come first in #kept; the new task is last, so it stays.
    while (
      this.#kept.size > 1 &&
      (this.#kept.size > this.#bounds.maxTasks || this.#keptRequestBytes > this.#bounds.maxKeptRequestBytes)
    ) {
      this.#forget(this.#kept.keys().next().value as number);
    }
  }

  #forget(id: number): void {
    const kept = this.#kept.get(id);
    if (!kept) return;
    this.tasks.delete(id);
    this.#kept.delete(id);
    this.#keptRequestBytes -= kept.requestBytes;
    const ofKey = this.#idsByKey.get(kept.key) ?? [];
    ofKey.splice(ofKey.indexOf(id), 1);
    if (ofKey.length === 0) this.#idsByKey.delete(kept.key);
  }

  /** @internal */
  allocateTaskId(): number {
    return this.nextTaskId++;
  }

  /** @internal */
  nextRequestId(): string {
    this.requestCounter += 1;
    return `mock-${this.requestCounter.toString().padStart(6, "0")}`;
  }
}
