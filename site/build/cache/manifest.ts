// What the cache held when a build last succeeded: the size and sha256 of every file, in a
// manifest beside them. Framework writes its cache in place (a 34 MB DuckDB-WASM file copied
// with copyFile, its client bundles rewritten on every build), so a build killed half-way
// leaves truncated files that Framework would take as complete and publish. The next build
// reuses only what the manifest vouches for.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
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
  files: Record<string, { size: number; sha256: string }>;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** A file's path in the manifest: from the cache folder, with forward slashes. */
const key = (cacheDir: string, path: string) => relative(cacheDir, path).split(sep).join("/");

/** Records every file now in `cacheDir` (call it once a build has succeeded, before the cache is put away). */
export async function writeManifest(cacheDir: string): Promise<void> {
  const files: Manifest["files"] = {};
  for await (const path of filesUnder(cacheDir)) {
    const name = key(cacheDir, path);
    if (name === MANIFEST || name === STAMP) continue;
    files[name] = { size: (await stat(path)).size, sha256: await sha256(path) };
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFileAtomic(join(cacheDir, MANIFEST), JSON.stringify({ files: sorted } satisfies Manifest));
}

/** What verifyCache found. */
export interface Verified {
  /** Files checked against the manifest. */
  checked: number;
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
    return { checked: 0, removed: [], outputs: false, trusted: false };
  }
  const removed: string[] = [];
  const seen = new Set<string>();
  let outputs = true;
  for await (const path of filesUnder(cacheDir)) {
    const name = key(cacheDir, path);
    if (name === MANIFEST || name === STAMP) continue;
    seen.add(name);
    const recorded = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
    const size = (await stat(path)).size;
    if (recorded && recorded.size === size && recorded.sha256 === (await sha256(path))) continue;
    await rm(path, { force: true });
    removed.push(name);
    if (!name.startsWith("_")) outputs = false;
  }
  // A recorded loader output that is gone leaves the set incomplete; a missing file of
  // Framework's or a drawing is simply made again.
  for (const name of Object.keys(manifest.files)) {
    if (!seen.has(name) && !name.startsWith("_")) outputs = false;
  }
  return { checked: seen.size, removed, outputs, trusted: true };
}

