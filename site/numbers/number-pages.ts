// The number pages (numbers/<id>), written by the build itself into Framework's output: one
// static page per statistic, complete without scripts. Framework builds each Markdown page in
// about 75 ms on this machine (276 pages: +21 s a build, measured), so the build instead fills
// the page Framework makes of src/numbers/index.md (its sidebar, styles and scripts) once per
// number, which costs well under a millisecond a page (npm run bench: "number pages").
import { rawOffsets } from "../../data-loaders/normalize/census.ts";
import { execFileSync } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { auditLedger } from "../../data-loaders/audit/audit-ledger.ts";
import type { AuditRow } from "../../data-loaders/audit/row.ts";
import type { Ledger } from "../../data-loaders/normalize/ledger.ts";
import { pageOf as printedPageOf } from "../../data-loaders/normalize/pages.ts";
import { normalizeSource, quoteSpan } from "../../data-loaders/normalize/quote-match.ts";
import type { Seed } from "../../data-loaders/normalize/sources.ts";
import type { Statistic } from "../../data-loaders/normalize/statistic.ts";
import { toCsv } from "../../data-loaders/publish/csv.ts";
import { STATISTICS_FILE } from "../../data-loaders/publish/dictionary.ts";
import { statisticRows } from "../../data-loaders/publish/output-tables.ts";
import { permalinkOf } from "../../data-loaders/publish/permalink.ts";
import { writeFileAtomic } from "../../data-loaders/publish/write-file-atomic.ts";
import { filesUnder } from "../build/files-under.ts";
import { parseCitation } from "../view/citations.ts";
import { PAGE_TITLES, pageOf, type PagePath } from "../view/report-map.ts";

/** Text as HTML. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The report's version: the commit the build is made from, and its date (SOURCE_DATE_EPOCH stands in outside git). */
export interface Version {
  commit: string;
  date: string;
}

export function reportVersion(root: string): Version {
  try {
    const [commit, date] = execFileSync("git", ["log", "-1", "--format=%H %cs"], { cwd: root, encoding: "utf8" }).trim().split(" ");
    if (commit && date) return { commit, date };
  } catch {
    // not a git checkout: fall through
  }
  const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? 0);
  return { commit: "uncommitted", date: new Date(epoch * 1000).toISOString().slice(0, 10) };
}

export const REPORT_TITLE = "Industrial clusters: a reproducible report";
export const LICENCE = "code MIT; the report's text and data CC BY 4.0 (LICENSE); the source documents remain their authors'";

/** The id the bibliography page gives a work's entry (src/bibliography.md, workId). */
export const workId = (author: string, year: string | null) =>
  `work-${`${author}-${year ?? "no-year"}`.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;


/** A seed, ready to show passages: its normalized text, the raw offsets, and where each line starts. */
export interface SeedText {
  seed: Seed;
  normalized: ReturnType<typeof normalizeSource>;
  offsets: number[];
  lineStarts: number[];
}

export function seedText(seed: Seed): SeedText {
  const lineStarts = [0];
  for (let i = 0; i < seed.text.length; i++) if (seed.text[i] === "\n") lineStarts.push(i + 1);
  return { seed, normalized: normalizeSource(seed.text), offsets: rawOffsets(seed.text), lineStarts };
}

/** The quote's span in the raw text of the seed (offsets), or null. */
export function quoteInSeed(text: SeedText, s: Pick<Statistic, "quote" | "line">): { from: number; to: number; firstLine: number; lastLine: number } | null {
  const span = quoteSpan(s.quote, text.normalized, s.line);
  if (!span) return null;
  const from = text.offsets[span.start]!;
  const to = text.offsets[span.end - 1]! + 1;
  return { from, to, firstLine: span.line, lastLine: text.normalized.lines[span.end - 1]! };
}

/** The passage around a statistic: CONTEXT lines before and after its quote, the quote marked, the number in it strong. */
export const CONTEXT_LINES = 3;

export function passageHtml(text: SeedText, s: Pick<Statistic, "quote" | "line" | "printed">): { html: string; from: number; to: number } | null {
  const q = quoteInSeed(text, s);
  if (!q) return null;
  const lines = text.lineStarts.length;
  const fromLine = Math.max(1, q.firstLine - CONTEXT_LINES);
  const toLine = Math.min(lines, q.lastLine + CONTEXT_LINES);
  const start = text.lineStarts[fromLine - 1]!;
  const end = toLine < lines ? text.lineStarts[toLine]! - 1 : text.seed.text.length;
  const raw = text.seed.text;
  const quote = raw.slice(q.from, q.to);
  // The printed number inside the quote, as printed (the quote's line breaks allowed for).
  const pattern = new RegExp(s.printed.split(/\s+/).map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")).join("\\s+"));
  const m = pattern.exec(quote);
  const inner = m ? `${escapeHtml(quote.slice(0, m.index))}<strong class="passage-number">${escapeHtml(m[0])}</strong>${escapeHtml(quote.slice(m.index + m[0].length))}` : escapeHtml(quote);
  const html = `${escapeHtml(raw.slice(start, q.from))}<mark class="passage-quote">${inner}</mark>${escapeHtml(raw.slice(q.to, end))}`;
  return { html, from: fromLine, to: toLine };
}

/** What every number page needs of the ledger, worked out once. */
export interface NumberContext {
  ledger: Ledger;
  seeds: Map<string, SeedText>;
  audit: readonly AuditRow[];
  version: Version;
  /** The documents' readers exist (sources/<document>): link each number to its place there. */
  readers: boolean;
}

export function numberContext(ledger: Ledger, seeds: readonly Seed[], version: Version, readers = true): NumberContext {
  return { ledger, seeds: new Map(seeds.map((s) => [s.source.id, seedText(s)])), audit: auditLedger(ledger), version, readers };
}

const dataUri = (type: string, text: string) => `data:${type};charset=utf-8,${encodeURIComponent(text)}`;

/** "Cite this number": plain text and BibTeX. */
export function citeNumber(s: Statistic, ctx: NumberContext): { text: string; bibtex: string } {
  const source = ctx.ledger.sources.find((d) => d.id === s.document)!;
  const page = printedPageOf(ctx.ledger.pages, s.document, s.line);
  const where = `line ${s.line} of its text${page ? `, page ${page.page}` : ""}`;
  const short = ctx.version.commit.slice(0, 12);
  const text = `"${s.printed}" (${s.id}), in ${REPORT_TITLE}, version ${short} (${ctx.version.date}), ${permalinkOf(s.id)}. From ${source.title}, ${where}. Licence: ${LICENCE}.`;
  const bibtex = [
    `@misc{${s.id.replace(/[^a-z0-9]+/g, "-")},`,
    `  title = {{${s.printed}}: ${s.subject}, ${s.measure.replaceAll("_", " ")}},`,
    `  howpublished = {${REPORT_TITLE}, ${permalinkOf(s.id)}},`,
    `  version = {${ctx.version.commit}},`,
    `  date = {${ctx.version.date}},`,
    `  note = {From ${source.title}, ${where}. Licence: ${LICENCE}},`,
    "}",
  ].join("\n");
  return { text, bibtex };
}

/** The main content of a number's page. */
export function numberPageHtml(s: Statistic, ctx: NumberContext): string {
  const source = ctx.ledger.sources.find((d) => d.id === s.document)!;
  const text = ctx.seeds.get(s.document);
  const passage = text ? passageHtml(text, s) : null;
  const page = printedPageOf(ctx.ledger.pages, s.document, s.line);
  const row = statisticRows([s])[0]!;
  const shown = pageOf(s);
  const [path, anchor] = shown.split("#") as [string, string];
  const checks = ctx.audit.filter((a) => a.cells.split(",").includes(s.id));
  const works = s.cited_source ? parseCitation(s.cited_source) : [];
  const range = s.value === null && (s.value_low !== null || s.value_high !== null) ? `${s.value_low ?? "…"} to ${s.value_high ?? "…"}` : null;
  const cite = citeNumber(s, ctx);
  const dd = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
  const none = (v: string | null) => (v === null || v === "" ? `<span class="muted">none printed</span>` : escapeHtml(v));
  return [
    `<h1 id="number" tabindex="-1"><span class="number-printed">${escapeHtml(s.printed)}</span></h1>`,
    `<p class="number-lede">${escapeHtml(s.subject)}, ${escapeHtml(s.measure.replaceAll("_", " "))}, in ${s.document === "survey" ? "the survey" : "the thesis"} (<cite>${escapeHtml(source.title)}</cite>).</p>`,
    `<dl class="number-facts">`,
    dd("As printed", `<code>${escapeHtml(s.printed)}</code>${s.reading ? ` (read as: ${escapeHtml(s.reading)})` : ""}`),
    dd("Value", s.value !== null ? escapeHtml(String(s.value)) : `<span class="muted">a range or bound, no single value</span>`),
    dd("Range", range ? escapeHtml(range) : `<span class="muted">none (a single value)</span>`),
    dd("Unit", escapeHtml(s.unit)),
    dd("Qualifier", escapeHtml(s.qualifier)),
    dd("Period", none(s.period)),
    dd("Cited study", works.length ? works.map((w) => `<a href="../bibliography#${workId(w.author, w.year)}">${escapeHtml(w.author)} (${escapeHtml(w.year ?? "no year")})${w.pages ? `, ${escapeHtml(w.pages)}` : ""}</a>`).join("; ") : `<span class="muted">none: the document states it on its own account</span>`),
    dd("Id", `<code>${escapeHtml(s.id)}</code>`),
    dd("Typed in", `<code>${escapeHtml(s.raw_file)}</code>, line ${s.raw_line}`),
    `</dl>`,
    `<h2 id="passage">In the document</h2>`,
    `<p>${escapeHtml(s.locator)}; ${page ? `page ${page.page}` : "page not printed in the text"}; lines ${passage ? `${passage.from}–${passage.to}` : s.line} of <code>${escapeHtml(source.seed.replace(/^.*\//, ""))}</code>, the quote highlighted.${ctx.readers ? ` <a href="../sources/${s.document}#stat-${escapeHtml(s.id)}">See it in the annotated ${s.document}</a>.` : ""}</p>`,
    passage ? `<pre class="passage" aria-label="the passage around the quote">${passage.html}</pre>` : `<blockquote>${escapeHtml(s.quote)}</blockquote>`,
    s.note ? `<p class="number-note"><strong>Note.</strong> ${escapeHtml(s.note)}</p>` : "",
    `<h2 id="shown">Where the report shows it</h2>`,
    // The routing table's page; the build replaces the list with every page that shows the number (shownPlacesIn).
    `${SHOWN_START}<ul class="number-shown"><li><a href="..${escapeHtml(path)}#${escapeHtml(anchor)}">${escapeHtml(PAGE_TITLES[path as PagePath] ?? path)}</a></li>${ctx.readers ? `<li><a href="../sources/${s.document}#stat-${escapeHtml(s.id)}">The ${s.document}, annotated</a></li>` : ""}</ul>${SHOWN_END}`,
    `<h2 id="findings">Audit and reconciliation</h2>`,
    checks.length
      ? `<ul class="number-checks">${checks.map((c) => `<li><a href="../audit"><code>${escapeHtml(c.check_id)}</code></a> <span class="check-status check-${escapeHtml(c.status)}">${escapeHtml(c.status)}</span>: ${escapeHtml(c.message)}</li>`).join("")}</ul>`
      : `<p class="muted">No check or reconciliation involves this number.</p>`,
    `<h2 id="cite">Cite this number</h2>`,
    `<p>${escapeHtml(cite.text)}</p>`,
    `<pre class="bibtex"><code>${escapeHtml(cite.bibtex)}</code></pre>`,
    `<h2 id="download">Its row</h2>`,
    `<p>As in <code>statistics.parquet</code> (<a href="../data#data-dictionary">columns</a>): <a href="${dataUri("text/csv", toCsv(STATISTICS_FILE.columns, [row]))}" download="${escapeHtml(s.id)}.csv">CSV</a> · <a href="${dataUri("application/json", `${JSON.stringify(Object.fromEntries(STATISTICS_FILE.columns.map((c) => [c.name, (row as unknown as Record<string, unknown>)[c.name] ?? null])), null, 2)}\n`)}" download="${escapeHtml(s.id)}.json">JSON</a></p>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** Fills Framework's page `template` (a built page one folder down) with `title` and `main`. */
export function fillTemplate(template: string, title: string, main: string): string {
  const open = '<main id="observablehq-main" class="observablehq">';
  const start = template.indexOf(open);
  const end = template.indexOf("</main>", start);
  if (start < 0 || end < 0) throw new Error(`invalid template page (no ${open} … </main>)`);
  return `${template.slice(0, start + open.length)}\n${main}\n${template.slice(end)}`.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)} | ${REPORT_TITLE}</title>`);
}

/** The index of every number, grouped by document (it replaces the placeholder of numbers/index.md). */
export function numberIndexHtml(ledger: Ledger): string {
  return ledger.sources
    .map((d) => {
      const items = ledger.statistics.filter((s) => s.document === d.id).map((s) => `<li><a href="./${escapeHtml(s.id)}"><code>${escapeHtml(s.printed)}</code></a> ${escapeHtml(s.subject)}, ${escapeHtml(s.measure.replaceAll("_", " "))}</li>`);
      return `<h2 id="${d.id}">The ${d.id}: ${items.length} numbers</h2>\n<ul class="number-index">${items.join("")}</ul>`;
    })
    .join("\n");
}

export const NUMBERS_PLACEHOLDER = '<div id="numbers-index"></div>';

/**
 * Fills the index of every number in `dist` (numbers/index.html, the page Framework makes of
 * src/numbers/index.md) and returns that page as Framework made it: the template of every
 * number's page (writeNumberPages).
 */
export async function writeNumberIndex(dist: string, ledger: Ledger): Promise<string> {
  const indexPath = join(dist, "numbers", "index.html");
  const template = await readFile(indexPath, "utf8");
  if (!template.includes(NUMBERS_PLACEHOLDER)) throw new Error(`invalid page: ${indexPath} (no ${NUMBERS_PLACEHOLDER} to fill)`);
  await writeFileAtomic(indexPath, template.replace(NUMBERS_PLACEHOLDER, numberIndexHtml(ledger)));
  return template;
}

/**
 * Writes numbers/<id>.html for every statistic into `dist`, each file once: `template` (from
 * writeNumberIndex) filled with the number's page, its list of where the report shows it from
 * `shown` (shownPlacesIn; without it, the routing table's guess), then made final by `finish`
 * (the build's finalizePage). Returns the pages written and the ms.
 */
export async function writeNumberPages(
  dist: string,
  ctx: NumberContext,
  template: string,
  { shown, finish = async (_file, html) => html }: { shown?: ReadonlyMap<string, readonly ShownPage[]>; finish?: (file: string, html: string) => Promise<string> } = {},
): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  await mkdir(join(dist, "numbers"), { recursive: true });
  for (const s of ctx.ledger.statistics) {
    const file = join(dist, `${permalinkOf(s.id)}.html`);
    const page = fillTemplate(template, `${s.printed}: ${s.subject}`, numberPageHtml(s, ctx));
    const places = shown?.get(s.id);
    await writeFileAtomic(file, await finish(file, places ? withShownList(file, page, s.id, places) : page));
  }
  return { pages: ctx.ledger.statistics.length, ms: performance.now() - started };
}

const SHOWN_START = "<!-- where-shown -->";
const SHOWN_END = "<!-- /where-shown -->";

/** A page of the report where numbers are shown: its address (`/thesis/sinos-valley`, `/` for the overview) and title. */
export interface ShownPage {
  path: string;
  title: string;
}

/**
 * Every number each finalized page shows, read from the page's own HTML: a number's first
 * occurrence on a page carries the anchor `id="stat-<id>"` (site/html/page-context.ts), in
 * text, tables, lists, figures and the readers alike. Returns id → the pages, in the order given.
 */
export function shownPlaces(pages: readonly (ShownPage & { html: string })[]): Map<string, ShownPage[]> {
  const places = new Map<string, ShownPage[]>();
  for (const page of pages) {
    for (const id of new Set([...page.html.matchAll(/\bid="stat-([^"]+)"/g)].map((m) => m[1]!))) {
      const list = places.get(id) ?? [];
      list.push({ path: page.path, title: page.title });
      places.set(id, list);
    }
  }
  return places;
}

/** The list "Where the report shows it" of one number's page: a link to its anchor on each page. */
export function shownListHtml(id: string, pages: readonly ShownPage[]): string {
  if (pages.length === 0) return `<p class="number-shown muted">No page of the report shows it: this page is its only place.</p>`;
  const items = pages.map((p) => `<li><a href="..${escapeHtml(p.path)}#stat-${escapeHtml(id)}">${escapeHtml(p.title)}</a></li>`);
  return `<ul class="number-shown">${items.join("")}</ul>`;
}

/** The title a built page gives itself (`<title>Sinos Valley | Report</title>` → "Sinos Valley"). */
function titleOf(html: string, path: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1]?.replace(/ \| [^|]*$/, "").trim();
  return PAGE_TITLES[path as PagePath] ?? (title ? title.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'") : path);
}

/**
 * Where the report shows each number, from the finalized pages of `dist` themselves (every page
 * but numbers/*): the routing table names one page a number belongs to, but a number may be
 * shown on several (a headline, a table and a chart), and only the built pages know. Returns
 * id → pages (none for a number no page shows), the number of pages that show at least one
 * number, and the ms.
 */
export async function shownPlacesIn(dist: string, statistics: readonly Statistic[]): Promise<{ places: Map<string, ShownPage[]>; pages: number; ms: number }> {
  const started = performance.now();
  const pages: (ShownPage & { html: string })[] = [];
  for await (const file of filesUnder(dist)) {
    const rel = relative(dist, file).split(sep).join("/");
    if (!rel.endsWith(".html") || rel.startsWith("numbers/") || rel.startsWith("_")) continue;
    const path = `/${rel.replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`;
    const html = await readFile(file, "utf8");
    pages.push({ path, title: titleOf(html, path), html });
  }
  const found = shownPlaces(pages);
  const places = new Map<string, ShownPage[]>();
  for (const s of statistics) {
    // Only the pages whose HTML holds the number's anchor: every page is complete in its HTML, so
    // a page the scan does not find does not show it (the routing table's guess is not listed).
    places.set(s.id, found.get(s.id) ?? []);
  }
  return { places, pages: pages.filter((p) => /\bid="stat-/.test(p.html)).length, ms: performance.now() - started };
}

/** A number's page (`file`, `html`) with its list of where the report shows it replaced by `pages`. */
function withShownList(file: string, html: string, id: string, pages: readonly ShownPage[]): string {
  const start = html.indexOf(SHOWN_START);
  const end = html.indexOf(SHOWN_END, start);
  if (start < 0 || end < 0) throw new Error(`invalid page: ${file} (no ${SHOWN_START} … ${SHOWN_END} to fill)`);
  return `${html.slice(0, start + SHOWN_START.length)}${shownListHtml(id, pages)}${html.slice(end)}`;
}

export const CITE_REPORT_PLACEHOLDER = '<div id="cite-report"></div>';

/** "Cite this report": plain text and BibTeX, with the version (commit and date), licence and address, and the two documents as the sources record them. */
export function citeReportHtml(ledger: Ledger, version: Version): string {
  const text = `${REPORT_TITLE}, version ${version.commit.slice(0, 12)} (${version.date}). Licence: ${LICENCE}. Address: the site's root (this page); each number at numbers/<id>.`;
  const bibtex = [`@misc{industrial-clusters-report,`, `  title = {${REPORT_TITLE}},`, `  version = {${version.commit}},`, `  date = {${version.date}},`, `  note = {Licence: ${LICENCE}},`, `}`].join("\n");
  const documents = ledger.sources
    .map((d) => `<li><cite>${escapeHtml(d.title)}</cite>${d.authors ? `, ${escapeHtml(d.authors)}` : ""}${d.year ? ` (${d.year})` : ""}${d.institution ? `, ${escapeHtml(d.institution)}` : ""}: text file <code>${escapeHtml(d.seed.replace(/^.*\//, ""))}</code>, sha256 <code>${d.sha256.slice(0, 16)}…</code>. ${d.authors ? "" : "The text prints no author, date or institution."}</li>`)
    .join("");
  return `<section class="cite-report" id="cite-this-report"><h2>Cite this report</h2><p>${escapeHtml(text)}</p><pre class="bibtex"><code>${escapeHtml(bibtex)}</code></pre><p>The two documents it reproduces, as <code>raw/sources.tsv</code> records them:</p><ul>${documents}</ul></section>`;
}

/** Fills the overview's "Cite this report" placeholder in `dist/index.html`. */
export async function writeCiteReport(dist: string, ledger: Ledger, version: Version): Promise<void> {
  const path = join(dist, "index.html");
  const html = await readFile(path, "utf8");
  if (!html.includes(CITE_REPORT_PLACEHOLDER)) throw new Error(`invalid page: ${path} (no ${CITE_REPORT_PLACEHOLDER} to fill)`);
  await writeFileAtomic(path, html.replace(CITE_REPORT_PLACEHOLDER, citeReportHtml(ledger, version)));
}
