// Replacing a whole folder of outputs (dist/, the `npm run data` folder) so that a reader, or
// a process killed at any moment, never finds it half old and half new.
//
// The new content is written in a sibling `<folder>.building-<pid>.tmp`; then `<folder>` is
// renamed to `<folder>.previous-<pid>.tmp`, the new one to `<folder>`, and the previous one
// removed. POSIX has no portable rename that swaps two folders, so between the two renames
// (two system calls) `<folder>` is absent. A process killed exactly there leaves the previous
// folder under its sibling name, and recoverFolder(), which runs before anything else writes
// the folder, puts it back: after any kill, the folder is whole, old or new, as soon as the
// next writer starts. Siblings left by writers that died are removed then too.
import { existsSync, readFileSync } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const SIBLING = /^\.(building|previous)-(\d+)\.tmp$/;

/** The sibling a writer builds the new content in. */
export const buildingFolder = (folder: string, pid = process.pid) => `${folder}.building-${pid}.tmp`;

const previousFolder = (folder: string, pid = process.pid) => `${folder}.previous-${pid}.tmp`;

/** Whether `pid` runs: a killed process not yet reaped by its parent (a zombie, state Z on Linux) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/**
 * Puts back `folder` if a writer was killed between the two renames, and removes the siblings
 * of writers that are gone. Without `exclusive`, a sibling whose process is alive is another
 * writer's, and is left alone; with it (the caller holds a lock that keeps other writers out),
 * every sibling is stale. Returns the siblings removed and whether the folder was put back.
 */
export async function recoverFolder(folder: string, { exclusive = false } = {}): Promise<{ restored: boolean; removed: string[] }> {
  const parent = dirname(folder);
  const name = basename(folder);
  const siblings: { path: string; kind: string; pid: number }[] = [];
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    if (!entry.startsWith(name)) continue;
    const match = SIBLING.exec(entry.slice(name.length));
    if (match) siblings.push({ path: join(parent, entry), kind: match[1]!, pid: Number(match[2]) });
  }
  const stale = siblings.filter((s) => exclusive || !alive(s.pid));
  let restored = false;
  if (!existsSync(folder)) {
    // The newest previous folder, should there be several, is the last complete content.
    const previous = await Promise.all(stale.filter((s) => s.kind === "previous").map(async (s) => ({ ...s, mtime: (await stat(s.path)).mtimeMs })));
    const newest = previous.sort((a, b) => b.mtime - a.mtime)[0];
    if (newest) {
      await rename(newest.path, folder);
      restored = true;
      stale.splice(stale.indexOf(stale.find((s) => s.path === newest.path)!), 1);
    }
  }
  for (const sibling of stale) await rm(sibling.path, { recursive: true, force: true });
  return { restored, removed: stale.map((s) => basename(s.path)) };
}

/**
 * Puts the complete folder `building` (from buildingFolder) in place of `folder`, which need
 * not exist. `between` runs between the two renames (the crash test's hook).
 */
export async function replaceFolder(folder: string, building: string, between: () => Promise<void> = async () => {}): Promise<void> {
  const previous = previousFolder(folder);
  const had = existsSync(folder);
  if (had) await rename(folder, previous);
  await between();
  await rename(building, folder);
  if (had) await rm(previous, { recursive: true, force: true });
}
