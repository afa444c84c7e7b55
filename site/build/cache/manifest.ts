// What the cache held when a build last succeeded: the size and sha256 of every file, in a
// manifest beside them. Framework writes its cache in place (a 34 MB DuckDB-WASM file copied
// with copyFile, its client bundles rewritten on every build), so a build killed half-way
// leaves truncated files that Framework would take as complete and publish. The next build
// reuses only what the manifest vouches for.
import { createHash } from "node:crypto";
import { readFile, rm, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { writeFileAtomic } from "../../../data-loaders/publish/write-file-atomic.ts";
import { filesUnder } from "../files-under.ts";

/** The manifest's name in the cache folder. */
export const MANIFEST = ".manifest.json";
/**
 * The freshness stamp (freshness.ts): written only whole (atomically) and checked by parsing,
 * it changes at the start of every build, so the manifest does not list it.
 */
const STAMP = ".digests.json";

interface Manifest {
  /** Per file: its size and sha256, and its identity on disk when recorded (inode and modification time). */
  files: Record<string, { size: number; sha256: string; stamp?: string }>;
}

// Whole files at once: twice as fast as a stream here, and the largest is 34 MB.
const sha256 = async (path: string) => createHash("sha256").update(await readFile(path)).digest("hex");

/** A file's identity on disk: a rewrite changes its modification time (nanoseconds) or size. */
async function identity(path: string): Promise<{ size: number; stamp: string }> {
  const { size, mtimeNs, ino } = await stat(path, { bigint: true });
  return { size: Number(size), stamp: `${ino}:${mtimeNs}` };
}

/** The files verifyCache found as recorded, with their identity then: their hash need not be computed again. */
export type Checked = ReadonlyMap<string, { size: number; stamp: string; sha256: string }>;

/** A file's path in the manifest: from the cache folder, with forward slashes. */
const key = (cacheDir: string, path: string) => relative(cacheDir, path).split(sep).join("/");

/**
 * Records every file now in `cacheDir` (call it once a build has succeeded, before the cache is
 * put away). A file `checked` at the start of the build and not rewritten since keeps the hash
 * it was checked with; every other file is hashed.
 */
export async function writeManifest(cacheDir: string, checked: Checked = new Map()): Promise<void> {
  const files: Manifest["files"] = {};
  for await (const path of filesUnder(cacheDir)) {
    const name = key(cacheDir, path);
    if (name === MANIFEST || name === STAMP) continue;
    const now = await identity(path);
    const before = checked.get(name);
    files[name] = { size: now.size, sha256: before && before.stamp === now.stamp && before.size === now.size ? before.sha256 : await sha256(path), stamp: now.stamp };
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFileAtomic(join(cacheDir, MANIFEST), JSON.stringify({ files: sorted } satisfies Manifest));
}

/** What verifyCache found. */
export interface Verified {
  /** Files found as recorded, kept. */
  checked: Checked;
  /** Files removed: changed, or not in the manifest (left by a build that did not finish). */
  removed: string[];
  /** Whether the loader outputs (the files outside Framework's `_…` folders) are all as recorded. */
  outputs: boolean;
  /** False when there was no usable manifest, and the whole cache went. */
  trusted: boolean;
}

async function readManifest(cacheDir: string): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(join(cacheDir, MANIFEST), "utf8")) as Manifest;
    return typeof manifest.files === "object" && manifest.files !== null ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * Checks every file of `cacheDir` against the manifest of the last successful build, before
 * the build reuses any. A cache without a manifest (a first build that was killed, a cache made
 * by `npm run preview`, a manifest cut short) is never trusted: it is removed whole. Otherwise
 * each file whose size or sha256 differs, or that the manifest does not list, is removed:
 * Framework makes again any file of its own that is missing (its `_node` bundles and the
 * DuckDB-WASM copy on demand, its client bundles on every build), and the drawing cache draws a
 * missing chart again. The loader outputs are taken as a whole: if one of them is off, the
 * caller reruns every loader (`outputs: false`).
 */
export async function verifyCache(cacheDir: string): Promise<Verified> {
  const manifest = await readManifest(cacheDir);
  if (!manifest) {
    await rm(cacheDir, { recursive: true, force: true });
    return { checked: new Map(), removed: [], outputs: false, trusted: false };
  }
  const removed: string[] = [];
  const seen = new Set<string>();
  const checked = new Map<string, { size: number; stamp: string; sha256: string }>();
  let outputs = true;
  for await (const path of filesUnder(cacheDir)) {
    const name = key(cacheDir, path);
    if (name === MANIFEST || name === STAMP) continue;
    seen.add(name);
    const recorded = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
    const { size, stamp } = await identity(path);
    // A file with the identity it was recorded with has not been written since (a rename, as the
    // cache's stash makes, keeps both): its hash need not be computed again. Any write, a
    // killed build's half-written copy included, changes its modification time.
    const unchanged = recorded !== undefined && recorded.size === size && recorded.stamp === stamp;
    const hash = unchanged ? recorded.sha256 : recorded && recorded.size === size ? await sha256(path) : null;
    if (recorded && hash === recorded.sha256) {
      checked.set(name, { size, stamp, sha256: hash });
      continue;
    }
    await rm(path, { force: true });
    removed.push(name);
    if (!name.startsWith("_")) outputs = false;
  }
  // A recorded loader output that is gone leaves the set incomplete; a missing file of
  // Framework's or a drawing is simply made again.
  for (const name of Object.keys(manifest.files)) {
    if (!seen.has(name) && !name.startsWith("_")) outputs = false;
  }
  return { checked, removed, outputs, trusted: true };
}

