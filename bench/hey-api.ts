/**
 * The peer client: generated from spec/ by @hey-api/openapi-ts at bench time
 * into bench/.generated/hey-api (git-ignored; only the bench uses it).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@hey-api/openapi-ts";

export const HEY_API_DIR = join(import.meta.dirname, ".generated/hey-api");

export async function generateHeyApi(): Promise<void> {
  rmSync(HEY_API_DIR, { recursive: true, force: true });
  await createClient({
    input: join(import.meta.dirname, "../spec/claid.openapi.json"),
    output: HEY_API_DIR,
    logs: { level: "silent" },
  });
}
