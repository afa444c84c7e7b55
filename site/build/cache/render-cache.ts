// The drawn charts the build keeps between builds, in Framework's cache folder: one SVG file
// per spec hash (site/render/render.ts makes the key).
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../../data-loaders/publish/write-file-atomic.ts";
import type { RenderCache } from "../../render/render.ts";

/** The drawings' folder, relative to the cache folder. */
export const RENDERS = join("_report", "renders");

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
