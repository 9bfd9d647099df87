/** The cron recipe inside Vercel's edge-runtime VM, invoked like Vercel Cron would, against the mock. */
import { join } from "node:path";
import type { ClaidMockServer } from "@claid/msw/node";
import { EdgeRuntime } from "edge-runtime";
import { afterEach, describe, expect, it } from "vitest";
import { bundle } from "../../../tests/support/bundle.ts";
import { API_KEY, startMock } from "../../../tests/support/mock-server.ts";
import { waitFor } from "../../../tests/support/wait-for.ts";

let mock: ClaidMockServer | undefined;
afterEach(() => mock?.close());

type Checked = { taskId: number; status: string; done: boolean };

async function run(plans: ("PROCESSING" | "DONE" | "ERROR")[][]) {
  mock = await startMock(3);
  for (const plan of plans) mock.store.planTask(plan);
  const runtime = new EdgeRuntime({
    initialCode: await bundle(join(import.meta.dirname, "entry.ts"), "iife", ["edge-light", "worker", "browser"]),
    extend: (context) =>
      Object.assign(context, { process: { env: { CLAID_API_KEY: API_KEY, CLAID_BASE_URL: mock?.url } } }),
  });
  const call = async (code: string) =>
    JSON.parse(
      await runtime.evaluate<Promise<string>>(`(async () => JSON.stringify(await (await (${code})).json()))()`),
    );
  for (const _ of plans) {
    await call(
      `routes.submit(new Request("http://edge.test/api/batches", { method: "POST", body: '["https://img.example/a.png"]' }))`,
    );
  }
  let invocations = 0;
  const checks: Checked[] = [];
  const finished = new Map<number, Checked>();
  await waitFor(async () => {
    invocations++;
    const { checked } = (await call("routes.checkDue()")) as { checked: Checked[] };
    checks.push(...checked);
    for (const c of checked) if (c.done) finished.set(c.taskId, c);
    if (finished.size === plans.length) return true;
    await new Promise((resolve) => setTimeout(resolve, 150));
    return undefined;
  });
  const idle = (await call("routes.checkDue()")) as { checked: Checked[] };
  return { invocations, checks, finished, idle, gets: mock.store.requestsOf("retrieve").length };
}

describe("Vercel Edge cron recipe", () => {
  it("drives two batches to their end, one GET per check, and nothing after", async () => {
    const { invocations, checks, finished, idle, gets } = await run([
      ["PROCESSING", "PROCESSING", "DONE"],
      ["PROCESSING", "ERROR"],
    ]);
    expect([...finished.values()].map((c) => c.status).sort()).toEqual(["DONE", "ERROR"]);
    expect(checks.filter((c) => c.taskId === 1)).toHaveLength(3);
    expect(checks.filter((c) => c.taskId === 2)).toHaveLength(2);
    expect(gets).toBe(checks.length);
    expect(idle.checked).toEqual([]);
    console.log(
      `vercel cron recipe: 2 submits + ${invocations} cron invocations, 2 POSTs + ${gets} GETs (DONE after 3 checks, ERROR after 2)`,
    );
  }, 60_000);
});
