import { type BatchResult, createClaid } from "@claid/browser";

// Proxy mode: no key in the page; /api/claid is this app's backend (see server.ts).
const claid = createClaid({ baseUrl: "/api/claid" });

const button = document.querySelector<HTMLButtonElement>("#submit");
const urls = document.querySelector<HTMLTextAreaElement>("#urls");
const batches = document.querySelector<HTMLDivElement>("#batches");

button?.addEventListener("click", async () => {
  const input = (urls?.value ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const section = document.createElement("section");
  batches?.prepend(section);
  try {
    const task = await claid.batches.create({
      input,
      operations: { background: { remove: true } },
      output: { format: "webp" },
    });
    section.innerHTML = `<h2>Batch ${task.id}: <span class="status">${task.status}</span></h2>`;
    const result = await claid.batches.wait(task, {
      pollIntervalMs: 500,
      onProgress: (r) => {
        const status = section.querySelector(".status");
        if (status) status.textContent = r.status;
      },
    });
    section.append(resultsTable(result));
  } catch (error) {
    section.textContent = `Failed: ${(error as Error).message}`;
  }
});

function resultsTable(result: BatchResult): HTMLTableElement {
  const table = document.createElement("table");
  table.innerHTML = "<tr><th>input</th><th>output</th><th>size</th><th>megapixels</th><th>file</th></tr>";
  for (const { input_object: input, output_object: output } of result.results ?? []) {
    const row = table.insertRow();
    const href = output.tmp_url ?? output.object_uri ?? "";
    const cells = [
      `${input.ext} ${input.width}×${input.height}`,
      output.ext,
      `${output.width}×${output.height}`,
      output.mps.toFixed(2),
    ];
    for (const text of cells) row.insertCell().textContent = text;
    const link = document.createElement("a");
    link.href = href;
    link.textContent = href.split("/").pop() ?? href;
    row.insertCell().append(link);
  }
  return table;
}
