// The telemetry hooks published on `diagnostics_channel`, as undici publishes its requests: APM agents subscribe without @claid/otel.
import { channel } from "node:diagnostics_channel";
import type { ClaidTelemetry } from "@claid/core";

type Hook = keyof ClaidTelemetry;

/** Every hook, each published on the channel `claid:<subject>:<event>` (`attemptStart` → `claid:attempt:start`). */
const HOOKS = [
  "attemptStart",
  "attemptEnd",
  "pacerWait",
  "waitStart",
  "waitStatus",
  "waitEnd",
  "downloadStart",
  "downloadEnd",
  "fileStart",
  "fileEnd",
] as const satisfies Hook[];

// Every event hook of ClaidTelemetry is published: a hook added to core fails to compile here until listed.
const everyHookListed: Exclude<Hook, (typeof HOOKS)[number] | "enabled"> extends never ? true : false = true;
void everyHookListed;

/** The channel name of a hook: `attemptStart` → `claid:attempt:start`. */
export const channelName = (hook: Hook): string => `claid:${hook.replace(/[A-Z]/, (c) => `:${c.toLowerCase()}`)}`;

const channels = HOOKS.map((hook) => [hook, channel(channelName(hook))] as const);

/**
 * `telemetry` (if any) plus publishing every event on its channel while it has subscribers. The
 * message is the hook's event object itself, so a start and its end can be matched by identity.
 * A subscriber that joins mid-wait sees that wait's later attempts, not its start.
 */
export function withChannels(telemetry: ClaidTelemetry | undefined): ClaidTelemetry {
  // Without hooks of the caller's, nothing is built while no channel has a subscriber (asked per attempt and wait).
  const hooks: Record<string, (event: never) => unknown> = {
    enabled: () =>
      (telemetry !== undefined && telemetry.enabled?.() !== false) ||
      channels.some(([, published]) => published.hasSubscribers),
  };
  for (const [hook, published] of channels) {
    const own = telemetry?.[hook]?.bind(telemetry) as ((event: never) => unknown) | undefined;
    hooks[hook] = (event) => {
      if (published.hasSubscribers) published.publish(event);
      return own?.(event);
    };
  }
  return hooks as ClaidTelemetry;
}
