// What `npm run build` keeps between builds, in Framework's cache folder (git-ignored), and
// when each part is dropped. Framework takes any cached loader output as fresh during a build,
// so a cache from other inputs would publish stale numbers; every part is keyed by a digest of
// everything it is made from.
import { createHash } from "node:crypto";
import { existsSync as existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, posix, relative } from "node:path";
import { writeFileAtomic } from "../../data-loaders/publish/write-file-atomic.ts";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import type { RenderCache } from "../render/render.ts";

/**
 * Where the cache waits between builds: outside src/, so that the source tree never holds
 * third-party bundles (DuckDB-WASM's names the CDN it can load itself from; the report never
 * uses that). Framework wants its cache in src/.observablehq/cache, so the build moves it
 * there for the length of a build and back after; `npm ci` clears it with node_modules.
 */
export const CACHE_STASH = join(PROJECT_ROOT, "node_modules", ".cache", "industrial-clusters-report", "framework-cache");

/** Framework's cache folder, where a build needs the cache. */
export const FRAMEWORK_CACHE = join(PROJECT_ROOT, "src", ".observablehq", "cache");

/**
 * Brings the stashed cache back to where Framework reads it. A cache already there (an
 * interrupted build, `npm run preview`) is the newer one, and the stash goes.
 */
export function unstashCache(cacheDir = FRAMEWORK_CACHE, stash = CACHE_STASH): void {
  if (!existsSync(stash)) return;
  if (existsSync(cacheDir)) rmSync(stash, { recursive: true, force: true });
  else {
    mkdirSync(dirname(cacheDir), { recursive: true });
    renameSync(stash, cacheDir);
  }
}

/** Moves the cache out of src/ until the next build (synchronous: it also runs on the way out of a failed build). */
export function stashCache(cacheDir = FRAMEWORK_CACHE, stash = CACHE_STASH): void {
  if (!existsSync(cacheDir)) return;
  rmSync(stash, { recursive: true, force: true });
  mkdirSync(dirname(stash), { recursive: true });
  renameSync(cacheDir, stash);
}

/** Deletes the cache wherever it is: the next build starts from nothing. */
export function clearCache(cacheDir = FRAMEWORK_CACHE, stash = CACHE_STASH): void {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(stash, { recursive: true, force: true });
}

/** What each part of the cache is made from (paths from the project root). */
export const CACHE_INPUTS = {
  /** Framework's bundles of node_modules imports and its client (`_node/`, `_observablehq/`, …). */
  packages: ["package-lock.json"],
  /**
   * Drawn charts (`_report/renders/`), each under the hash of its Vega-Lite spec: the rest is
   * the drawing code and the Vega versions. render.ts imports no project module (a test checks).
   */
  renders: ["site/render", "package-lock.json"],
  /** The data loaders' outputs (`data/`): the raw transcriptions and all the code that reads them. */
  outputs: ["raw", "data-loaders", "site", "src/data", "src/sql", "src/charts", "package-lock.json"],
} as const;

export type CacheDigests = Record<keyof typeof CACHE_INPUTS, string>;

const STAMP = ".digests.json";
const RENDERS = join("_report", "renders");

async function* files(path: string): AsyncGenerator<string> {
  if (!existsSync(path)) return;
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    yield path;
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) yield* files(join(path, entry.name));
}

/** A digest of the paths and bytes of every file under `inputs` (paths from `root`). */
export async function inputsDigest(root: string, inputs: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for await (const file of files(join(root, input))) {
      hash.update(relative(root, file)).update("\0").update(await readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/** The digest of each part's inputs. */
export async function cacheDigests(root: string): Promise<CacheDigests> {
  return {
    packages: await inputsDigest(root, CACHE_INPUTS.packages),
    renders: await inputsDigest(root, CACHE_INPUTS.renders),
    outputs: await inputsDigest(root, CACHE_INPUTS.outputs),
  };
}

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
 */
export async function prepareCache(cacheDir: string, digests: CacheDigests): Promise<boolean> {
  const stamp = await readStamp(cacheDir);
  if (stamp.packages !== digests.packages) await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  if (stamp.renders !== digests.renders) await rm(join(cacheDir, RENDERS), { recursive: true, force: true });
  const current = stamp.outputs === digests.outputs;
  if (!current) {
    // Framework's own parts are named with a leading underscore; loader outputs are not.
    for (const entry of await readdir(cacheDir)) {
      if (!entry.startsWith("_") && entry !== STAMP) await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
  await writeFile(join(cacheDir, STAMP), JSON.stringify({ packages: digests.packages, renders: digests.renders, outputs: current ? digests.outputs : null }));
  return current;
}

/** Records that every loader output in the cache was made from `digests.outputs`. */
export async function markOutputsCurrent(cacheDir: string, digests: CacheDigests): Promise<void> {
  await writeFileAtomic(join(cacheDir, STAMP), JSON.stringify(digests));
}

/** The drawn-chart cache: one SVG file per spec hash, and the keys used since it was opened. */
export function renderCacheIn(cacheDir: string): RenderCache & { readonly drawn: number; readonly reused: number; prune(): Promise<number> } {
  const folder = join(cacheDir, RENDERS);
  const used = new Set<string>();
  let drawn = 0;
  let reused = 0;
  return {
    get drawn() {
      return drawn;
    },
    get reused() {
      return reused;
    },
    async get(key) {
      used.add(key);
      const svg = await readFile(join(folder, `${key}.svg`), "utf8").catch(() => undefined);
      if (svg !== undefined) reused++;
      return svg;
    },
    async set(key, svg) {
      used.add(key);
      drawn++;
      await mkdir(folder, { recursive: true });
      await writeFileAtomic(join(folder, `${key}.svg`), svg);
    },
    /** Deletes the charts no longer drawn (from older data), so the cache does not grow. */
    async prune() {
      let removed = 0;
      for (const file of await readdir(folder).catch(() => [] as string[])) {
        if (!used.has(file.replace(/\.svg$/, ""))) {
          await rm(join(folder, file), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

/** The data files the pages name: FileAttachment("…") calls and download links, as root paths. */
export async function referencedFiles(srcDir: string): Promise<string[]> {
  const found = new Set<string>();
  for await (const file of files(srcDir)) {
    if (!file.endsWith(".md") || file.includes(`${posix.sep}.observablehq${posix.sep}`)) continue;
    const text = await readFile(file, "utf8");
    const pageDir = posix.join("/", relative(srcDir, dirname(file)).split("\\").join("/"));
    const named = [
      ...[...text.matchAll(/FileAttachment\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!),
      ...[...text.matchAll(/<a\s[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => /\sdownload\b/.test(tag))
        .map((tag) => /\shref="([^"#?]+)"/.exec(tag)?.[1])
        .filter((href): href is string => href !== undefined),
    ];
    for (const name of named) found.add(name.startsWith("/") ? name : posix.join(pageDir, name));
  }
  return [...found].sort();
}
