// The Bibliography page in its HTML: every cited work, where the documents cite it and the
// numbers that cite it, each number a link with its provenance card (statisticHtml). It was drawn
// by the page's script; written here, the page reads without scripts and prints.
import type { BibliographyEntry } from "../view/citations.ts";
import type { Provenance } from "../view/provenance.ts";
import { attrs, escapeHtml } from "./escape.ts";
import type { PageContext } from "./page-context.ts";
import { scrollRegion } from "./printed-table.ts";
import { statisticHtml, workAnchor } from "./statistic.ts";

const DOCUMENTS: Readonly<Record<string, string>> = { survey: "Survey", thesis: "Thesis" };
const documentName = (d: string) => DOCUMENTS[d] ?? d;
const workTitle = (e: BibliographyEntry) => `${e.author} (${e.year ?? "no year printed"})`;

/** The page's summary sentence: how many works, in how many places, cited for numbers or not, by which document. */
export function bibliographySummary(entries: readonly BibliographyEntry[]): string {
  const works = (f: (e: BibliographyEntry) => boolean) => entries.filter(f).length;
  const places = entries.reduce((n, e) => n + e.citations.length + e.footnotes.length, 0);
  return (
    `${entries.length} works, cited in ${places} places: ${works((e) => e.statistics.length > 0)} cited for at least one number, ` +
    `${works((e) => e.statistics.length === 0)} for none; ${works((e) => e.citations.some((c) => c.document === "survey") || e.footnotes.length > 0)} cited by the survey, ` +
    `${works((e) => e.citations.some((c) => c.document === "thesis") || e.statistics.some((s) => s.id.startsWith("thesis.")))} by the thesis.`
  );
}

function footnotesHtml(footnotes: BibliographyEntry["footnotes"]): string {
  const items = footnotes.map((f) => {
    const ibid = /^ibid/i.test(f.printed) ? ` “${f.printed}”` : "";
    const title = `line ${f.line}: “${f.printed}”${f.note ? ` (${f.note})` : ""}`;
    return `<span${attrs({ title })}>${escapeHtml(`${f.footnote}${f.pages ? ` (${f.pages})` : ""}${ibid}`)}</span>`;
  });
  return `<p class="bibliography-footnotes">Cited in the survey's footnotes: ${items.join("; ")}.</p>`;
}

function citationsHtml(citations: BibliographyEntry["citations"]): string {
  // A long list folds away, its count in view (print CSS opens every <details>).
  const items = citations.map((c) => `<li>${escapeHtml(`${documentName(c.document)}, ${c.section}, line ${c.line}: “${c.printed}”${c.note ? ` (${c.note})` : ""}`)}</li>`);
  const summary = `Cited in the text ${citations.length === 1 ? "once" : `${citations.length} times`}`;
  return `<details${attrs({ class: "bibliography-citations", open: citations.length <= 4 })}><summary>${escapeHtml(summary)}</summary><ul>${items.join("")}</ul></details>`;
}

function statisticsHtml(context: PageContext, e: BibliographyEntry, provenance: Readonly<Record<string, Provenance>>): string {
  const head = ["As printed", "Subject", "Measure", "Where", "Pages cited", "Shown on"].map((l) => `<th scope="col">${l}</th>`).join("");
  const rows = e.statistics.map((s) => {
    const p = provenance[s.id];
    if (!p) throw new Error(`invalid bibliography: "${s.id}" (no provenance)`);
    const cells = [
      statisticHtml(context, p, s.id, p.printed),
      escapeHtml(p.subject),
      escapeHtml(p.measure.replaceAll("_", " ") + (p.period ? ` (${p.period})` : "")),
      escapeHtml(`${documentName(p.document)}, ${p.locator}, line ${p.line}`),
      escapeHtml(s.pages ?? ""),
      s.link ? `<a${attrs({ href: s.link.href })}>${escapeHtml(s.link.title)}</a>` : "not on a page",
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  });
  const table = `<table class="statistics bibliography-statistics"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
  const open = e.statistics.length <= 6;
  const shown = e.statistics.slice(0, 3).map((s) => provenance[s.id]!.printed).join(", ");
  const summary = `Cited for ${e.statistics.length === 1 ? "one number" : `${e.statistics.length} numbers`}${open ? "" : ` (${shown}, …)`}`;
  return `<details${attrs({ class: "bibliography-numbers", open })}><summary>${escapeHtml(summary)}</summary>${scrollRegion(`Numbers citing ${workTitle(e)}`, table)}</details>`;
}

/** The whole bibliography: the summary, the index of works, then a section per work. */
export function bibliographyHtml(context: PageContext, entries: readonly BibliographyEntry[], provenance: Readonly<Record<string, Provenance>>): string {
  const index = entries.map((e) => `<a href="#${escapeHtml(workAnchor(e))}">${escapeHtml(workTitle(e))}</a>`).join(" · ");
  const sections = entries.map((e) => {
    const parts = [`<h2${attrs({ id: workAnchor(e) })}>${escapeHtml(workTitle(e))}</h2>`];
    if (e.readings.length) parts.push(`<p class="bibliography-reading">${escapeHtml(`As printed: ${e.readings.join("; ")}.`)}</p>`);
    if (e.footnotes.length) parts.push(footnotesHtml(e.footnotes));
    if (e.citations.length) parts.push(citationsHtml(e.citations));
    parts.push(e.statistics.length ? statisticsHtml(context, e, provenance) : `<p class="bibliography-none">Cited for no number the report records.</p>`);
    return `<section class="bibliography-work">${parts.join("")}</section>`;
  });
  return (
    `<p class="bibliography-summary">${escapeHtml(bibliographySummary(entries))}</p>` +
    `<nav class="bibliography-index" aria-label="Works by author">${index}</nav>` +
    `<div class="bibliography">${sections.join("")}</div>`
  );
}
