/**
 * Text from a server made safe to print: a batch status, a file extension, a URL or an error message
 * could carry escape sequences (OSC 52 writes the clipboard, `ESC[2J` clears the screen, OSC 8 forges
 * links) or bidi controls that reorder what the user reads. Every human-readable line the CLI prints
 * goes through `terminalSafe`; JSON output through `jsonSafe`.
 */

/** DEL, C1 controls, and the bidi/line-separator controls that reorder or split a line. */
const RAW_IN_JSON = "\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
/** Those, and the C0 controls (ESC, BEL, CR, LF, …). */
const UNSAFE = new RegExp(`[\\u0000-\\u001f${RAW_IN_JSON}]`, "g");
const UNSAFE_IN_JSON = new RegExp(`[${RAW_IN_JSON}]`, "g");

/** The text with every control character shown as a visible escape (`\x1b`, `\u202e`), so it cannot act. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * `JSON.stringify` output with the characters it leaves raw (DEL, C1 controls, bidi controls, U+2028/9)
 * written as `\uXXXX` escapes: the same JSON value, nothing a terminal acts on. C0 controls are
 * already escaped by JSON.stringify.
 */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Prints one JSON document on stdout (the --json output), safe for a terminal. */
export function printJson(value: unknown): void {
  process.stdout.write(`${jsonSafe(JSON.stringify(value, null, 2))}\n`);
}

/** Each line of the text made safe, the line breaks kept: for multi-line output built by the CLI. */
export function terminalSafeLines(text: string): string {
  return text.split("\n").map(terminalSafe).join("\n");
}
