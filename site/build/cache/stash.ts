// Where Framework's cache waits between builds. Framework wants its cache in
// src/.observablehq/cache; the build moves it there for the length of a build and back after,
// so that the source tree never holds third-party bundles (DuckDB-WASM's names the CDN it can
// load itself from; the report never uses that).
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";

/** Where the cache waits between builds: outside src/; `npm ci` clears it with node_modules. */
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
