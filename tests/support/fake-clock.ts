/**
 * Runs SDK calls on a fake clock: timers only fire when `settle()` advances
 * them, so minutes of backoff and polling take milliseconds, and every elapsed
 * time is exact. Shared by core's unit tests and tests/integration.
 */
import { vi } from "vitest";

export type Settled<T> = { ok: true; value: T; elapsedMs: number } | { ok: false; error: unknown; elapsedMs: number };

const realImmediate = globalThis.setImmediate;
/** Lets real (non-timer) work run: MSW's interception and body streams. */
const realTurn = () => new Promise<void>((resolve) => realImmediate(resolve));

export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: new Date("2026-11-27T09:00:00Z") });
}

/** Advances the fake clock timer by timer until `promise` settles. */
export async function settle<T>(promise: Promise<T>, maxTimers = 100_000): Promise<Settled<T>> {
  const started = Date.now();
  let outcome: Settled<T> | undefined;
  promise.then(
    (value) => {
      outcome = { ok: true, value, elapsedMs: Date.now() - started };
    },
    (error: unknown) => {
      outcome = { ok: false, error, elapsedMs: Date.now() - started };
    },
  );
  for (let fired = 0; fired <= maxTimers; fired++) {
    for (let i = 0; i < 3 && !outcome; i++) await realTurn();
    if (outcome) return outcome;
    if (vi.getTimerCount() === 0) throw new Error("settle: the call is pending with no timer left (it would hang)");
    await vi.advanceTimersToNextTimerAsync();
  }
  throw new Error(`settle: still pending after ${maxTimers} timers`);
}
