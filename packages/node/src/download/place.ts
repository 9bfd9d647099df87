// Temporary files in the download folder and the atomic placement of a complete one under its name.
import { randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import { type FileHandle, link, lstat, open, rename, rm, unlink } from "node:fs/promises";
import { join } from "node:path";
import { DownloadError, describe, diskError, existsError } from "./errors.ts";

// Where a file system has no hard links, placing a file falls back to check-then-rename.
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK", "EINVAL"]);

/** A new temporary file's path in `dir`: a dot name no result file can have. */
export const temporaryPath = (dir: string) => join(dir, `.claid-${randomBytes(6).toString("hex")}.part`);

/** Creates the temporary file exclusively, so no existing file or link is followed. */
export const openTemporaryFile = (temp: string): Promise<FileHandle> =>
  open(temp, "wx").catch((error: unknown) => {
    throw diskError(`Cannot create ${temp}`, error);
  });

export async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  for (let offset = 0; offset < data.byteLength; ) {
    const { bytesWritten } = await handle.write(data, offset);
    if (bytesWritten === 0) throw new Error("the file system accepted no bytes");
    offset += bytesWritten;
  }
}

/**
 * Moves the complete temporary file to `path`. Without `overwrite`, a hard link
 * claims the name atomically and fails if anything (even a dangling link) has
 * it; with `overwrite`, rename replaces what is there — a symlink itself, never
 * the file it points to.
 */
export async function place(temp: string, path: string, overwrite: boolean): Promise<void> {
  if (overwrite) return rename(temp, path);
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code === "EEXIST") throw existsError(path);
    if (!NO_HARD_LINKS.has(code)) throw error;
    if (await lstatIfExists(path)) throw existsError(path);
    return rename(temp, path);
  }
  // The file is complete under its name; a leftover temporary name is only clutter.
  await unlink(temp).catch(() => undefined);
}

export async function lstatIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw diskError(`Cannot inspect ${path}`, error);
  }
}

/** `error` (made a DownloadError), after removing `path`; a failed removal is added to it. */
export async function withCleanup(error: unknown, path: string): Promise<unknown> {
  if (!(error instanceof DownloadError)) {
    await rm(path, { force: true }).catch(() => undefined);
    return error;
  }
  try {
    await rm(path, { force: true });
    return error;
  } catch (cleanupError) {
    return new DownloadError(error.reason, `${error.message} Removing ${path} failed too: ${describe(cleanupError)}`, {
      status: error.status,
      cause: error.cause,
      cleanupError: cleanupError as Error,
    });
  }
}
