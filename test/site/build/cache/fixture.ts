import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CacheDigests } from "../../../../site/build/cache/digests.ts";

export const digests = (packages: string, renders: string, outputs: string): CacheDigests => ({ packages, renders, outputs });

/** A cache folder holding one file of each part: a Framework bundle, a drawing, a loader output. */
export async function filledCache(): Promise<{ cache: string; bundle: string; drawing: string; output: string }> {
  const cache = join(await mkdtemp(join(tmpdir(), "cache-")), "cache");
  const paths = { bundle: join(cache, "_node", "x@1", "index.js"), drawing: join(cache, "_report", "renders", "k.svg"), output: join(cache, "data", "a.json") };
  for (const path of Object.values(paths)) {
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(path, "x");
  }
  return { cache, ...paths };
}
