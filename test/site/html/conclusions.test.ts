import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { conclusionsHtml, type CaseConclusion } from "../../../site/html/conclusions.ts";
import { pageContext } from "../../../site/html/page-context.ts";

const ROW: CaseConclusion = { document: "thesis", report_page: "thesis/sialkot", line: 4389, section: "7.2 Linkages <in> Sialkot", quote: "BAs “met” the challenges & more.", title: "BAs, Clusters", page: null, anchor: "line-4387" };

describe("conclusionsHtml", () => {
  it("quotes each of the page's conclusions with its document, section, line, page and a link to its place in the reader", () => {
    const html = conclusionsHtml(pageContext("/thesis/sialkot"), [ROW, { ...ROW, report_page: "thesis/guadalajara", quote: "Elsewhere." }, { ...ROW, line: 4391, page: 77, quote: "Second." }], { page: "thesis/sialkot" });
    assert.match(html, /^<aside class="what-this-shows" aria-labelledby="what-this-shows"><h2 id="what-this-shows">What this shows<\/h2><p>In the thesis’s own words:<\/p>/);
    assert.equal(html.match(/<li>/g)?.length, 2, "only this page's conclusions");
    assert.doesNotMatch(html, /Elsewhere/);
    assert.ok(html.includes("<blockquote><p>“BAs “met” the challenges &amp; more.”</p></blockquote>"), "the quote as printed, escaped");
    assert.ok(html.includes("<cite>BAs, Clusters</cite>, section 7.2 Linkages &lt;in&gt; Sialkot, line 4389, page not printed in the text."));
    assert.ok(html.includes("line 4391, page 77."));
    assert.ok(html.includes('<a class="screen-only" href="../sources/thesis#line-4387">Read it in its place</a>'), "a link only useful on screen");
  });

  it("refuses a page with no conclusion rather than show an empty box", () => {
    assert.throws(() => conclusionsHtml(pageContext("/thesis/theory"), [ROW], { page: "thesis/theory" }), /invalid placeholder: "conclusions" \(no conclusion in raw\/\*\/conclusions\.tsv for the page "thesis\/theory"\)/);
  });
});
