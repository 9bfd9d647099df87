import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiReportPath, renderApiReport } from "../api-snapshot.ts";
import { TYPED_PACKAGES } from "../packages.ts";

describe.each(TYPED_PACKAGES.map((p) => [p.name, p] as const))("%s public API", (_, p) => {
  it("matches the committed report (after an intended change: npm run api:update, and commit it with the change)", () => {
    expect(renderApiReport(p)).toBe(readFileSync(apiReportPath(p), "utf8"));
  });
});

describe("API report", () => {
  const msw = TYPED_PACKAGES.find((p) => p.name === "@claid/msw");
  if (!msw) throw new Error("@claid/msw is not a typed package");

  it("names shared declaration chunks without their content hash, in headings and imports", () => {
    const dist = mkdtempSync(join(tmpdir(), "claid-api-"));
    try {
      writeFileSync(join(dist, "index.d.ts"), "export { C as Options } from './handlers-AbCd12_x.js';\n");
      writeFileSync(
        join(dist, "node.d.ts"),
        "import { C } from './handlers-AbCd12_x.js';\nexport declare const n: C;\n",
      );
      writeFileSync(join(dist, "handlers-AbCd12_x.d.ts"), "interface C { a: 1 }\nexport { C };\n");
      const report = renderApiReport(msw, dist);
      expect(report).not.toContain("AbCd12_x");
      expect(report).toContain("## shared declarations: handlers.d.ts");
      expect(report).toContain("from './handlers.js'");
      expect(report).toContain("## `@claid/msw/node` (node.d.ts)");
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it("changes when a declaration changes", () => {
    const dist = mkdtempSync(join(tmpdir(), "claid-api-"));
    try {
      cpSync(join(msw.dir, "dist"), dist, { recursive: true });
      const before = renderApiReport(msw, dist);
      writeFileSync(
        join(dist, "node.d.ts"),
        `${readFileSync(join(dist, "node.d.ts"), "utf8")}export declare const added: 1;\n`,
      );
      expect(renderApiReport(msw, dist)).not.toBe(before);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
