/** Invisible characters from a server are shown as escapes, in text and in JSON output, never passed raw. */
import { describe, expect, it } from "vitest";
import { jsonSafe, terminalSafe } from "../src/terminal-safe.ts";

/** Default-ignorable characters (invisible format characters) a server could hide in a status or message. */
const INVISIBLE: [string, string, string][] = [
  ["ZERO WIDTH SPACE", "\u200B", "\\u200b"],
  ["ZERO WIDTH NON-JOINER", "\u200C", "\\u200c"],
  ["ZERO WIDTH JOINER", "\u200D", "\\u200d"],
  ["WORD JOINER", "\u2060", "\\u2060"],
  ["INVISIBLE PLUS", "\u2064", "\\u2064"],
  ["BYTE ORDER MARK", "\uFEFF", "\\ufeff"],
  ["SOFT HYPHEN", "\u00AD", "\\xad"],
  ["COMBINING GRAPHEME JOINER", "\u034F", "\\u034f"],
  ["HANGUL CHOSEONG FILLER", "\u115F", "\\u115f"],
  ["HANGUL JUNGSEONG FILLER", "\u1160", "\\u1160"],
  ["KHMER VOWEL INHERENT AQ", "\u17B4", "\\u17b4"],
  ["KHMER VOWEL INHERENT AA", "\u17B5", "\\u17b5"],
  ["MONGOLIAN FREE VARIATION SELECTOR ONE", "\u180B", "\\u180b"],
  ["MONGOLIAN VOWEL SEPARATOR", "\u180E", "\\u180e"],
  ["HANGUL FILLER", "\u3164", "\\u3164"],
  ["HALFWIDTH HANGUL FILLER", "\uFFA0", "\\uffa0"],
  ["VARIATION SELECTOR-1", "\uFE00", "\\ufe00"],
  ["VARIATION SELECTOR-16", "\uFE0F", "\\ufe0f"],
  ["LANGUAGE TAG", "\u{E0001}", "\\u{e0001}"],
  ["TAG LATIN CAPITAL LETTER A", "\u{E0041}", "\\u{e0041}"],
  ["CANCEL TAG", "\u{E007F}", "\\u{e007f}"],
  ["MUSICAL SYMBOL BEGIN BEAM", "\u{1D173}", "\\u{1d173}"],
  ["MUSICAL SYMBOL END PHRASE", "\u{1D17A}", "\\u{1d17a}"],
];

describe("terminalSafe shows invisible format characters as escapes", () => {
  it.each(INVISIBLE)("%s", (_name, character, shown) => {
    expect(terminalSafe(`DO${character}NE`)).toBe(`DO${shown}NE`);
  });

  it.each([
    ["ESC", "\x1b", "\\x1b"],
    ["DEL", "\x7f", "\\x7f"],
    ["a C1 control (CSI)", "\u009b", "\\x9b"],
    ["RIGHT-TO-LEFT OVERRIDE", "\u202E", "\\u202e"],
    ["LINE SEPARATOR", "\u2028", "\\u2028"],
  ])("and still the controls: %s", (_name, character, shown) => {
    expect(terminalSafe(`DO${character}NE`)).toBe(`DO${shown}NE`);
  });

  it("leaves visible text as it is", () => {
    expect(terminalSafe("DONE é 日本 🙂 a-b")).toBe("DONE é 日本 🙂 a-b");
  });
});

describe("jsonSafe writes invisible format characters as \\u escapes: the same JSON value, nothing hidden", () => {
  it.each(INVISIBLE)("%s", (_name, character) => {
    const json = jsonSafe(JSON.stringify({ status: `DO${character}NE` }));
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(json)).toEqual({ status: `DO${character}NE` });
  });
});
