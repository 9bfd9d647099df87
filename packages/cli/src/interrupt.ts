/**
 * Ctrl-C for one command, the same way in every command: each Ctrl-C goes one step further. SIGTERM (what
 * `docker stop`, a CI cancel or `timeout` send) counts as a Ctrl-C: without it, Node would end the process
 * at once, leaving a POST in flight unanswered (its batch unknown) instead of letting it finish.
 * With `onFirst`, the first Ctrl-C only asks the command to stop at its next safe point (`requested`);
 * the next one aborts `signal` with `reason()`. Once aborted, the handler removes itself, so one more
 * Ctrl-C ends the process as Node does by default.
 */
export interface InterruptScope {
  /** Aborted (with `reason()`) by the Ctrl-C that stops the work in flight. */
  readonly signal: AbortSignal;
  /** Whether Ctrl-C was pressed at least once. */
  readonly requested: boolean;
  /** Removes the handler; call it when the command's work is over. */
  remove(): void;
}

export function handleInterrupts({
  reason,
  onFirst,
  controller = new AbortController(),
}: {
  /** What the work in flight is aborted with. */
  reason: () => unknown;
  /** Called on the first Ctrl-C instead of aborting: the command stops at its next safe point. */
  onFirst?: ((signal: "SIGINT" | "SIGTERM") => void) | undefined;
  /** The controller to abort, when the command also aborts it for other reasons. */
  controller?: AbortController | undefined;
}): InterruptScope {
  let requested = false;
  const remove = () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  const onSignal = (signal: "SIGINT" | "SIGTERM") => {
    const first = !requested;
    requested = true;
    if (first && onFirst) return onFirst(signal);
    remove();
    controller.abort(reason());
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    get requested() {
      return requested;
    },
    remove,
  };
}
