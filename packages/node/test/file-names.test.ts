/** File names for downloaded results: invisible and direction-changing characters, and case folding for uniqueness. */
import { describe, expect, it } from "vitest";
import { nameKey, safeFileName, uniqueNames } from "../src/download/file-names.ts";

describe("safeFileName strips characters that hide or reorder what a name shows", () => {
  it.each([
    ["ARABIC LETTER MARK U+061C", "a\u061Cb.png", "ab.png"],
    ["LEFT-TO-RIGHT MARK U+200E", "a\u200Eb.png", "ab.png"],
    ["RIGHT-TO-LEFT MARK U+200F", "a\u200Fb.png", "ab.png"],
    ["RIGHT-TO-LEFT OVERRIDE U+202E", "invoice\u202Egnp.exe", "invoicegnp.exe"],
    ["LEFT-TO-RIGHT EMBEDDING U+202A", "a\u202Ab.png", "ab.png"],
    ["FIRST STRONG ISOLATE U+2068", "a\u2068b\u2069.png", "ab.png"],
    ["LINE SEPARATOR U+2028", "a\u2028b.png", "ab.png"],
    ["PARAGRAPH SEPARATOR U+2029", "a\u2029b.png", "ab.png"],
    ["ZERO WIDTH SPACE U+200B", "a\u200Bb.png", "ab.png"],
    ["ZERO WIDTH NON-JOINER U+200C", "a\u200Cb.png", "ab.png"],
    ["ZERO WIDTH JOINER U+200D", "a\u200Db.png", "ab.png"],
    ["BYTE ORDER MARK U+FEFF", "\uFEFFab.png", "ab.png"],
    ["WORD JOINER U+2060", "a\u2060b.png", "ab.png"],
    ["only invisible characters", "\u200B\u202E\uFEFF", "fallback.bin"],
  ])("%s", (_label, raw, expected) => {
    expect(safeFileName(raw, "fallback.bin")).toBe(expected);
  });

  // Every other Default_Ignorable_Code_Point: "x\u034Fy.png" would look exactly like "xy.png".
  it.each([
    ["SOFT HYPHEN U+00AD", "\u00AD"],
    ["COMBINING GRAPHEME JOINER U+034F", "\u034F"],
    ["HANGUL CHOSEONG FILLER U+115F", "\u115F"],
    ["HANGUL JUNGSEONG FILLER U+1160", "\u1160"],
    ["KHMER VOWEL INHERENT AQ U+17B4", "\u17B4"],
    ["MONGOLIAN VOWEL SEPARATOR U+180E", "\u180E"],
    ["FUNCTION APPLICATION U+2061", "\u2061"],
    ["INVISIBLE SEPARATOR U+2063", "\u2063"],
    ["HANGUL FILLER U+3164", "\u3164"],
    ["VARIATION SELECTOR-16 U+FE0F", "\uFE0F"],
    ["HALFWIDTH HANGUL FILLER U+FFA0", "\uFFA0"],
    ["TAG LATIN CAPITAL LETTER A U+E0041", "\u{E0041}"],
    ["MUSICAL SYMBOL BEGIN BEAM U+1D173", "\u{1D173}"],
  ])("%s", (_label, invisible) => {
    expect(safeFileName(`x${invisible}y.png`, "fallback.bin")).toBe("xy.png");
    expect(safeFileName(invisible, "fallback.bin")).toBe("fallback.bin");
  });
});

describe("uniqueness folds case fully, as case-insensitive file systems may", () => {
  it.each([
    ["final sigma, small sigma and capital sigma", ["σ.png", "ς.png", "Σ.png"], ["σ.png", "ς-2.png", "Σ-3.png"]],
    ["sharp s and ss", ["straße.png", "STRASSE.png"], ["straße.png", "STRASSE-2.png"]],
    ["capital sharp s", ["ẞ.png", "ss.png"], ["ẞ.png", "ss-2.png"]],
    ["ligature ﬁ and fi", ["ﬁle.png", "FILE.png"], ["ﬁle.png", "FILE-2.png"]],
    ["Kelvin sign and k", ["\u212A.png", "k.png"], ["\u212A.png", "k-2.png"]],
    ["long s and s", ["ſ.png", "S.png"], ["ſ.png", "S-2.png"]],
    ["composed and decomposed é", ["\u00E9.png", "e\u0301.png"], ["\u00E9.png", "e\u0301-2.png"]],
    ["different letters stay apart", ["a.png", "b.png"], ["a.png", "b.png"]],
  ])("%s", (_label, names, expected) => {
    expect(uniqueNames(names)).toEqual(expected);
  });

  it("the key is the same for every spelling of one folded name", () => {
    expect(new Set(["ΣΑΣ.png", "σας.png", "σασ.png", "Σας.PNG"].map(nameKey)).size).toBe(1);
  });
});
