/** The worker's and producer's settings, from environment variables; a bad value is refused by name. */
import { InvalidArgumentError } from "@claid/node";

/** The queue every producer and worker of the fleet uses. */
export const QUEUE_NAME = "claid-chunks";

export interface FleetSettings {
  /** `REDIS_URL`: the queue's and the shared budget's Redis. */
  redisUrl: string;
  /** `FLEET_OUT_DIR`: each job downloads into `<outDir>/<job id>`. Default `./out`. */
  outDir: string;
  /** `FLEET_CONCURRENCY`: jobs a worker runs at once. Default 4. */
  concurrency: number;
  /** `FLEET_LOCK_MS`: how long a killed worker's job stays locked before another worker takes it. Default 30000. */
  lockMs: number;
  /** `FLEET_POLL_INTERVAL_MS`: the first check's delay. Default: the SDK's (2000). */
  pollIntervalMs: number | undefined;
  /** `CLAID_RATE_LIMIT`: the policy the fleet paces to. Default: Claid's for api.claid.ai, else learned from the answers. */
  rateLimit: string | undefined;
}

type Env = Record<string, string | undefined>;

export function readSettings(env: Env): FleetSettings {
  const redisUrl = env.REDIS_URL;
  if (!redisUrl || !/^rediss?:\/\//.test(redisUrl))
    throw new InvalidArgumentError({ argument: "REDIS_URL", problem: "must be a redis:// or rediss:// URL." });
  return {
    redisUrl,
    outDir: env.FLEET_OUT_DIR || "./out",
    concurrency: integer(env, "FLEET_CONCURRENCY", 4),
    lockMs: integer(env, "FLEET_LOCK_MS", 30_000),
    pollIntervalMs: env.FLEET_POLL_INTERVAL_MS ? integer(env, "FLEET_POLL_INTERVAL_MS", 0) : undefined,
    rateLimit: env.CLAID_RATE_LIMIT || undefined,
  };
}

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError({ argument: name, problem: `must be an integer ≥ 1, got ${JSON.stringify(raw)}.` });
  return value;
}
