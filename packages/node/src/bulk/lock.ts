/**
 * One run per journal at a time: two runs of the same command would both submit the chunks that neither
 * had recorded yet, and Claid bills each.
 *
 * The lock is a folder `<journal>.lock` holding one file named after its owner, `<pid>.<random>`. A run takes
 * it by renaming a folder it prepared (owner file inside) onto that path; the rename succeeds only when
 * nothing or an empty folder is there, so two runs never both hold it. A lock whose owner process is gone
 * (a crash, kill -9) is released by unlinking that owner's file by its name: of several runs that saw the
 * same dead owner, one unlink succeeds and the others find it gone, and none can remove a lock taken since
 * (its owner file has another name). proper-lockfile is not used: its takeover of a stale lock (stat, then
 * rmdir) can remove a lock that another run has just taken, and it judges staleness by age, not by owner.
 */
import { randomBytes } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { BulkJournalError } from "./errors.ts";

/** The journal is held by another live process: nothing was sent. */
export class JournalInUseError extends BulkJournalError {
  override name = "JournalInUseError";
  constructor(
    journal: string,
    readonly lock: string,
    readonly holderPid: number,
  ) {
    super(
      journal,
      `Another claid run (pid ${holderPid}) is using the journal ${journal}: wait for it to finish (or delete ${lock} if that process is not claid).`,
    );
  }
}

const OWNER = /^(\d+)\.[0-9a-f]+$/;
/** Each pass either takes the lock or clears a dead owner; this many passes means something keeps interfering. */
const MAX_PASSES = 1000;

/** Takes the journal's lock or throws `JournalInUseError`; returns the function that releases it. */
export function lockJournal(journal: string): () => void {
  const lock = `${journal}.lock`;
  const owner = `${process.pid}.${randomBytes(8).toString("hex")}`;
  const staging = `${lock}.${owner}.tmp`;
  const fail = (error: unknown) =>
    new BulkJournalError(journal, `journal: cannot lock ${journal}: ${(error as Error).message}`, { cause: error });
  try {
    mkdirSync(staging);
    writeFileSync(join(staging, owner), "");
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw fail(error);
  }
  try {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      try {
        renameSync(staging, lock);
        return () => release(lock, owner);
      } catch (error) {
        if (!isOccupied(error)) throw fail(error);
      }
      clearDeadOwner(journal, lock);
    }
    throw new BulkJournalError(
      journal,
      `journal: cannot lock ${journal}: ${lock} keeps changing; is another program using it?`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Something is at the lock path: throws if a live process holds it, removes it if its owner is dead. */
function clearDeadOwner(journal: string, lock: string): void {
  let entries: string[];
  try {
    entries = readdirSync(lock);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return; // released meanwhile
    if (code !== "ENOTDIR") throw error;
    clearOldLockFile(journal, lock);
    return;
  }
  if (entries.length === 0) return; // released (or being released): the next rename replaces the empty folder
  const pid = Number(OWNER.exec(entries[0] as string)?.[1]);
  if (entries.length > 1 || !pid)
    throw new BulkJournalError(
      journal,
      `journal: ${lock} is not a claid lock (it holds ${entries.join(", ")}): delete it if no claid run is using ${journal}.`,
    );
  if (isRunning(pid)) throw new JournalInUseError(journal, lock, pid);
  ignoreMissing(() => unlinkSync(join(lock, entries[0] as string)));
}

/**
 * claid 0.1.0 locked with a file holding the owner's pid. One naming a live process is honoured; one naming
 * a dead process, or an empty or unreadable one, is removed (`unlink` cannot remove a lock folder taken since).
 */
function clearOldLockFile(journal: string, lock: string): void {
  let pid = 0;
  try {
    pid = Number(readFileSync(lock, "utf8").trim());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR") return;
    throw error;
  }
  if (Number.isSafeInteger(pid) && pid > 0 && isRunning(pid)) throw new JournalInUseError(journal, lock, pid);
  try {
    unlinkSync(lock);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "EISDIR" && code !== "EPERM") throw error;
  }
}

function release(lock: string, owner: string): void {
  ignoreMissing(() => unlinkSync(join(lock, owner)));
  try {
    rmdirSync(lock);
  } catch (error) {
    // Another run took the lock between the two calls, or it is gone: either way it is not ours to remove.
    if (!["ENOENT", "ENOTEMPTY", "EEXIST"].includes((error as NodeJS.ErrnoException).code as string)) throw error;
  }
}

/** rename() onto a lock that exists: a non-empty folder (ENOTEMPTY, EEXIST) or a 0.1.0 lock file (ENOTDIR). */
function isOccupied(error: unknown): boolean {
  return ["ENOTEMPTY", "EEXIST", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code as string);
}

function ignoreMissing(remove: () => void): void {
  try {
    remove();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
