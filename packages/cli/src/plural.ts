/** Counted nouns in CLI output: "1 file", "2 files", never "1 files". */

/** The word for `n` of it: `plural(1, "URL")` → "URL", `plural(3, "URL")` → "URLs". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}

/** The number and the word: `count(1, "batch", "batches")` → "1 batch". */
export function count(n: number, word: string, many?: string): string {
  return `${n} ${plural(n, word, many)}`;
}
