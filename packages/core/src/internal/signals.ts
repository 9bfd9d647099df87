/**
 * Abort plumbing with nothing left behind: every timer is cleared and every
 * listener removed once its promise settles.
 */

/** Runtimes clamp setTimeout delays above 2^31−1 ms to ~1 ms, so longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `callback` once `ms` have passed by `Date.now()` — never early, even
 * for delays of months (chained timers); never for `Infinity`. Returns a canceller.
 */
export function setLongTimeout(callback: () => void, ms: number): () => void {
  const due = Date.now() + ms;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (left: number) => {
    timer = left < Number.POSITIVE_INFINITY ? setTimeout(check, Math.min(left, MAX_TIMER_MS)) : undefined;
  };
  const check = () => {
    const left = due - Date.now();
    if (left > 0) arm(left);
    else callback();
  };
  arm(Math.max(0, ms));
  return () => clearTimeout(timer);
}

/** Sleeps `ms`; rejects with `signal.reason` as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = setLongTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `work` with a signal that aborts when `parent` aborts (with its reason)
 * or after `timeoutMs` (with `onTimeout()`). Settles as soon as that happens,
 * even if `work` ignores the signal.
 */
export function withDeadline<T>(
  parent: AbortSignal | undefined,
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
  onTimeout: () => Error,
): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const settle =
      <V>(how: (value: V) => void) =>
      (value: V) => {
        cancel();
        parent?.removeEventListener("abort", onAbort);
        how(value);
      };
    const fail = settle(reject);
    const stop = (reason: unknown) => {
      fail(reason);
      controller.abort(reason);
    };
    const onAbort = () => stop(parent?.reason);
    const cancel = setLongTimeout(() => stop(onTimeout()), timeoutMs);
    if (parent?.aborted) return onAbort();
    parent?.addEventListener("abort", onAbort);
    work(controller.signal).then(settle(resolve), fail);
  });
}
