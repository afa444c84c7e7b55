import type { Provenance } from "../view/provenance.ts";

/**
 * What one page's renderers share while its HTML is filled in: the path back to the site's
 * root (links to numbers/<id> are relative, so the site works from any folder), which numbers
 * already hold their `stat-<id>` anchor, and the numbers whose provenance the page carries, in
 * order of first appearance (they become its endnotes and its popover cards).
 */
export interface PageContext {
  /** "" on a page at the root, "../" one folder down. */
  readonly root: string;
  readonly anchored: Set<string>;
  readonly notes: Map<string, { n: number; provenance: Provenance }>;
  /** Files the page's figures offer for download, by their path in dist/ (the build writes them; site/html/figure-toolbar.ts). */
  readonly downloads: Map<string, string>;
}

export function pageContext(pagePath: string, downloads: Map<string, string> = new Map()): PageContext {
  const depth = pagePath.replace(/^\/+/, "").split("/").length - 1;
  return { root: "../".repeat(depth), anchored: new Set(), notes: new Map(), downloads };
}

/** The note number of a statistic on this page, given at its first appearance. */
export function noteOf(context: PageContext, provenance: Provenance): number {
  let note = context.notes.get(provenance.id);
  if (!note) {
    note = { n: context.notes.size + 1, provenance };
    context.notes.set(provenance.id, note);
  }
  return note.n;
}

/** `stat-<id>` the first time a number appears on the page, else undefined (ids are unique). */
export function anchorOf(context: PageContext, id: string): string | undefined {
  if (context.anchored.has(id)) return undefined;
  context.anchored.add(id);
  return `stat-${id}`;
}

/** The id of the popover card that shows a statistic's provenance. */
export const cardId = (id: string) => `source-${id}`;

/** The number's own page (contract with data-loaders/publish/permalink.ts), relative to this page. */
export const numberHref = (context: PageContext, permalink: string) => `${context.root}${permalink}`;
