// Whether a file already in the folder is this result's complete download: the quick check (size + mtime) or its hash.
import { createHash } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { DownloadError } from "./errors.ts";
import type { ManifestEntry } from "./manifest.ts";
import { openRegularFile } from "./place.ts";

/**
 * What to do with a file recorded as this result's download: `skip` it (and
 * whether to record it again, for a 0.1.0 line that had no mtime), `fetch` it
 * again (it changed, or its hash does not match), or fail with `unverifiable`.
 */
export type Verdict = { skip: true; rerecord: boolean } | { skip: false; error?: DownloadError };

export async function checkRecorded(
  entry: ManifestEntry,
  existing: Stats,
  path: string,
  verify: boolean,
): Promise<Verdict> {
  if (entry.bytes !== existing.size) return { skip: false };
  // Lines written by 0.1.0 have no mtime but always a SHA-256: the hash decides, once.
  const quick = entry.mtimeMs !== undefined;
  if (quick && entry.mtimeMs !== existing.mtimeMs) return { skip: false };
  if (quick && !verify) return { skip: true, rerecord: false };
  if (entry.sha256 === undefined)
    return {
      skip: false,
      error: new DownloadError(
        "unverifiable",
        `${path} has no SHA-256 recorded (it was downloaded without hash: "sha256"), so it cannot be verified; it is left as it is. To verify it later, delete it and download again with hash: "sha256".`,
      ),
    };
  return (await sha256Of(path)) === entry.sha256 ? { skip: true, rerecord: !quick } : { skip: false };
}

/** Hex SHA-256 of the file at `path`, read without following a link. */
async function sha256Of(path: string): Promise<string | undefined> {
  const handle = await openRegularFile(path, constants.O_RDONLY);
  if (!handle) return undefined;
  try {
    const hash = createHash("sha256");
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    return hash.digest("hex");
  } finally {
    await handle.close().catch(() => undefined);
  }
}
