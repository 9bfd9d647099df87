import { createClaid } from "@claid/browser";

export async function run(urls: string[]) {
  const claid = createClaid({ baseUrl: "/api/claid" });
  return claid.batches.createAndWait({ input: urls, operations: { resizing: { width: 1000 } } });
}
