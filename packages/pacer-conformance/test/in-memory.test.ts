/** The suite against `@claid/core`'s in-memory pacer: the reference every other backend matches. */
import { createRequestPacer } from "@claid/core";
import { describePacerConformance } from "../src/index.ts";

describePacerConformance("createRequestPacer (in memory)", {
  create: async ({ policy }) => ({ pacer: createRequestPacer({ policy }), close: () => {} }),
});
