import type { GlossaryTerm } from "../../data-loaders/normalize/glossary.ts";
import type { Source } from "../../data-loaders/normalize/sources.ts";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The glossary page's Markdown: an introduction, then each term (alphabetically) as a
 * definition list entry with its anchor, the words an acronym stands for, the defining quote,
 * its document, its line and the other forms a page may use.
 */
export function glossaryPage(terms: readonly GlossaryTerm[], sources: readonly Pick<Source, "id" | "title">[]): string {
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  const entries = [...terms]
    .sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }))
    .map((t) => {
      const also = t.aliases.length ? `; also written ${t.aliases.map(escapeHtml).join(", ")}` : "";
      return [
        `<dt id="${t.anchor}" tabindex="-1"><dfn>${escapeHtml(t.term)}</dfn>${t.expansion ? ` (${escapeHtml(t.expansion)})` : ""}</dt>`,
        `<dd><blockquote>“${escapeHtml(t.quote)}”</blockquote>`,
        `<p class="glossary-source">— the ${t.document}, <cite>${escapeHtml(titles.get(t.document) ?? t.document)}</cite>, <span data-render="line-link" data-document="${t.document}" data-line="${t.line}"></span> of its text${also}</p></dd>`,
      ].join("\n");
    });
  return `---
title: Glossary
toc: false
---

# Glossary

The documents' terms and acronyms, each defined in the documents' own words: the quote, the
document, and the line of its text on which the quote starts. Every quote is checked against
the document each time the report is built, as the numbers' quotes are. On every page of the
report, the first use of a term links here. Download the glossary as
<a href="./data/glossary.csv" download="glossary.csv">CSV</a>.

<dl class="glossary">
${entries.join("\n")}
</dl>
`;
}
