// Scratch copies of the project, which a test may break, build and kill at will: the real
// raw/, dist/ and build cache are never touched.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { CACHE_STASH } from "../../site/build/cache/stash.ts";

/** The sha256 of every file under `folder`, by path. */
export async function hashTree(folder: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(folder, path), createHash("sha256").update(await readFile(path)).digest("hex"));
  }
  return new Map([...hashes].sort(([a], [b]) => a.localeCompare(b)));
}

export const sha256 = async (path: string) => createHash("sha256").update(await readFile(path)).digest("hex");

/** Where a project keeps its build cache between builds (node_modules/.cache/…), for a copy at `root`. */
export const cacheStashOf = (root: string) => join(root, relative(PROJECT_ROOT, CACHE_STASH));

/** The project's files as git sees them: tracked and new, ignored ones (dist/, node_modules/, caches) left out. */
export function projectFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: PROJECT_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((file) => file !== "" && existsSync(join(PROJECT_ROOT, file)));
}

/**
 * A scratch copy of the project, which a test may break and build at will: the real raw/,
 * dist/ and build cache are never touched. node_modules is linked entry by entry, not as a
 * whole, so that the copy's node_modules/.cache, where the build keeps its cache, is its own.
 * @param options.cache start from a copy of the real build cache (a faster first build)
 */
export async function scratchProject(name: string, options: { cache: boolean }): Promise<string> {
  // The project beside a link to the real ../shared, whose seeds every build checks and reads.
  const parent = await mkdtemp(join(tmpdir(), `scratch-${name}-`));
  await symlink(join(PROJECT_ROOT, "..", "shared"), join(parent, "shared"));
  const root = join(parent, "project");
  for (const file of projectFiles()) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await cp(join(PROJECT_ROOT, file), join(root, file));
  }
  await mkdir(join(root, "node_modules"));
  for (const entry of await readdir(join(PROJECT_ROOT, "node_modules"))) {
    if (entry !== ".cache") await symlink(join(PROJECT_ROOT, "node_modules", entry), join(root, "node_modules", entry));
  }
  if (options.cache && existsSync(CACHE_STASH)) await cp(CACHE_STASH, cacheStashOf(root), { recursive: true });
  return root;
}

/** Removes a scratch copy: its links into the real node_modules first, so that nothing there is followed. */
export async function removeScratch(root: string | undefined): Promise<void> {
  if (!root) return;
  const modules = join(root, "node_modules");
  for (const entry of await readdir(modules).catch(() => [] as string[])) {
    if (entry !== ".cache") await unlink(join(modules, entry));
  }
  await unlink(join(dirname(root), "shared")).catch(() => {});
  await rm(dirname(root), { recursive: true, force: true });
}

/** The commit time of the real project, so that a copy (which has no .git) dates its files alike. */
export const SOURCE_DATE_EPOCH = execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
