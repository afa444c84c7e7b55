import type { BibliographyEntry } from "../view/citations.ts";
import { readerLabel } from "../view/labels.ts";
import type { Provenance } from "../view/provenance.ts";
import { escapeHtml } from "./escape.ts";
import type { PageContext } from "./page-context.ts";
import { scrollRegion } from "./printed-table.ts";
import { statisticHtml, workAnchor } from "./statistic.ts";

const DOCUMENTS: Record<string, string> = { survey: "Survey", thesis: "Thesis" };
const workTitle = (e: Pick<BibliographyEntry, "author" | "year">) => `${e.author} (${e.year ?? "no year printed"})`;

function footnotesHtml(e: BibliographyEntry): string {
  const items = e.footnotes.map((f) => {
    const ibid = /^ibid/i.test(f.printed) ? ` “${f.printed}”` : "";
    return `<span title="${escapeHtml(`line ${f.line}: “${f.printed}”${f.note ? ` (${f.note})` : ""}`)}">${escapeHtml(`${f.footnote}${f.pages ? ` (${f.pages})` : ""}${ibid}`)}</span>`;
  });
  return `<p class="bibliography-footnotes">Cited in the survey's footnotes: ${items.join("; ")}.</p>`;
}

function statisticsHtml(context: PageContext, e: BibliographyEntry, provenance: Readonly<Record<string, Provenance>>): string {
  const head = ["As printed", "Subject", "Measure", "Where", "Pages cited", "Shown on"].map((l) => `<th scope="col">${l}</th>`).join("");
  const rows = e.statistics.map((s) => {
    const p = provenance[s.id]!;
    const shown = s.link ? `<a href="${escapeHtml(s.link.href)}">${escapeHtml(s.link.title)}</a>` : "not on a page";
    return (
      `<tr data-stat="${escapeHtml(s.id)}"><td>${statisticHtml(context, p, s.id, p.printed)}</td><td>${escapeHtml(p.subject)}</td>` +
      `<td>${escapeHtml(readerLabel(p.measure) + (p.period ? ` (${p.period})` : ""))}</td><td>${escapeHtml(`${DOCUMENTS[p.document] ?? p.document}, ${p.locator}, line ${p.line}`)}</td>` +
      `<td>${escapeHtml(s.pages ?? "")}</td><td>${shown}</td></tr>`
    );
  });
  return scrollRegion(`Numbers citing ${workTitle(e)}`, `<table class="statistics bibliography-statistics"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`);
}

/**
 * The bibliography: how many works, an index by author, and a section per work with how the
 * documents print it, the survey's footnotes that cite it and the numbers that cite it (a long
 * list folded away, its count and first numbers in view).
 */
export function bibliographyHtml(context: PageContext, entries: readonly BibliographyEntry[], provenance: Readonly<Record<string, Provenance>>): string {
  const works = (f: (e: BibliographyEntry) => boolean) => entries.filter(f).length;
  const summary = `<p>${entries.length} works: ${works((e) => e.statistics.length > 0)} cited for at least one number, ${works((e) => e.statistics.length === 0)} cited only in the survey's footnotes.</p>`;
  const index = `<nav class="bibliography-index" aria-label="Works by author">${entries.map((e) => `<a href="#${workAnchor(e)}">${escapeHtml(workTitle(e))}</a>`).join(" · ")}</nav>`;
  const sections = entries.map((e) => {
    let body = e.readings.length ? `<p class="bibliography-reading">${escapeHtml(`As printed: ${e.readings.join("; ")}.`)}</p>` : "";
    if (e.footnotes.length) body += footnotesHtml(e);
    if (e.statistics.length) {
      const open = e.statistics.length <= 6;
      const first = e.statistics.slice(0, 3).map((s) => provenance[s.id]!.printed).join(", ");
      body += `<details class="bibliography-numbers"${open ? " open" : ""}><summary>${escapeHtml(`Cited for ${e.statistics.length === 1 ? "one number" : `${e.statistics.length} numbers`}${open ? "" : ` (${first}, …)`}`)}</summary>${statisticsHtml(context, e, provenance)}</details>`;
    } else body += `<p class="bibliography-none">Cited for no number the report records.</p>`;
    return `<section class="bibliography-work"><h2 id="${workAnchor(e)}">${escapeHtml(workTitle(e))}</h2>${body}</section>`;
  });
  return `${summary}${index}<div class="bibliography">${sections.join("")}</div>`;
}
