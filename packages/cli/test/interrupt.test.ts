/** The one Ctrl-C helper of the CLI: each Ctrl-C goes one step further, and the handler never outlives its command. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { handleInterrupts } from "../src/interrupt.ts";

const listeners = () => process.listenerCount("SIGINT");
const before = listeners();
afterEach(() => expect(listeners()).toBe(before));

describe("handleInterrupts", () => {
  it.each([
    // [Ctrl-Cs pressed, with onFirst, onFirst calls, aborted, handler still installed]
    [0, false, 0, false, true],
    [1, false, 0, true, false],
    [0, true, 0, false, true],
    [1, true, 1, false, true],
    [2, true, 1, true, false],
  ])(
    "%i Ctrl-C(s), onFirst given: %s → onFirst called %i time(s), aborted: %s, still listening: %s",
    (presses, withFirst, firstCalls, aborted, listening) => {
      const onFirst = vi.fn();
      const reason = new Error("stop");
      const interrupt = handleInterrupts({ reason: () => reason, ...(withFirst && { onFirst }) });
      for (let i = 0; i < presses; i++) process.emit("SIGINT", "SIGINT");
      expect(onFirst).toHaveBeenCalledTimes(firstCalls);
      expect(interrupt.requested).toBe(presses > 0);
      expect(interrupt.signal.aborted).toBe(aborted);
      if (aborted) expect(interrupt.signal.reason).toBe(reason);
      expect(listeners()).toBe(before + (listening ? 1 : 0));
      interrupt.remove();
    },
  );

  it("aborts the controller it is given, which the command may also abort for its own reasons", () => {
    const controller = new AbortController();
    const interrupt = handleInterrupts({ controller, reason: () => "ctrl-c" });
    expect(interrupt.signal).toBe(controller.signal);
    process.emit("SIGINT", "SIGINT");
    expect(controller.signal.reason).toBe("ctrl-c");
  });

  it("remove() before any Ctrl-C leaves no handler behind", () => {
    handleInterrupts({ reason: () => "x" }).remove();
    expect(listeners()).toBe(before);
  });
});
