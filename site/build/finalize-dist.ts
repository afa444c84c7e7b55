import { mkdir, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { addPageChrome } from "../html/page-chrome.ts";
import { renderPage } from "../html/render-page.ts";
import { writeFileAtomic } from "../../data-loaders/publish/write-file-atomic.ts";
import { filesUnder } from "./files-under.ts";

/** Framework's viewport forbids pinch-zoom (maximum-scale=1): readers must be able to zoom. */
const NO_ZOOM = /(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(")/;

/** The first stop for the keyboard: past the sidebar, to the page's content. */
const SKIP_LINK = '<a class="skip-link" href="#observablehq-main">Skip to content</a>';

const SIDEBAR_CLOSE_IN_LIST = /(<ol>\s*)(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>\s*)/;

/** A page's address in the site, as a reader requests it: `/`, `/thesis/sialkot`. */
function pageAddress(dist: string, file: string): string {
  return `/${relative(dist, file).split(sep).join("/").replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`.replace(/['\\]/g, "");
}

/** How finalizePage rewrites a page. */
export interface FinalizeOptions {
  lastModified: number;
  lang: string;
  /** Reads a data file by its root path, to fill the page's placeholders (site/html/render-page.ts). */
  data?: (rootPath: string) => Promise<string>;
  /** Rewrites a page's links once it is filled (the download links to the plain data files, publish-data.ts). */
  links?: (html: string) => string;
  /** Receives the files the page's figures offer (`figures/<figure-id>.svg|.csv` → content; site/html/figure-toolbar.ts). */
  downloads?: Map<string, string>;
}

/**
 * One page of `dist` (its file `path`, its Framework HTML `html`) as published: the report's head
 * and footer (site/html/page-chrome.ts), the language attribute of <html>, the modification time of every file attachment, the place of the
 * sidebar's close control and the viewport's ban on zoom, which Framework stamps and we cannot
 * configure; a skip link; and each placeholder filled with its table, chart or numbers. Fails
 * if the page lacks the markup it expects, so a Framework upgrade that changes it cannot slip
 * through.
 */
export async function finalizePage(dist: string, path: string, html: string, { lastModified, lang, data, links, downloads }: FinalizeOptions): Promise<string> {
  if (!html.includes("<html>")) throw new Error(`invalid page: ${path} (no bare <html> to give a lang)`);
  if (!NO_ZOOM.test(html)) throw new Error(`invalid page: ${path} (no viewport with maximum-scale=1 to allow zoom in)`);
  if (!/<body>\n?/.test(html)) throw new Error(`invalid page: ${path} (no <body> for the skip link)`);
  const chromed = addPageChrome(html, path);
  const rendered = data ? await renderPage(`/${relative(dist, path).split("\\").join("/").replace(/\.html$/, "")}`, chromed, data, downloads) : chromed;
  const filled = links ? links(rendered) : rendered;
  return (
    filled
      // The page's address, which the print stylesheet shows in the footer of every printed page.
      .replace("<html>", `<html lang="${lang}" style="--page-address: '${pageAddress(dist, path)}'">`)
      .replace(NO_ZOOM, "$1$2")
      .replace(/<body>\n?/, (body) => `${body}${SKIP_LINK}\n`)
      // Framework puts the sidebar's close control, a <label>, inside the page list's <ol>,
      // where only <li> may stand; it moves just before the list, where the CSS still places it.
      .replace(SIDEBAR_CLOSE_IN_LIST, "$2$1")
      .replace(/"lastModified":\d+(?:\.\d+)?/g, `"lastModified":${lastModified}`)
  );
}

/**
 * Finalizes every page of `dist` (finalizePage), then fills the manifest's placeholder with the
 * list of published files, last, so that it holds every other file as published. Returns the
 * number of pages rewritten.
 */
export async function finalizeDist(
  dist: string,
  options: FinalizeOptions & { manifest?: { page: string; placeholder: string; html: () => Promise<string> }; log?: (line: string) => void },
): Promise<number> {
  // The files the pages' figures offer (figures/<figure-id>.svg|.csv), written once every page is filled, before the manifest lists them.
  const downloads = options.downloads ?? new Map<string, string>();
  const pages: string[] = [];
  for await (const path of filesUnder(dist)) if (path.endsWith(".html")) pages.push(path);
  // The pages at once, so that one's reads and writes wait while another is rendered; what
  // their figures offer is gathered in the pages' order, as one after another would.
  const offered = await Promise.all(
    pages.map(async (path) => {
      const own = new Map<string, string>();
      await writeFileAtomic(path, await finalizePage(dist, path, await readFile(path, "utf8"), { ...options, downloads: own }));
      return own;
    }),
  );
  for (const own of offered) for (const [file, content] of own) downloads.set(file, content);
  const count = pages.length;
  const started = performance.now();
  for (const folder of new Set([...downloads.keys()].map((file) => dirname(join(dist, file))))) await mkdir(folder, { recursive: true });
  await Promise.all([...downloads].map(([file, content]) => writeFileAtomic(join(dist, file), content)));
  if (downloads.size) options.log?.(`figures: ${downloads.size} downloads written in ${Math.round(performance.now() - started)} ms`);
  const { manifest } = options;
  if (manifest) {
    const path = join(dist, manifest.page);
    const html = await readFile(path, "utf8");
    if (!html.includes(manifest.placeholder)) throw new Error(`invalid page: ${path} (no ${manifest.placeholder} to fill)`);
    await writeFileAtomic(path, html.replace(manifest.placeholder, await manifest.html()));
  }
  return count;
}
