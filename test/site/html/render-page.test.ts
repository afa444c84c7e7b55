import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeHtml, unescapeHtml } from "../../../site/html/escape.ts";
import { drawingHtml, figureHtml, markIds } from "../../../site/html/figure.ts";
import { pageContext } from "../../../site/html/page-context.ts";
import { printedTableHtml, textWithNumbers } from "../../../site/html/printed-table.ts";
import { placeholderFiles, placeholderOptions, renderPage } from "../../../site/html/render-page.ts";
import { findingLegendHtml, pageEndHtml, provenanceCardHtml, statisticHtml } from "../../../site/html/statistic.ts";
import type { TableView } from "../../../site/view/table-view.ts";
import type { Provenance } from "../../../site/view/provenance.ts";

const record = (id: string, printed: string, extra: Partial<Provenance> = {}): Provenance => ({
  id, document: "thesis", locator: "Table #6", page: null, line: 10, subject: "Sialkot", measure: "share_firms", printed,
  reading: null, unit: "percent", period: null, cited_source: "Nadvi (1999), p. 1614", quote: `“${printed}” <b>`, note: null, findings: [], ...extra,
});

const finding = (cls: Provenance["findings"][number]["class"], role: Provenance["findings"][number]["role"]): Provenance["findings"][number] => ({
  finding_id: "f/1", class: cls, role, status: "fail", sentence: "It does not add up.", check_id: "c1", message: "It does not add up.",
});

describe("escapeHtml", () => {
  it("escapes what could end an element or attribute, and unescapeHtml reads it back", () => {
    const text = `<a href="x">Tom & Jerry's</a>`;
    assert.equal(escapeHtml(text), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    assert.equal(unescapeHtml(escapeHtml(text)), text);
  });
});

describe("statisticHtml", () => {
  it("links the number to its own page, relative to the page, anchors its first appearance only, and numbers its note", () => {
    const context = pageContext("/thesis/sialkot");
    const p = record("thesis.t6.a", "55,0");
    const first = statisticHtml(context, p, p.id, p.printed);
    const second = statisticHtml(context, p, p.id, p.printed);
    assert.match(first, /^<a class="stat" href="\.\.\/numbers\/thesis\.t6\.a" id="stat-thesis\.t6\.a" data-stat="thesis\.t6\.a">55,0<\/a>/);
    assert.match(first, /<button type="button" class="stat-source screen-only" popovertarget="source-thesis\.t6\.a" aria-label="Source of 55,0"><\/button>/);
    assert.match(first, /<sup class="note-ref"><a href="#note-1">1<\/a><\/sup>$/);
    assert.doesNotMatch(second, /id="stat-/);
    assert.match(second, /#note-1/);
    assert.equal(pageContext("/index").root, "");
  });

  it("marks a number with its strongest finding's class and role (contract 3), named in words", () => {
    const context = pageContext("/survey");
    const p = record("survey.x", "693", { findings: [finding("arithmetic", "in_question"), finding("scope", "input")] });
    const html = statisticHtml(context, p, p.id, p.printed);
    assert.match(html, /data-finding="arithmetic" data-finding-role="in_question"/);
    assert.match(html, /aria-label="Source of 693 \(Arithmetic\)"/);
    const input = record("survey.y", "7", { findings: [finding("scope", "input")] });
    assert.match(statisticHtml(context, input, input.id, input.printed), /data-finding="scope" data-finding-role="input"/);
  });

  it("gives a legend of the marks present, in the legend's order, and none without marks", () => {
    const legend = findingLegendHtml([record("a", "1", { findings: [finding("scope", "input")] }), record("b", "2", { findings: [finding("internal", "in_question")] }), undefined]);
    assert.deepEqual([...legend.matchAll(/aria-hidden="true">123<\/span> ([^:]+):/g)].map((m) => m[1]), ["Contradicts itself", "Used in a finding"]);
    assert.equal(findingLegendHtml([record("c", "3")]), "");
  });

  it("leaves a number without provenance as escaped text", () => {
    assert.equal(statisticHtml(pageContext("/x"), undefined, "x", "<5"), "&lt;5");
  });
});

describe("provenanceCardHtml and pageEndHtml", () => {
  it("a native popover with a close control, the quote escaped, and links onward", () => {
    const context = pageContext("/thesis/sialkot");
    const card = provenanceCardHtml(context, record("thesis.t6.a", "55,0", { findings: [finding("arithmetic", "in_question")] }));
    assert.match(card, /^<div popover="auto" id="source-thesis\.t6\.a" class="provenance-card screen-only" role="dialog"/);
    assert.match(card, /popovertargetaction="hide" aria-label="Close"/);
    assert.match(card, /<blockquote>““55,0” &lt;b&gt;”<\/blockquote>/);
    assert.match(card, /href="\.\.\/numbers\/thesis\.t6\.a">This number's page/);
    assert.match(card, /href="\.\.\/bibliography#work-nadvi-1999">Nadvi \(1999\) in the bibliography/);
    assert.match(card, /<strong>Arithmetic:<\/strong> It does not add up\. <a href="\.\.\/audit#finding-f-1">See the finding/);
  });

  it("ends a page with one note and one card per number, in order of first appearance", () => {
    const context = pageContext("/p");
    for (const [id, printed] of [["b", "2"], ["a", "1"], ["b", "2"]] as const) statisticHtml(context, record(id, printed), id, printed);
    const end = pageEndHtml(context);
    assert.deepEqual([...end.matchAll(/<li id="(note-\d)"><strong>(\d)/g)].map((m) => `${m[1]}=${m[2]}`), ["note-1=2", "note-2=1"]);
    assert.equal(end.match(/popover="auto"/g)?.length, 2);
    assert.equal(pageEndHtml(pageContext("/empty")), "");
  });
});

describe("textWithNumbers and printedTableHtml", () => {
  it("keeps a number of several words inline in its sentence", () => {
    const p = record("s.big", "about 46.5 million");
    const html = textWithNumbers(pageContext("/p"), "5,000,000 (or  about 46.5 million)", [{ id: p.id, printed: p.printed }], { [p.id]: p });
    assert.match(html, /^5,000,000 \(or <a class="stat"[^>]*>about 46\.5 million<\/a><button[^>]*><\/button><sup class="note-ref">.*<\/sup>\)$/);
  });

  it("puts a table in a named, focusable scrolling region, every cell and caption in the HTML", () => {
    const p = record("t.c", "12");
    const view: TableView = {
      key: "thesis-table-9", document: "thesis", table: "Table #9", title: "T", source: "", lines: "1-2", notes: [], footnotes: [],
      stub: "", columns: ["A & B"], rows: [{ label: "r", group: null, name: "r", cells: [{ text: "12 firms", stats: [{ id: p.id, printed: "12" }] }] }], headerStats: {}, provenance: { [p.id]: p },
    };
    const html = printedTableHtml(pageContext("/p"), view, { id: "t9" });
    assert.match(html, /<div class="table-scroll" role="region" tabindex="0" aria-label="Table #9: T">/);
    assert.match(html, /<caption>Table #9: T<\/caption>/);
    assert.match(html, /<th scope="col">A &amp; B<\/th>/);
    assert.match(html, /<td data-column="A &amp; B"><a class="stat"[^>]*>12<\/a>.* firms<\/td>/);
  });
});

describe("figureHtml", () => {
  const svg = (w: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" viewBox="0 0 ${w} 10"><a href="#stat-s.a" aria-label="x"><path/></a><a href="#stat-s.a"><text>1</text></a></svg>`;
  const chart = { svg: { "320": svg(320), "560": svg(560), "320:linear": svg(321), "560:linear": svg(561) }, variants: ["log", "linear"], description: "A chart & more" };

  it("draws every width and variant, the first variant shown, marks linked to numbers' pages, one tab stop per number", () => {
    const context = pageContext("/survey");
    const html = figureHtml(context, chart, { id: "c", caption: "Cap", provenance: { "s.a": record("s.a", "1") } });
    assert.equal(html.match(/<svg /g)?.length, 4);
    assert.match(html, /<div class="chart-variant" data-variant="log"><div class="chart-width" data-width="560">/);
    assert.match(html, /<div class="chart-variant" data-variant="linear" hidden>/);
    assert.match(html, /<span class="stat-anchor" id="stat-s\.a"><\/span><figcaption>Cap<\/figcaption>/);
    assert.match(html, /<svg role="group" aria-label="A chart &amp; more"/);
    assert.equal(html.match(/<a href="numbers\/s\.a" data-stat="s\.a" aria-label/g)?.length, 4);
    assert.equal(html.match(/<a href="numbers\/s\.a" data-stat="s\.a" tabindex="-1">/g)?.length, 4);
    assert.equal(context.notes.size, 1, "the chart's numbers have their notes and cards");
  });

  it("puts each mark's finding on its link, as on a number in the text (contract 3); a mark without findings gets none", () => {
    const two = `<svg width="1"><a href="#stat-s.a"><path/></a><a href="#stat-s.b"><path/></a></svg>`;
    const finding = { class: "arithmetic", role: "in_question", sentence: "x" } as unknown as Provenance["findings"][number];
    const html = drawingHtml(pageContext("/survey"), two, "d", { "s.a": record("s.a", "1", { findings: [finding] }), "s.b": record("s.b", "2") });
    assert.match(html, /<a href="numbers\/s\.a" data-stat="s\.a" data-finding="arithmetic" data-finding-role="in_question">/);
    assert.match(html, /<a href="numbers\/s\.b" data-stat="s\.b">/);
    const input = drawingHtml(pageContext("/survey"), two, "d", { "s.a": record("s.a", "1", { findings: [{ ...finding, role: "input" }] }) });
    assert.match(input, /data-stat="s\.a" data-finding="arithmetic" data-finding-role="input"/);
  });

  it("finds the numbers a drawing links to", () => {
    assert.deepEqual(markIds(svg(1)), ["s.a"]);
    assert.doesNotMatch(drawingHtml(pageContext("/a/b"), svg(1), "d"), /#stat-/);
  });
});

describe("renderPage", () => {
  it("reads each data file once, relative to the page, and names the files for the build's loaders", async () => {
    const html = '<main><div data-render="count" data-src="../d.json" data-path="rows"></div>, <span data-render="count" data-src="../d.json" data-path="rows"></span></main>';
    const read: string[] = [];
    const out = await renderPage("/thesis/p", html, async (path) => (read.push(path), '{"rows":[1,2,3]}'));
    assert.equal(out, "<main>3, 3</main>");
    assert.deepEqual(read, ["/d.json"]);
    assert.deepEqual(placeholderFiles("/thesis/p", html), ["/d.json", "/d.json"]);
    assert.deepEqual(placeholderOptions(' data-src="a" data-caption="x &amp; y"'), { src: "a", caption: "x & y" });
  });

  it("refuses an unknown kind and a placeholder without its data file", async () => {
    await assert.rejects(renderPage("/p", '<div data-render="nope" data-src="x"></div>', async () => "{}"), /invalid placeholder: \/p: "nope"/);
    await assert.rejects(renderPage("/p", '<div data-render="chart"></div>', async () => "{}"), /no data-src/);
  });

  it("writes links Framework cannot check (Explore queries, lines of the annotated documents) from the page's root, and refuses malformed ones", async () => {
    const read = async () => assert.fail("these placeholders read no data file");
    const page = '<p>(<span data-render="line-link" data-document="thesis" data-line="4497" data-to="4501"></span>; <span data-render="explore-link" data-query="thesis-table-6-intervals"></span>)</p>';
    assert.equal(
      await renderPage("/thesis/sialkot", page, read),
      '<p>(<a href="../sources/thesis#line-4497">lines 4497–4501</a>; <a href="../explore?q=thesis-table-6-intervals">thesis-table-6-intervals</a>)</p>',
    );
    assert.match(await renderPage("/survey", '<span data-render="line-link" data-document="survey" data-line="12"></span>', read), /href="sources\/survey#line-12">line 12</);
    await assert.rejects(renderPage("/p", '<span data-render="explore-link" data-query="x; drop"></span>', read), /invalid placeholder: "explore-link" query: "x; drop"/);
    await assert.rejects(renderPage("/p", '<span data-render="line-link" data-document="book" data-line="3"></span>', read), /document: "book"/);
    await assert.rejects(renderPage("/p", '<span data-render="line-link" data-document="thesis" data-line="9" data-to="4"></span>', read), /lines: "9–4"/);
  });
});
