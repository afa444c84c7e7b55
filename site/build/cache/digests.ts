// What each part of the build cache is made from, as a digest. Framework takes any cached
// loader output as fresh during a build, so a cache from other inputs would publish stale
// numbers; every part is keyed by a digest of everything it is made from (freshness.ts).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { filesUnder } from "../files-under.ts";
import { pageLoaders } from "../referenced-files.ts";

/** What each part of the cache is made from (paths from the project root). */
export const CACHE_INPUTS = {
  /** Framework's bundles of node_modules imports and its client (`_node/`, `_observablehq/`, …). */
  packages: ["package-lock.json"],
  /**
   * Drawn charts (`_report/renders/`), each under the hash of its Vega-Lite spec: the rest is
   * the drawing code and the Vega versions. site/render/ imports no project module outside it (a test checks).
   */
  renders: ["site/render", "package-lock.json"],
  /**
   * The data loaders' outputs (`data/`) and the page loaders' (`glossary.md`): the raw
   * transcriptions and all the code that reads them, and the page loaders themselves (loaderInputs).
   */
  outputs: ["raw", "data-loaders", "site", "src/data", "src/sql", "src/charts", "package-lock.json"],
} as const;

export type CacheDigests = Record<keyof typeof CACHE_INPUTS, string>;

/** A digest of the paths and bytes of every file under `inputs` (paths from `root`). */
export async function inputsDigest(root: string, inputs: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for await (const file of filesUnder(join(root, input))) {
      hash.update(relative(root, file)).update("\0").update(await readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/** What the loader outputs are made from: CACHE_INPUTS.outputs and every page loader of src/. */
export async function loaderInputs(root: string): Promise<string[]> {
  return [...CACHE_INPUTS.outputs, ...(await pageLoaders(join(root, "src"))).map((file) => `src/${file}`)];
}

/** The digest of each part's inputs. */
export async function cacheDigests(root: string): Promise<CacheDigests> {
  return {
    packages: await inputsDigest(root, CACHE_INPUTS.packages),
    renders: await inputsDigest(root, CACHE_INPUTS.renders),
    outputs: await inputsDigest(root, await loaderInputs(root)),
  };
}
