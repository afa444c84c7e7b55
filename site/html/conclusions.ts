import { escapeHtml } from "./escape.ts";
import type { PageContext } from "./page-context.ts";

/** One conclusion as src/data/conclusions.json holds it. */
export interface CaseConclusion {
  document: string;
  /** The page that quotes it: `thesis/sialkot`. */
  report_page: string;
  line: number;
  section: string;
  quote: string;
  /** The document's title. */
  title: string;
  /** The printed page; null where the text prints no number for it. */
  page: number | null;
  /** Its paragraph's anchor in the annotated reader: `line-4389`. */
  anchor: string;
}

/**
 * "What this shows" at the top of a case page: the document's own conclusions about the case,
 * each quoted as printed (typos kept) with its provenance: the document, the section it stands
 * in, its line and printed page, and a link to its paragraph in the annotated reader. Never a
 * paraphrase: the words inside the quotation marks are the document's. Fails when the page has
 * no conclusion, so a placeholder never renders an empty box.
 */
export function conclusionsHtml(context: PageContext, rows: readonly CaseConclusion[], { page }: { page: string }): string {
  const mine = rows.filter((r) => r.report_page === page);
  if (mine.length === 0) throw new Error(`invalid placeholder: "conclusions" (no conclusion in raw/*/conclusions.tsv for the page "${page}")`);
  const items = mine.map((c) => {
    const where = [`section ${c.section}`, `line ${c.line}`, c.page === null ? "page not printed in the text" : `page ${c.page}`].join(", ");
    const href = `${context.root}sources/${c.document}#${c.anchor}`;
    return (
      `<li><figure class="conclusion"><blockquote><p>“${escapeHtml(c.quote)}”</p></blockquote>` +
      `<figcaption><cite>${escapeHtml(c.title)}</cite>, ${escapeHtml(where)}. <a class="screen-only" href="${escapeHtml(href)}">Read it in its place</a></figcaption></figure></li>`
    );
  });
  const documents = [...new Set(mine.map((c) => c.document))];
  const lead = `In the ${documents.join(" and ")}’s own words:`;
  return `<aside class="what-this-shows" aria-labelledby="what-this-shows"><h2 id="what-this-shows">What this shows</h2><p>${escapeHtml(lead)}</p><ul>${items.join("")}</ul></aside>`;
}
