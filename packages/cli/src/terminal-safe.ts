/**
 * Text from a server made safe to print: a batch status, a file extension, a URL or an error message
 * could carry escape sequences (OSC 52 writes the clipboard, `ESC[2J` clears the screen, OSC 8 forges
 * links) or bidi controls that reorder what the user reads. Every human-readable line the CLI prints
 * goes through `terminalSafe`; JSON output through `jsonSafe`.
 */

/**
 * DEL, C1 controls, the line and paragraph separators, and every default-ignorable character
 * (Unicode's Default_Ignorable_Code_Point: the bidi controls that reorder a line, and the invisible
 * ones that hide text: zero-width characters, soft hyphen, fillers, variation selectors, tags).
 */
const RAW_IN_JSON = "\\u007f-\\u009f\\u2028\\u2029\\p{Default_Ignorable_Code_Point}";
/** Those, and the C0 controls (ESC, BEL, CR, LF, …). */
const UNSAFE = new RegExp(`[\\p{Cc}${RAW_IN_JSON}]`, "gu");
const UNSAFE_IN_JSON = new RegExp(`[${RAW_IN_JSON}]`, "gu");

/** The text with every control or invisible character shown as a visible escape (`\x1b`, `\u202e`, `\u{e0041}`), so it cannot act or hide. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (character) => {
    const code = character.codePointAt(0) as number;
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
    return code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * `JSON.stringify` output with the characters it leaves raw (DEL, C1 controls, U+2028/9, bidi controls
 * and other invisible characters) written as `\uXXXX` escapes (a surrogate pair beyond U+FFFF): the same
 * JSON value, nothing a terminal acts on or hides. C0 controls are already escaped by JSON.stringify.
 */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (character) =>
    // split("") yields UTF-16 code units: JSON's \\u escapes are per unit.
    character
      .split("")
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .join(""),
  );
}

/** Prints one JSON document on stdout (the --json output), safe for a terminal. */
export function printJson(value: unknown): void {
  process.stdout.write(`${jsonSafe(JSON.stringify(value, null, 2))}\n`);
}

/** Each line of the text made safe, the line breaks kept: for multi-line output built by the CLI. */
export function terminalSafeLines(text: string): string {
  return text.split("\n").map(terminalSafe).join("\n");
}
