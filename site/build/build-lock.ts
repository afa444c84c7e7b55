// One build at a time per project folder. Two builds in one folder share dist/, its staging
// siblings and Framework's cache folder, and one would remove or overwrite what the other is
// writing. The lock is the kernel's (flock(1) from util-linux, as `npm run bench` uses): it is
// held by a small child process whose standard input is this process, so it goes the moment
// this process ends, however it ends (kill -9 included); no stale lock is ever left to judge.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The lock file of the project at `root` (beside the stashed cache; `npm ci` may remove it). */
export const buildLockOf = (root: string) => join(root, "node_modules", ".cache", "industrial-clusters-report", "build.lock");

/** Another build held the lock longer than this one would wait. */
export class LockTimeout extends Error {}

/** Starts flock; resolves with the holder once the lock is held, with null if `wait` ran out. */
function flock(path: string, wait: number | null): Promise<ChildProcess | null> {
  const child = spawn("flock", [...(wait === null ? ["-n"] : ["-w", String(wait)]), "-E", "75", path, "sh", "-c", "echo locked; exec cat"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => resolve(child));
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error("flock not found (util-linux): the build needs it to keep a second build out of this folder") : error),
    );
    child.once("exit", (code) => (code === 75 ? resolve(null) : reject(new Error(`flock ${path} exited with code ${code}`))));
  });
}

function holder(path: string): string {
  try {
    const pid = readFileSync(path, "utf8").trim();
    return pid ? `pid ${pid}` : "another process";
  } catch {
    return "another process";
  }
}

/**
 * Takes the build lock of `root`, waiting up to `waitSeconds` (saying so through `log`) while
 * another build holds it. Resolves with the function that releases it; rejects with LockTimeout
 * if the other build still holds it after the wait.
 */
export async function takeBuildLock(root: string, { waitSeconds, log }: { waitSeconds: number; log: (line: string) => void }): Promise<() => void> {
  const path = buildLockOf(root);
  mkdirSync(dirname(path), { recursive: true });
  let child = await flock(path, null);
  if (!child) {
    log(`another build (${holder(path)}) is running in ${root}; waiting for it to finish (up to ${waitSeconds} s)`);
    child = await flock(path, waitSeconds);
    if (!child) throw new LockTimeout(`another build (${holder(path)}) is still running in ${root} after ${waitSeconds} s; not building`);
  }
  // For the message of a build that waits; the lock is the flock, not this content.
  writeFileSync(path, `${process.pid}\n`);
  const held = child;
  held.stdout!.resume();
  return () => {
    held.stdin!.end();
  };
}
