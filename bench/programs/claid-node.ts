import { createClaid } from "@claid/node";

export async function run(urls: string[]) {
  return createClaid().batches.createAndWait({ input: urls, operations: { resizing: { width: 1000 } } });
}
