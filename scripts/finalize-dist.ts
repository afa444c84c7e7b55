import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../data-loaders/outputs.ts";

async function* htmlFiles(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

/**
 * Rewrites what Framework stamps on each page and we cannot configure: the language
 * attribute of <html>, and the modification time of every file attachment. Returns the
 * number of pages rewritten. Fails if a page lacks the markup it expects, so a Framework
 * upgrade that changes it cannot slip through.
 */
export async function finalizeDist(dist: string, { lastModified, lang }: { lastModified: number; lang: string }): Promise<number> {
  let count = 0;
  for await (const path of htmlFiles(dist)) {
    const html = await readFile(path, "utf8");
    if (!html.includes("<html>")) throw new Error(`invalid page: ${path} (no bare <html> to give a lang)`);
    const out = html
      .replace("<html>", `<html lang="${lang}">`)
      .replace(/"lastModified":\d+(?:\.\d+)?/g, `"lastModified":${lastModified}`);
    await writeFileAtomic(path, out);
    count++;
  }
  return count;
}
