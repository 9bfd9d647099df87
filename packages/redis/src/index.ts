/**
 * One rate-limit budget for every process on one Claid API key, kept on Redis:
 * `createClaid({ pacer: createRedisPacer({ redis }) })` in each process of a fleet.
 * @packageDocumentation
 * @module @claid/redis
 */
export {
  createRedisPacer,
  type RedisClient,
  type RedisPacer,
  type RedisPacerOptions,
  RedisUnavailableError,
} from "./pacer.ts";
