/** The flags of `claid batch create --input-file`, defined next to the command they belong to. */
import { chunkFolder, DEFAULT_BATCH_SIZE } from "@claid/node";
import { InvalidArgumentError as FlagError, Option } from "commander";

export { DEFAULT_BATCH_SIZE };

/** `--batch-size`: a whole number of URLs per batch, at least 1. */
export function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new FlagError("--batch-size must be a whole number of URLs, 1 or more.");
  return n;
}

/** `--download`: added to `batch create` by program.ts. */
export const downloadOption = new Option(
  "--download <dir>",
  `with --input-file --wait: download each batch's files into <dir>/${chunkFolder(1)}/, ${chunkFolder(2)}/, … (one folder per batch, in input order) as soon as it is done`,
);
export const verboseOption = new Option(
  "--verbose",
  "with --input-file --wait: one line per batch instead of the totals",
);
