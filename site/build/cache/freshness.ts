// Which parts of Framework's cache folder still hold, recorded in a stamp beside them: the
// digests (digests.ts) each part was made from. A part whose inputs changed is dropped before
// the build; the loader outputs count as fresh only once a build has marked them so.
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../../data-loaders/publish/write-file-atomic.ts";
import type { CacheDigests } from "./digests.ts";
import { RENDERS } from "./render-cache.ts";

const STAMP = ".digests.json";

async function readStamp(cacheDir: string): Promise<Partial<CacheDigests>> {
  try {
    return JSON.parse(await readFile(join(cacheDir, STAMP), "utf8")) as Partial<CacheDigests>;
  } catch {
    return {};
  }
}

/**
 * Drops each part of the cache whose inputs changed: everything when the lockfile did, the
 * drawn charts when the drawing code did, the loader outputs when any of their inputs did.
 * Returns true when the loader outputs stand as they are. Until markOutputsCurrent(), the
 * outputs count as not current, so a build that fails half-way reruns every loader.
 * @param outputsIntact false when a loader output differs from what the last successful build
 *   recorded (manifest.ts): the outputs are then not current whatever the stamp says.
 */
export async function prepareCache(cacheDir: string, digests: CacheDigests, outputsIntact = true): Promise<boolean> {
  const stamp = await readStamp(cacheDir);
  if (stamp.packages !== digests.packages) await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  if (stamp.renders !== digests.renders) await rm(join(cacheDir, RENDERS), { recursive: true, force: true });
  const current = outputsIntact && stamp.outputs === digests.outputs;
  if (!current) {
    // Framework's own parts are named with a leading underscore; loader outputs are not.
    for (const entry of await readdir(cacheDir)) {
      if (!entry.startsWith("_") && entry !== STAMP) await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
  await writeFileAtomic(join(cacheDir, STAMP), JSON.stringify({ packages: digests.packages, renders: digests.renders, outputs: current ? digests.outputs : null }));
  return current;
}

/** Records that every loader output in the cache was made from `digests.outputs`. */
export async function markOutputsCurrent(cacheDir: string, digests: CacheDigests): Promise<void> {
  await writeFileAtomic(join(cacheDir, STAMP), JSON.stringify(digests));
}
