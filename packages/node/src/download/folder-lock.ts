// One download at a time per folder: a lock file created exclusively, naming its holder; stale locks taken over.
import { constants, type Stats } from "node:fs";
import { type FileHandle, lstat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { DownloadError, diskError } from "./errors.ts";
import { openRegularFile, regularFileStats } from "./place.ts";

const { O_CREAT, O_EXCL, O_RDONLY, O_WRONLY } = constants;

/** The lock's file name, inside the download folder. */
export const LOCK_FILE = ".claid-downloads.lock";
/** How often a waiting download looks at the lock again. */
const POLL_MS = 100;
/**
 * A lock file still empty (or unreadable) this long after it was created belongs
 * to a process that died between creating and writing it; the takeover marker,
 * held for a few file operations, is stale after as long.
 */
const HALF_WRITTEN_MS = 5_000;

/** Who holds a folder: written into the lock file as JSON. */
interface Holder {
  pid: number;
  host: string;
  /** ISO time the lock was taken; absent from a lock file written by something else. */
  since?: string | undefined;
}

/** A held folder lock; `release()` removes the lock file if it is still this one. */
export interface FolderLock {
  release(): Promise<void>;
}

/**
 * Takes `dir`'s lock, waiting up to `waitMs` for another download to finish.
 * A lock whose holder is a dead process on this host (or that stayed empty) is
 * taken over. Throws a `locked` DownloadError naming the folder and the holder
 * when the wait runs out, an `unsafe-path` one when the lock is not a regular
 * file, and `signal.reason` on abort.
 */
export async function lockFolder(dir: string, waitMs: number, signal: AbortSignal | undefined): Promise<FolderLock> {
  const path = join(dir, LOCK_FILE);
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    signal?.throwIfAborted();
    const created = await create(path);
    if (created) return created;
    const seen = await regularFileStats(path);
    if (!seen) continue; // released just now: try again at once
    const holder = await readHolder(path);
    if (isStale(holder, seen)) {
      await takeOver(path, seen);
      continue;
    }
    if (Date.now() >= giveUpAt) throw lockedError(dir, holder, waitMs);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Creates the lock file (O_EXCL: exactly one creator wins) and writes the holder; `undefined` if it exists. */
async function create(path: string): Promise<FolderLock | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await openRegularFile(path, O_WRONLY | O_CREAT | O_EXCL);
  } catch (error) {
    if (error instanceof DownloadError && (error.cause as NodeJS.ErrnoException | undefined)?.code === "EEXIST")
      return undefined;
    throw error;
  }
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  let ours: Stats;
  try {
    await handle?.write(JSON.stringify(holder));
    ours = await lstat(path);
  } catch (error) {
    await unlink(path).catch(() => undefined);
    throw diskError(`Cannot write ${path}`, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return {
    async release() {
      // Removed only if it is still the file this call created.
      const now = await lstat(path).catch(() => undefined);
      if (now && now.ino === ours.ino && now.dev === ours.dev) await unlink(path).catch(() => undefined);
    },
  };
}

async function readHolder(path: string): Promise<Holder | undefined> {
  const handle = await openRegularFile(path, O_RDONLY).catch(() => undefined);
  if (!handle) return undefined;
  try {
    const value = JSON.parse(await handle.readFile("utf8")) as Partial<Record<keyof Holder, unknown>> | null;
    if (!Number.isSafeInteger(value?.pid) || typeof value?.host !== "string") return undefined;
    return {
      pid: value.pid as number,
      host: value.host,
      since: typeof value.since === "string" ? value.since : undefined,
    };
  } catch {
    return undefined;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function isStale(holder: Holder | undefined, seen: Stats): boolean {
  if (!holder) return Date.now() - seen.mtimeMs > HALF_WRITTEN_MS;
  // A holder on another host (a network folder) cannot be checked: it is waited for.
  return holder.host === hostname() && !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, run by another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the stale lock `seen`, serialised by a takeover marker created with
 * O_EXCL: a taker removes the lock only if it is still the same file (inode)
 * it judged stale, so a fresh lock created meanwhile by another process is
 * never removed.
 */
async function takeOver(path: string, seen: Stats): Promise<void> {
  const marker = `${path}.takeover`;
  const claimed = await create(marker).catch(() => undefined);
  if (!claimed) {
    // Another process is taking over; a marker left by a taker that died is removed once old.
    const stats = await lstat(marker).catch(() => undefined);
    if (stats && Date.now() - stats.mtimeMs > HALF_WRITTEN_MS) await unlink(marker).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS / 4));
    return;
  }
  try {
    const now = await lstat(path).catch(() => undefined);
    if (now && now.ino === seen.ino && now.dev === seen.dev) await unlink(path).catch(() => undefined);
  } finally {
    await claimed.release();
  }
}

function lockedError(dir: string, holder: Holder | undefined, waitMs: number): DownloadError {
  const who = holder
    ? `process ${holder.pid} on ${holder.host === hostname() ? "this machine" : holder.host}${holder.since ? `, since ${holder.since}` : ""}`
    : "a process that has not written its name yet";
  return new DownloadError(
    "locked",
    `${dir} is in use by another download (${who}); waited ${waitMs} ms (lockWaitMs). Let it finish, or download into another folder; if no such download runs, remove ${join(dir, LOCK_FILE)}.`,
  );
}
