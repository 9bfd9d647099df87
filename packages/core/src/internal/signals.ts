/**
 * Abort plumbing with nothing left behind: every timer is cleared and every
 * listener removed once its promise settles.
 */

/** Sleeps `ms`; rejects with `signal.reason` as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
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
        clearTimeout(timer);
        parent?.removeEventListener("abort", onAbort);
        how(value);
      };
    const fail = settle(reject);
    const stop = (reason: unknown) => {
      fail(reason);
      controller.abort(reason);
    };
    const onAbort = () => stop(parent?.reason);
    const timer = timeoutMs < Number.POSITIVE_INFINITY ? setTimeout(() => stop(onTimeout()), timeoutMs) : undefined;
    if (parent?.aborted) return onAbort();
    parent?.addEventListener("abort", onAbort);
    work(controller.signal).then(settle(resolve), fail);
  });
}
