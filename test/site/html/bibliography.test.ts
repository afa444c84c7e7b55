import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bibliographyHtml, bibliographySummary } from "../../../site/html/bibliography.ts";
import { pageContext } from "../../../site/html/page-context.ts";
import type { BibliographyEntry } from "../../../site/view/citations.ts";
import type { Provenance } from "../../../site/view/provenance.ts";

const provenance: Record<string, Provenance> = {
  "survey.a": {
    id: "survey.a", document: "survey", locator: "Section 2", page: 5, line: 40, subject: "Sinos <Valley>", measure: "share_firms", printed: "1 200",
    reading: null, unit: "count", period: "1990", cited_source: "Schmitz (1995)", quote: "“1 200 firms”", note: null, findings: [],
  },
};
const entry = (author: string, extra: Partial<BibliographyEntry> = {}): BibliographyEntry => ({ author, year: "1995", readings: [], footnotes: [], citations: [], statistics: [], ...extra });

describe("bibliographyHtml", () => {
  const entries = [
    entry("Schmitz & <Nadvi>", {
      readings: [`"Schmitz" read as "Schmitz"`],
      footnotes: [{ footnote: 4, line: 12, pages: "p 3", printed: "Ibid", note: "" }],
      citations: [{ document: "thesis", line: 7, section: "2.1", pages: null, printed: "Schmitz, 1995 <i>", note: "" }],
      statistics: [{ id: "survey.a", pages: "p 3", link: { href: "survey#stat-survey.a", title: "Survey" } }],
    }),
    entry("Porter", { year: null }),
  ];

  it("writes every work with its anchor, citations and numbers, everything escaped", () => {
    const html = bibliographyHtml(pageContext("/bibliography"), entries, provenance);
    assert.match(html, /<h2 id="work-schmitz-nadvi-1995">Schmitz &amp; &lt;Nadvi&gt; \(1995\)<\/h2>/);
    assert.match(html, /<a href="#work-porter-no-year">Porter \(no year printed\)<\/a>/);
    assert.match(html, /Thesis, 2\.1, line 7: “Schmitz, 1995 &lt;i&gt;”/);
    assert.match(html, /Cited in the survey's footnotes: <span title="line 12: “Ibid”">4 \(p 3\) “Ibid”<\/span>\./);
    assert.match(html, /<a class="stat" href="numbers\/survey\.a" id="stat-survey\.a" data-stat="survey\.a">1 200<\/a>/);
    assert.match(html, /<td>Sinos &lt;Valley&gt;<\/td><td>share firms \(1990\)<\/td><td>Survey, Section 2, line 40<\/td><td>p 3<\/td><td><a href="survey#stat-survey\.a">Survey<\/a><\/td>/);
    assert.match(html, /Cited for no number the report records\./);
    assert.doesNotMatch(html, /<Nadvi>|<Valley>|<i>/);
  });

  it("opens a short list of citations and numbers, folds a long one", () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ document: "survey", line: i, section: "1", pages: null, printed: "x", note: "" }));
    const folded = bibliographyHtml(pageContext("/bibliography"), [entry("A", { citations: many })], provenance);
    assert.match(folded, /<details class="bibliography-citations"><summary>Cited in the text 5 times<\/summary>/);
    const open = bibliographyHtml(pageContext("/bibliography"), entries, provenance);
    assert.match(open, /<details class="bibliography-citations" open><summary>Cited in the text once<\/summary>/);
    assert.match(open, /<details class="bibliography-numbers" open><summary>Cited for one number<\/summary>/);
  });

  it("counts works and places in its summary", () => {
    assert.equal(bibliographySummary(entries), "2 works, cited in 2 places: 1 cited for at least one number, 1 for none; 1 cited by the survey, 1 by the thesis.");
  });

  it("fails on a number without provenance", () => {
    assert.throws(() => bibliographyHtml(pageContext("/bibliography"), [entry("B", { statistics: [{ id: "gone", pages: null, link: null }] })], {}), /"gone" \(no provenance\)/);
  });
});
