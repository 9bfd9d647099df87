// Run by test/deno.test.ts without --allow-env: createClaid() must say that the permission is missing.
import { createClaid } from "@claid/edge";

try {
  createClaid();
  console.log("created");
} catch (error) {
  console.log((error as Error).message);
}
