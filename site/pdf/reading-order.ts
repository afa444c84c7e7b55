import { readProjectConfig } from "../project-config.ts";
import type { ReportPart } from "./compose-report.ts";

/** Framework's sidebar as observablehq.config.ts declares it: pages and sections of pages. */
export interface SidebarConfig {
  title: string;
  pages: ({ name: string; path: string } | { name: string; pages: { name: string; path: string }[] })[];
}

/**
 * Pages the PDF gives a note in place of: Explore is interactive; the index of every number leads
 * to the numbers' own pages, whose content is each part's endnotes in the PDF.
 */
const NOT_PRINTED = new Set(["/explore", "/numbers/"]);

/** The file of a page in the built site: `/` → `index.html`, `/numbers/` → `numbers/index.html`, `/survey` → `survey.html`. */
export function pageFile(path: string): string {
  return path.endsWith("/") ? `${path.slice(1)}index.html` : `${path.slice(1)}.html`;
}

/**
 * The report's pages in reading order: the overview, then the sidebar's pages in its order
 * (survey, thesis, audit, reproducibility, bibliography, data, Explore), so the PDF follows the
 * site and a page added to the sidebar is in it.
 */
export function readingOrder(config: SidebarConfig): ReportPart[] {
  const parts: ReportPart[] = [{ path: "/", name: config.title, printed: true }];
  for (const entry of config.pages) {
    for (const page of "pages" in entry ? entry.pages : [entry]) parts.push({ path: page.path, name: page.name, printed: !NOT_PRINTED.has(page.path) });
  }
  return parts;
}

/** The project's observablehq.config.ts. */
export async function readSidebarConfig(root: string): Promise<SidebarConfig> {
  return (await readProjectConfig(root)) as SidebarConfig;
}
