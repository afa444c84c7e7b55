// The documents as annotated readers (sources/survey, sources/thesis): the full text of each
// seed laid out as readable paragraphs, its printed page heads and headings kept, and every
// number the census counts marked where it stands: a ledger number links to its page
// (numbers/<id>) and carries the anchor stat-<id>, the period of one links to it too, a table's
// or figure's number links to where the report reproduces it (report-map.ts), and every other
// number shows the census's reason. Written by the build, like the number pages, into the page
// Framework makes of src/sources/index.md.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CensusRow } from "../../data-loaders/normalize/census.ts";
import type { Ledger } from "../../data-loaders/normalize/ledger.ts";
import type { Seed } from "../../data-loaders/normalize/sources.ts";
import { tableKey } from "../../data-loaders/normalize/table.ts";
import { permalinkOf } from "../../data-loaders/publish/permalink.ts";
import { writeFileAtomic } from "../../data-loaders/publish/write-file-atomic.ts";
import { FIGURES, TABLE_PAGES } from "../view/report-map.ts";
import { escapeHtml, fillTemplate } from "./number-pages.ts";

/** The census's statuses as a reader's legend words them. */
const STATUS_WORDS: Readonly<Record<string, string>> = {
  statistic: "a number of the ledger: follow it to its page",
  statistic_period: "the period of a ledger number",
  page_number: "a page number",
  note_marker: "a note's number or marker",
  section_number: "a section's or chapter's number",
  table_figure_number: "a table's or figure's number: follow it to where the report reproduces it",
  citation_year: "the year of a cited work",
  citation_page: "the page of a cited work",
  event_date: "a date or period",
  conceptual_count: "a count of the text's own items",
  identifier: "part of a name, code or address",
  omitted: "a number the ledger should hold and does not yet",
};

/** Where the report reproduces the table or figure whose number stands at `column` of `line`; null if none. */
function labelHref(document: string, line: string, row: CensusRow): string | null {
  const before = line.slice(0, row.column - 1);
  if (/Table\s*(?:#\s*|-)?$/i.test(before)) {
    const page = TABLE_PAGES[tableKey(document, `Table #${row.token}`)] ?? TABLE_PAGES[`${document}-table-${row.token}`];
    return page ? `..${page}` : null;
  }
  if (document === "thesis" && /Figure\s*#?\s*$/i.test(before)) {
    const figure = FIGURES.find((f) => String(f.number) === row.token);
    return figure ? `..${figure.page}` : null;
  }
  return null;
}

/** One line of the seed as HTML, its numbers marked. `anchored` holds the ids already given an anchor. */
function lineHtml(document: string, text: string, rows: readonly CensusRow[], anchored: Set<string>): string {
  let out = "";
  let at = 0;
  for (const row of [...rows].sort((a, b) => a.column - b.column)) {
    const start = row.column - 1;
    if (start < at) continue;
    // A printed rating may wrap: mark the part on this line.
    let length = row.token.length;
    while (length > 0 && text.slice(start, start + length).toLowerCase() !== row.token.slice(0, length).toLowerCase()) length--;
    if (length === 0) continue;
    const token = escapeHtml(text.slice(start, start + length));
    out += escapeHtml(text.slice(at, start));
    const reason = escapeHtml(`${STATUS_WORDS[row.status] ?? row.status}: ${row.reason}`);
    if ((row.status === "statistic" || row.status === "statistic_period") && row.statistic_id) {
      const id = row.status === "statistic" && !anchored.has(row.statistic_id) ? ` id="stat-${escapeHtml(row.statistic_id)}"` : "";
      if (id) anchored.add(row.statistic_id);
      out += `<a class="census census-${row.status}"${id} href="../${escapeHtml(permalinkOf(row.statistic_id))}" title="${reason}">${token}</a>`;
    } else {
      const href = row.status === "table_figure_number" ? labelHref(document, text, row) : null;
      out += href
        ? `<a class="census census-${row.status}" href="${escapeHtml(href)}" title="${reason}">${token}</a>`
        : `<span class="census census-${row.status}" title="${reason}">${token}<span class="census-reason">${escapeHtml(` [${row.status.replaceAll("_", " ")}]`)}</span></span>`;
    }
    at = start + length;
  }
  return out + escapeHtml(text.slice(at));
}


/** The document's text as HTML: paragraphs, headings, page heads, every number marked. */
export function readerHtml(seed: Seed, ledger: Ledger): string {
  const document = seed.source.id;
  const lines = seed.text.split("\n");
  const rowsByLine = new Map<number, CensusRow[]>();
  for (const r of ledger.census) if (r.document === document) rowsByLine.set(r.line, [...(rowsByLine.get(r.line) ?? []), r]);
  const pageAt = new Map(ledger.pages.filter((p) => p.document === document).map((p) => [p.first_line, p.page]));
  // A seed whose text lines are mostly followed by one blank line is double-spaced (the
  // thesis): a single blank line is spacing there, and a paragraph ends with a short line
  // that closes a sentence. Elsewhere (the survey) a blank line ends a paragraph.
  const text = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.trim() !== "");
  const doubleSpaced = text.filter(({ i }) => lines[i + 1]?.trim() === "" && lines[i + 2]?.trim() !== "").length > text.length * 0.4;
  const width = Math.max(...lines.map((l) => l.trimEnd().length));
  const anchored = new Set<string>();
  const out: string[] = [];
  let paragraph: { first: number; html: string[] } | null = null;
  let blanks = 0;
  const close = () => {
    if (paragraph) out.push(`<p id="line-${paragraph.first}" class="reader-paragraph"><a class="reader-line" href="#line-${paragraph.first}" aria-label="line ${paragraph.first}">${paragraph.first}</a> ${paragraph.html.join("\n")}</p>`);
    paragraph = null;
  };
  lines.forEach((raw, index) => {
    const n = index + 1;
    const page = pageAt.get(n);
    if (page !== undefined) {
      close();
      out.push(`<p class="reader-page" id="page-${page}">Page ${page} (its running head begins on line ${n})</p>`);
    }
    if (raw.trim() === "") {
      blanks++;
      return;
    }
    const html = lineHtml(document, raw, rowsByLine.get(n) ?? [], anchored);
    const previous = paragraph?.html.length ? lines[index - blanks - 1]! : "";
    const ends = /[.:?!”"]\s*$/.test(previous) && previous.trimEnd().length < width * 0.75;
    if (blanks >= 2 || (blanks === 1 && (!doubleSpaced || ends)) || (!doubleSpaced && blanks === 0 && false)) close();
    blanks = 0;
    const rows = rowsByLine.get(n) ?? [];
    // The census's rules tell headings ("2.1  Institutional Theory") and notes ("12 Nadvi (1999), p 1611.") by their opening number.
    const opens = (rule: string) => rows.some((r) => r.decided_by === rule && r.column <= raw.length - raw.trimStart().length + 1);
    if (opens("rule:note-line")) close();
    if (opens("rule:section") || /^\s*PART\s+[IVX]+\s*$/.test(raw)) {
      close();
      out.push(`<h2 class="reader-heading" id="line-${n}">${html.trim()}</h2>`);
      return;
    }
    // Each line of a paragraph keeps its own address (line-N), so a page can quote a line and link
    // to it, not only to the paragraph's first line.
    const at = paragraph ? `<span class="reader-at" id="line-${n}"></span>` : "";
    paragraph ??= { first: n, html: [] };
    paragraph.html.push(at + html.trim());
  });
  close();
  return out.join("\n");
}

/** The legend of the marks, and the counts of the document's census. */
export function readerIntroHtml(seed: Seed, ledger: Ledger): string {
  const rows = ledger.census.filter((r) => r.document === seed.source.id);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const legend = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([status, count]) => `<li><span class="census census-${status}">${count}</span> ${escapeHtml(status.replaceAll("_", " "))}: ${escapeHtml(STATUS_WORDS[status] ?? status)}</li>`)
    .join("");
  return [
    `<h1 id="reader" tabindex="-1"><cite>${escapeHtml(seed.source.title)}</cite></h1>`,
    `<p>The full text of the ${escapeHtml(seed.source.id)} as its text file prints it (<code>${escapeHtml(seed.source.seed.replace(/^.*\//, ""))}</code>, sha256 <code>${seed.source.sha256.slice(0, 16)}…</code>), lines joined into paragraphs, its printed page heads and headings kept; each paragraph starts with its line number.${seed.source.note ? ` ${escapeHtml(seed.source.note)}` : ""}</p>`,
    `<p>Every number it prints is marked (${rows.length} in all; the <a href="../data#census-of-the-documents-numbers">census</a>): a number of the ledger links to its own page, and its page links back here.</p>`,
    `<ul class="reader-legend">${legend}</ul>`,
  ].join("\n");
}

export const SOURCES_PLACEHOLDER = '<div id="sources-index"></div>';

/** Writes sources/<document>.html for each document into `dist`, filled into sources/index.html (the template), and fills the index. */
export async function writeReaders(dist: string, ledger: Ledger, seeds: readonly Seed[]): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const indexPath = join(dist, "sources", "index.html");
  const template = await readFile(indexPath, "utf8");
  if (!template.includes(SOURCES_PLACEHOLDER)) throw new Error(`invalid page: ${indexPath} (no ${SOURCES_PLACEHOLDER} to fill)`);
  for (const seed of seeds) {
    const main = `${readerIntroHtml(seed, ledger)}\n<div class="reader">\n${readerHtml(seed, ledger)}\n</div>`;
    await writeFileAtomic(join(dist, "sources", `${seed.source.id}.html`), fillTemplate(template, `The ${seed.source.id}, annotated`, main));
  }
  const list = seeds
    .map((s) => `<li><a href="./${s.source.id}"><cite>${escapeHtml(s.source.title)}</cite></a> (the ${s.source.id}): text file <code>${escapeHtml(s.source.seed.replace(/^.*\//, ""))}</code>, ${ledger.census.filter((r) => r.document === s.source.id).length} numbers, ${ledger.statistics.filter((x) => x.document === s.source.id).length} of them in the ledger.</li>`)
    .join("");
  await writeFileAtomic(indexPath, template.replace(SOURCES_PLACEHOLDER, `<ul>${list}</ul>`));
  return { pages: seeds.length, ms: performance.now() - started };
}
