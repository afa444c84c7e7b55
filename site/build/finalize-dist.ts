import { readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { writeFileAtomic } from "../../data-loaders/publish/write-file-atomic.ts";
import { filesUnder } from "./files-under.ts";

const SIDEBAR_CLOSE_IN_LIST = /(<ol>\s*)(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>\s*)/;

/** A page's address in the site, as a reader requests it: `/`, `/thesis/sialkot`. */
function pageAddress(dist: string, file: string): string {
  return `/${relative(dist, file).split(sep).join("/").replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`.replace(/['\\]/g, "");
}

/**
 * Rewrites what Framework stamps on each page and we cannot configure: the language
 * attribute of <html>, the modification time of every file attachment, and the place of
 * the sidebar's close control. Returns the
 * number of pages rewritten. Fails if a page lacks the markup it expects, so a Framework
 * upgrade that changes it cannot slip through.
 */
export async function finalizeDist(
  dist: string,
  { lastModified, lang, manifest }: { lastModified: number; lang: string; manifest?: { page: string; placeholder: string; html: () => Promise<string> } },
): Promise<number> {
  let count = 0;
  for await (const path of filesUnder(dist)) {
    if (!path.endsWith(".html")) continue;
    const html = await readFile(path, "utf8");
    if (!html.includes("<html>")) throw new Error(`invalid page: ${path} (no bare <html> to give a lang)`);
    const out = html
      // The page's address, which the print stylesheet shows in the footer of every printed page.
      .replace("<html>", `<html lang="${lang}" style="--page-address: '${pageAddress(dist, path)}'">`)
      // Framework puts the sidebar's close control, a <label>, inside the page list's <ol>,
      // where only <li> may stand; it moves just before the list, where the CSS still places it.
      .replace(SIDEBAR_CLOSE_IN_LIST, "$2$1")
      .replace(/"lastModified":\d+(?:\.\d+)?/g, `"lastModified":${lastModified}`);
    await writeFileAtomic(path, out);
    count++;
  }
  // Last, so that the list holds every other file as published.
  if (manifest) {
    const path = join(dist, manifest.page);
    const html = await readFile(path, "utf8");
    if (!html.includes(manifest.placeholder)) throw new Error(`invalid page: ${path} (no ${manifest.placeholder} to fill)`);
    await writeFileAtomic(path, html.replace(manifest.placeholder, await manifest.html()));
  }
  return count;
}
