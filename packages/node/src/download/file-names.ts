/**
 * File names for downloaded results: safe on Linux, macOS and Windows, at most
 * 255 bytes of UTF-8, and unique within one download even on case-insensitive
 * file systems.
 */

/** The longest file name (in UTF-8 bytes) that ext4, APFS and NTFS all accept. */
export const MAX_NAME_BYTES = 255;

// Separators, characters Windows forbids, C0/C1 controls: replaced by "_".
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces.
const UNSAFE_CHARS = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f]/g;
// Removed: every default-ignorable character (Unicode's Default_Ignorable_Code_Point: bidi marks,
// embeddings, overrides and isolates, which make "gnp.exe" display as "exe.png"; zero-width characters,
// soft hyphen, fillers, variation selectors, tags: two names that look the same must be the same), and
// the line and paragraph separators.
const INVISIBLE_CHARS = /[\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;
// Unpaired UTF-16 surrogates cannot be written as UTF-8.
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const EXTENSION = /\.[a-z0-9]{1,16}$/i;
const byteLength = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * `raw` made into a safe file name, or `fallback` when nothing usable is left:
 * no separators, controls or characters Windows rejects, no leading or trailing
 * dots and spaces (so never `.`, `..` or a hidden file), no Windows device name,
 * and at most 255 bytes with the extension kept.
 */
export function safeFileName(raw: string, fallback: string): string {
  const cleaned = raw
    .normalize("NFC")
    .replace(LONE_SURROGATES, "_")
    .replace(INVISIBLE_CHARS, "")
    .replace(UNSAFE_CHARS, "_")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (!cleaned) return fallback;
  const stem = cleaned.split(".")[0] ?? "";
  return fitName(WINDOWS_RESERVED.test(stem.trimEnd()) ? `_${cleaned}` : cleaned, "");
}

/** `name` with `suffix` before its extension, the stem shortened (by whole characters) to stay within 255 bytes. */
function fitName(name: string, suffix: string): string {
  const ext = EXTENSION.exec(name)?.[0] ?? "";
  const stem = name.slice(0, name.length - ext.length);
  let budget = MAX_NAME_BYTES - byteLength(ext) - byteLength(suffix);
  let kept = "";
  for (const char of stem) {
    budget -= byteLength(char);
    if (budget < 0) break;
    kept += char;
  }
  // Cutting may expose a trailing dot or space, which Windows would strip.
  return `${kept.replace(/[\s.]+$/, "") || "_"}${suffix}${ext}`;
}

/**
 * A name's identity on file systems that ignore case (macOS, Windows by default),
 * folded more widely than any of them, so names that one of them might merge never
 * share a folder: compatibility forms (NFKC: "ﬁ" is "fi", the Kelvin sign is "k"),
 * the full case mappings (an upper-then-lower round trip: "ſ" is "s"), "ß" and "ẞ"
 * as "ss", and final sigma ("ς" is "σ"). Not covered: the Turkic dotless-i rules
 * (locale-specific; "I" folds to "i" as in Unicode's default folding).
 */
export const nameKey = (name: string): string =>
  name.normalize("NFKC").toUpperCase().toLowerCase().replace(/ς/g, "σ").replace(/ß/g, "ss").normalize("NFC");

/**
 * Makes `names` unique (ignoring case), deterministically: a name used once keeps
 * it; of a repeated name, the first keeps it and later ones get `-2`, `-3`, …,
 * skipping any name that another entry has (so `a.png`, `a.png`, `a-2.png`
 * become `a.png`, `a-3.png`, `a-2.png`). `undefined` entries stay `undefined`.
 */
export function uniqueNames(names: (string | undefined)[]): (string | undefined)[] {
  const taken = new Set<string>();
  const counts = new Map<string, number>();
  for (const name of names) if (name !== undefined) counts.set(nameKey(name), (counts.get(nameKey(name)) ?? 0) + 1);
  // Names that occur once are claimed up front, so no suffixed name can take them.
  for (const [key, count] of counts) if (count === 1) taken.add(key);
  return names.map((name) => {
    if (name === undefined) return undefined;
    const key = nameKey(name);
    if (counts.get(key) === 1) return name;
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
    for (let n = 2; ; n++) {
      const candidate = fitName(name, `-${n}`);
      if (!taken.has(nameKey(candidate))) {
        taken.add(nameKey(candidate));
        return candidate;
      }
    }
  });
}
