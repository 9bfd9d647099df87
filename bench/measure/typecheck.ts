/**
 * Type-check cost of a consumer calling both operations with a fully populated
 * `operations` object: `tsc --extendedDiagnostics` on the same program written
 * with @claid/core and with bare openapi-fetch. The consumers are written into
 * bench/.generated/typecheck from one template, so they differ only in the client.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Stats, stats } from "./stats.ts";

const ROOT = join(import.meta.dirname, "../..");
const DIR = join(import.meta.dirname, "../.generated/typecheck");
const RUNS = 3;

const BODY = `{
    input: ["https://img.example/a.png", "https://img.example/b.png"],
    operations: {
      restorations: { decompress: "moderate", upscale: "smart_enhance", polish: true },
      adjustments: { hdr: { intensity: 50, stitching: true }, exposure: 10, saturation: 10, contrast: 10, sharpness: 10 },
      background: {
        remove: { category: "products", clipping: true },
        color: "#ffffff",
        blur: { category: "general", type: "regular", level: "medium" },
      },
      resizing: { width: 1000, height: 1000, fit: { type: "crop", crop: "smart" } },
      padding: "10%",
      privacy: { blur_car_plate: true, identity_crop: false },
      generative: {
        style_transfer: {
          style_reference_image: "https://img.example/style.png",
          prompt: "sunny",
          style_strength: 0.5,
          denoising_strength: 0.5,
          depth_strength: 0.5,
        },
      },
    },
    output: "storage://storage_1/output_folder/",
  }`;

const CONSUMERS: Record<string, string> = {
  "@claid/core": `import { createClaid } from "@claid/core";
const claid = createClaid({ apiKey: "test-key-0123" });
export async function run() {
  const task = await claid.batches.create(${BODY});
  const result = await claid.batches.retrieve(task.id);
  return result.results?.[0]?.output_object.tmp_url;
}
`,
  "bare openapi-fetch": `import createClient from "openapi-fetch";
import type { paths } from "${join(ROOT, "packages/core/src/generated/schema.ts")}";
const client = createClient<paths>({ baseUrl: "https://api.claid.ai" });
export async function run() {
  const { data } = await client.POST("/v1/image/edit/batch", { body: ${BODY} });
  if (!data?.data) return;
  const { data: got } = await client.GET("/v1/image/edit/batch/{task_id}", { params: { path: { task_id: data.data.id } } });
  return got?.data?.results?.[0]?.output_object.tmp_url;
}
`,
};

export interface TypecheckCost {
  instantiations: number;
  types: number;
  checkTimeMs: Stats;
  memoryKB: number;
}

export function measureTypecheck(): Record<string, TypecheckCost> {
  rmSync(DIR, { recursive: true, force: true });
  const result: Record<string, TypecheckCost> = {};
  for (const [name, source] of Object.entries(CONSUMERS)) {
    const dir = join(DIR, name.replace(/\W+/g, "-").replace(/^-/, ""));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "consumer.ts"), source);
    const tsconfig = {
      extends: join(ROOT, "tsconfig.base.json"),
      compilerOptions: { types: [] },
      files: ["consumer.ts"],
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    const runs = Array.from({ length: RUNS }, () => diagnostics(dir));
    const first = runs[0] as Record<string, number>;
    result[name] = {
      instantiations: first.Instantiations ?? 0,
      types: first.Types ?? 0,
      checkTimeMs: stats(runs.map((r) => (r["Check time"] ?? 0) * 1000)),
      memoryKB: stats(runs.map((r) => r["Memory used"] ?? 0)).median,
    };
  }
  return result;
}

/** `tsc --extendedDiagnostics` figures by name (times in s, memory in K); fails on a type error. */
function diagnostics(dir: string): Record<string, number> {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const out = execFileSync(process.execPath, [tsc, "-p", dir, "--noEmit", "--extendedDiagnostics"], {
    encoding: "utf8",
  });
  const figures: Record<string, number> = {};
  for (const line of out.split("\n")) {
    const match = /^([A-Za-z ]+):\s+([\d.]+)/.exec(line);
    if (match?.[1] && match[2]) figures[match[1].trim()] = Number(match[2]);
  }
  return figures;
}
