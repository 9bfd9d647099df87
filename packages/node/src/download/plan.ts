// From a batch to the list of files to fetch: stored outputs and malformed items are sorted out, names made safe and unique.
import { type BatchResult, type BatchResultItem, describeValue, InvalidArgumentError } from "@claid/core";
import { DownloadError, errorText } from "./errors.ts";
import { checkUrl } from "./fetch-file.ts";
import { safeFileName, uniqueNames } from "./file-names.ts";
import type { DownloadOptions } from "./options.ts";
import type { DownloadReport, StoredOutput } from "./report.ts";

/** One file to fetch: the result's index, its URL and its (safe, unique) name in the folder. */
export interface FetchJob {
  index: number;
  url: string;
  name: string;
}

/** The batch's result items; a malformed batch is an `InvalidArgumentError` naming the field. */
export function readResults(result: BatchResult): unknown[] {
  if (typeof result !== "object" || result === null)
    throw new InvalidArgumentError({
      argument: "result",
      problem: `must be a batch (from claid.batches.retrieve or wait); got ${describeValue(result)}.`,
    });
  if (!Number.isSafeInteger(result.id))
    throw new InvalidArgumentError({
      argument: "result.id",
      problem: `must be the batch id (an integer); got ${describeValue(result.id)}.`,
    });
  const results: unknown = result.results;
  if (results === undefined || results === null) return [];
  if (!Array.isArray(results))
    throw new InvalidArgumentError({
      argument: "result.results",
      problem: `must be an array of result items; got ${describeValue(results)}.`,
    });
  return results;
}

/** Sorts results into stored outputs and per-item failures (added to `report`) and files to fetch, with their names. */
export function planJobs(
  result: BatchResult,
  items: unknown[],
  fileName: DownloadOptions["fileName"],
  report: DownloadReport,
): FetchJob[] {
  const planned: FetchJob[] = [];
  for (const [index, item] of items.entries()) {
    const planOrFailure = planItem(result, item, index, fileName);
    if (planOrFailure instanceof DownloadError)
      report.failed.push({ index, url: urlOf(item), path: undefined, error: planOrFailure });
    else if ("uri" in planOrFailure) report.stored.push(planOrFailure);
    else planned.push(planOrFailure);
  }
  const names = uniqueNames(planned.map((job) => job.name));
  return planned.map((job, i) => ({ ...job, name: names[i] as string }));
}

/** The file to fetch for one result item, its storage location, or why neither. */
function planItem(
  result: BatchResult,
  item: unknown,
  index: number,
  fileName: DownloadOptions["fileName"],
): FetchJob | StoredOutput | DownloadError {
  const field = `result.results[${index}]`;
  const output = (item as { output_object?: unknown } | null)?.output_object as Record<string, unknown> | undefined;
  if (typeof output !== "object" || output === null)
    return new DownloadError(
      "invalid-result",
      `${field}.output_object is missing or not an object; got ${describeValue(output)}.`,
    );
  const { tmp_url: url, object_uri: uri } = output;
  if (url === undefined || url === null) {
    if (typeof uri === "string" && uri !== "") return { index, uri };
    return new DownloadError("invalid-result", `${field}.output_object has neither a tmp_url nor an object_uri.`);
  }
  if (typeof url !== "string")
    return new DownloadError(
      "invalid-result",
      `${field}.output_object.tmp_url must be a string; got ${describeValue(url)}.`,
    );
  try {
    checkUrl(url);
  } catch (error) {
    return error as DownloadError;
  }
  const ext = typeof output.ext === "string" ? output.ext.replace(/[^a-z0-9]/gi, "").slice(0, 16) : "";
  let raw: unknown;
  try {
    raw = fileName ? fileName(item as BatchResultItem, index) : nameFromUrl(url, ext);
  } catch (error) {
    return new DownloadError("name", `fileName() threw for ${field}: ${errorText(error)}`, { cause: error });
  }
  if (typeof raw !== "string" || (fileName && raw.trim() === ""))
    return new DownloadError(
      "name",
      `fileName() must return a non-empty string for ${field}; got ${describeValue(raw)}.`,
    );
  return { index, url, name: safeFileName(raw, `${result.id}-${index + 1}.${ext || "bin"}`) };
}

/** The item's `tmp_url` when it is a string, for the failure report. */
function urlOf(item: unknown): string | undefined {
  const url = (item as { output_object?: { tmp_url?: unknown } } | null)?.output_object?.tmp_url;
  return typeof url === "string" ? url : undefined;
}

/** The URL's last path segment, decoded (an encoded `../` is split like a real one), with `.ext` added when it has none. */
function nameFromUrl(url: string, ext: string): string {
  let path = new URL(url).pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes: the raw segment is made safe instead.
  }
  const segment = path.split(/[/\\]/).pop() ?? "";
  return segment && ext && !/\.[a-z0-9]{1,16}$/i.test(segment) ? `${segment}.${ext}` : segment;
}
