import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, posix, relative } from "node:path";
import { LoaderResolver } from "@observablehq/framework/dist/loader.js";

/** What the data loaders read: when none of it changes, their cached outputs stand. */
const LOADER_INPUTS = ["raw", "data-loaders", "src/data", "src/sql", "src/charts", "src/diagrams", "src/lib", "src/report-map.ts", "package-lock.json"];

async function* files(path: string): AsyncGenerator<string> {
  if (!existsSync(path)) return;
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    yield path;
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) yield* files(join(path, entry.name));
}

/** A digest of every loader input's path and bytes. */
export async function loaderInputsDigest(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const input of LOADER_INPUTS) {
    for await (const file of files(join(root, input))) {
      hash.update(relative(root, file)).update("\0").update(await readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/**
 * Keeps Framework's loader cache only while the loaders' inputs are unchanged. During a build
 * Framework takes any cached output as fresh, so a cache from other inputs would publish stale
 * numbers; keyed by the inputs' digest, an unchanged tree rebuilds without rerunning loaders.
 * Returns true when the cache was kept.
 */
export async function keepCacheIfCurrent(cacheDir: string, digest: string): Promise<boolean> {
  const stamp = join(cacheDir, ".inputs-digest");
  const current = existsSync(stamp) && (await readFile(stamp, "utf8")) === digest;
  if (!current) {
    await rm(cacheDir, { recursive: true, force: true });
    await mkdir(cacheDir, { recursive: true });
    await writeFile(stamp, digest);
  }
  return current;
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

/**
 * Runs the loaders of the given files, a few at a time, into Framework's cache. Framework's
 * own build runs them one after another; on two cores, running them side by side halves the
 * wait. The outputs are the loaders' own, byte for byte: only the order of running changes.
 */
export async function prewarmLoaders(srcDir: string, paths: readonly string[], concurrency: number): Promise<number> {
  const resolver = new LoaderResolver({ root: srcDir, interpreters: {} });
  const quiet = { logger: { log() {}, warn() {}, error: console.error }, output: { write() {} } };
  const queue = paths.map((p) => resolver.find(p)).filter((loader) => loader && "command" in loader);
  let next = 0;
  let ran = 0;
  const worker = async () => {
    while (next < queue.length) {
      const loader = queue[next++]!;
      await loader.load({ useStale: true }, quiet);
      ran++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ran;
}
