import { FINDING_LEGEND, type MarkKind } from "../../src/portable/finding-legend.ts";
import { permalinkOf } from "../../data-loaders/publish/permalink.ts";
import { parseCitation } from "../view/citations.ts";
import { readerLabel } from "../../src/portable/labels.ts";
import type { Provenance } from "../view/provenance.ts";
import { attrs, escapeHtml } from "./escape.ts";
import { anchorOf, cardId, noteOf, type PageContext } from "./page-context.ts";

/** The documents' short names in cards and notes (raw/sources.tsv holds the full titles). */
export const DOCUMENT_LABELS: Readonly<Record<string, string>> = {
  survey: "Survey: Industrial Clusters in Developing Countries",
  thesis: "Thesis: BAs, Clusters, and Economic Liberalization",
};

/**
 * The attributes contract 3 puts on a number with findings: the class and role of its strongest
 * finding (the first); slice audit's CSS draws the mark.
 */
export function findingAttributes(provenance: Provenance | undefined): Record<string, string | undefined> {
  const finding = provenance?.findings[0];
  if (!finding) return {};
  return { "data-finding": finding.class, "data-finding-role": finding.role };
}

/** What a number's strongest finding is called in words ("Arithmetic", "Used in a finding"). */
export function findingLabel(finding: Provenance["findings"][number]): string {
  return finding.role === "input" ? `${FINDING_LEGEND.input.label} (${FINDING_LEGEND[finding.class].label.toLowerCase()})` : FINDING_LEGEND[finding.class].label;
}

/** The legend of the marks among some numbers, in the legend's order; empty when none is marked. */
export function findingLegendHtml(provenances: Iterable<Provenance | undefined>): string {
  const seen = new Set<MarkKind>();
  for (const p of provenances) {
    const first = p?.findings[0];
    if (first) seen.add(first.role === "input" ? "input" : first.class);
  }
  const kinds = (Object.keys(FINDING_LEGEND) as MarkKind[]).filter((k) => seen.has(k));
  if (!kinds.length) return "";
  const items = kinds.map(
    (kind) =>
      `<li><span class="finding-sample" data-finding="${kind === "input" ? "arithmetic" : kind}" data-finding-role="${kind === "input" ? "input" : "in_question"}" aria-hidden="true">123</span> ${escapeHtml(`${FINDING_LEGEND[kind].label}: ${FINDING_LEGEND[kind].description}`)}</li>`,
  );
  return `<ul class="finding-legend" aria-label="What the marks on numbers mean">${items.join("")}</ul>`;
}

/**
 * One printed number in running text or a cell: a link to its own page, a button that opens its
 * provenance card (native popover: no script needed), and a note mark for print. The three stay
 * inline, so a number of several words wraps with its sentence.
 */
export function statisticHtml(context: PageContext, provenance: Provenance | undefined, id: string, printed: string, { noteRef = true }: { noteRef?: boolean } = {}): string {
  if (!provenance) return escapeHtml(printed);
  const n = noteOf(context, provenance);
  const first = provenance.findings[0];
  const link = `<a${attrs({
    class: "stat",
    href: `${context.root}${permalinkOf(id)}`,
    id: anchorOf(context, id),
    "data-stat": id,
    ...findingAttributes(provenance),
  })}>${escapeHtml(printed)}</a>`;
  const label = `Source of ${printed}${first ? ` (${findingLabel(first)})` : ""}`;
  const button = `<button${attrs({ type: "button", class: "stat-source screen-only", popovertarget: cardId(id), "aria-label": label })}></button>`;
  // A repeat that does not print (a chart's Table view) has no note mark: the printed chart carries it.
  return noteRef ? `${link}${button}<sup class="note-ref"><a href="#note-${n}">${n}</a></sup>` : `${link}${button}`;
}

/** The anchor id of a work in the bibliography page (src/bibliography.md names its headings alike). */
export function workAnchor(work: { author: string; year: string | null }): string {
  return `work-${`${work.author}-${work.year ?? "no-year"}`.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}


const measureText = (p: Provenance) => `${p.subject}, ${readerLabel(p.measure)}${p.period ? ` (${p.period})` : ""}`;
const whereText = (p: Provenance) => `${p.locator}${p.page !== null ? `, p. ${p.page}` : ""} (text line ${p.line})`;

function facts(p: Provenance): string {
  const rows: [string, string | null][] = [
    ["Document", DOCUMENT_LABELS[p.document] ?? p.document],
    ["Where", whereText(p)],
    ["Cites", p.cited_source ?? "no study cited"],
    ["Read as", p.reading],
    ["Note", p.note],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== null)
    .map(([term, value]) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`)
    .join("");
}

/** Links onward from a card: the number's page, the bibliography entries of its cited study. */
function onward(context: PageContext, p: Provenance): string {
  const links = [`<a href="${escapeHtml(`${context.root}${permalinkOf(p.id)}`)}">This number's page</a>`];
  for (const work of p.cited_source ? parseCitation(p.cited_source) : []) {
    links.push(`<a href="${escapeHtml(`${context.root}bibliography#${workAnchor(work)}`)}">${escapeHtml(`${work.author} (${work.year ?? "no year"})`)} in the bibliography</a>`);
  }
  return links.join(" · ");
}

function findingsHtml(context: PageContext, p: Provenance): string {
  return p.findings
    .map(
      (f) =>
        `<p${attrs({ class: "provenance-finding", "data-finding": f.class })}><strong>${escapeHtml(findingLabel(f))}:</strong> ${escapeHtml(f.sentence)} <a href="${escapeHtml(`${context.root}audit#finding-${f.finding_id.replace(/[^a-zA-Z0-9_-]+/g, "-")}`)}">See the finding</a></p>`,
    )
    .join("");
}

/**
 * A number's provenance card: a native popover (opened by its number's button without any
 * script; Escape and a click outside close it, and so does its close button on touch). It is a
 * dialog the reader can enter to select and copy the quote.
 */
export function provenanceCardHtml(context: PageContext, p: Provenance): string {
  const id = cardId(p.id);
  return (
    `<div${attrs({ popover: "auto", id, class: "provenance-card screen-only", role: "dialog", "aria-labelledby": `${id}-title`, "data-stat": p.id })}>` +
    `<button type="button" class="card-close" popovertarget="${escapeHtml(id)}" popovertargetaction="hide" aria-label="Close">×</button>` +
    `<p class="card-title" id="${escapeHtml(id)}-title"><strong>${escapeHtml(p.printed)}</strong> — ${escapeHtml(measureText(p))}</p>` +
    `<blockquote>“${escapeHtml(p.quote)}”</blockquote>` +
    `<dl>${facts(p)}</dl>` +
    findingsHtml(context, p) +
    `<p class="card-links">${onward(context, p)}</p>` +
    `</div>`
  );
}

/** One endnote (print shows them; screen hides them): the quote, document, place and cited study. */
function endnoteHtml(n: number, p: Provenance): string {
  return (
    `<li id="note-${n}"><strong>${escapeHtml(p.printed)}</strong> (${escapeHtml(measureText(p))}): “${escapeHtml(p.quote)}” ` +
    `${escapeHtml(DOCUMENT_LABELS[p.document] ?? p.document)}, ${escapeHtml(whereText(p))}. ` +
    `${p.cited_source ? `Cites ${escapeHtml(p.cited_source)}.` : "No study cited."}` +
    `${p.findings.map((f) => ` ${escapeHtml(findingLabel(f))}: ${escapeHtml(f.sentence)}`).join("")}</li>`
  );
}

/**
 * What ends a page's content: its endnotes (contract 2: `section.endnotes` with `li#note-N`) and
 * the popover cards of its numbers. Empty for a page without numbers.
 */
export function pageEndHtml(context: PageContext): string {
  if (context.notes.size === 0) return "";
  const notes = [...context.notes.values()];
  return (
    `<section class="endnotes"><h2>Notes</h2><ol>${notes.map(({ n, provenance }) => endnoteHtml(n, provenance)).join("")}</ol></section>` +
    `<div class="provenance-cards">${notes.map(({ provenance }) => provenanceCardHtml(context, provenance)).join("")}</div>`
  );
}
