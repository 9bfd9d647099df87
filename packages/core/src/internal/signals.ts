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
    timer = left < Infinity ? setTimeout(check, Math.min(left, MAX_TIMER_MS)) : undefined;
  };
  const check = () => {
    const left = due - Date.now();
    if (left > 0) arm(left);
    else callback();
  };
  arm(Math.max(0, ms));
  return () => clearTimeout(timer);
}

/** The callbacks waiting on a signal, and the one listener that runs them. */
interface Subscribers {
  callbacks: Set<() => void>;
  dispatch: () => void;
}
const subscribersOf = new WeakMap<AbortSignal, Subscribers>();

/**
 * Calls `callback` when `signal` aborts; returns the unsubscriber. However many calls share
 * one caller's signal (a CLI waiting on 50 batches), it carries one listener of ours — more
 * than 10 would print Node's MaxListenersExceededWarning — and none once they all settled.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let subscribers = subscribersOf.get(signal);
  if (!subscribers) {
    const callbacks = new Set<() => void>();
    const dispatch = () => {
      subscribersOf.delete(signal);
      for (const run of callbacks) run();
    };
    subscribers = { callbacks, dispatch };
    subscribersOf.set(signal, subscribers);
    signal.addEventListener("abort", dispatch, { once: true });
  }
  const { callbacks, dispatch } = subscribers;
  // A wrapper per subscription, so that one function may subscribe twice.
  const run = () => callback();
  callbacks.add(run);
  return () => {
    callbacks.delete(run);
    if (callbacks.size || subscribersOf.get(signal) !== subscribers) return;
    subscribersOf.delete(signal);
    signal.removeEventListener("abort", dispatch);
  };
}

/** Sleeps `ms`; rejects with `signal.reason` as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const unsubscribe =
      signal &&
      onAbort(signal, () => {
        cancel();
        reject(signal.reason);
      });
    const cancel = setLongTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
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
    if (parent?.aborted) {
      reject(parent.reason);
      return controller.abort(parent.reason);
    }
    const settle =
      <V>(how: (value: V) => void) =>
      (value: V) => {
        cancel();
        unsubscribe?.();
        how(value);
      };
    const fail = settle(reject);
    const stop = (reason: unknown) => {
      fail(reason);
      controller.abort(reason);
    };
    const unsubscribe = parent && onAbort(parent, () => stop(parent.reason));
    const cancel = setLongTimeout(() => stop(onTimeout()), timeoutMs);
    work(controller.signal).then(settle(resolve), fail);
  });
}
