import assert from "node:assert/strict";
import { describe, it } from "node:test";
import MarkdownIt from "markdown-it";
import { glossaryHref, glossaryLinks, type LinkedTerm } from "../../../site/view/glossary-links.ts";

const terms: LinkedTerm[] = [
  { term: "BA", anchor: "term-ba", aliases: ["BAs", "business association"], expansion: "business association" },
  { term: "joint action", anchor: "term-joint-action", aliases: [], expansion: null },
];

function render(markdown: string, path: string): string {
  const md = new MarkdownIt({ html: true });
  glossaryLinks(md as unknown as Parameters<typeof glossaryLinks>[0], terms);
  return md.render(markdown, { path });
}

describe("glossary links", () => {
  it("link the first use of each term on a page, relative to the page, and only the first", () => {
    const html = render("# BA and joint action\n\nThe BAs led. A BA, then Joint action and joint action again.\n", "/thesis/sialkot");
    assert.equal((html.match(/class="glossary-term"/g) ?? []).length, 2);
    assert.match(html, /<a href="\.\.\/glossary#term-ba" class="glossary-term" title="business association">BAs<\/a> led/);
    assert.match(html, /<a href="\.\.\/glossary#term-joint-action" class="glossary-term" title="joint action: see the glossary">Joint action<\/a> and joint action again/);
    assert.match(html, /<h1>BA and joint action<\/h1>/, "headings are left alone");
  });

  it("leave alone links, code, words that only contain a term, lower-case acronyms, and the glossary itself", () => {
    assert.doesNotMatch(render("[the BA](./x) and `BA` and BASE and ba.\n", "/survey"), /glossary-term/);
    assert.match(render("[the BA](./x), then a BA.\n", "/survey"), /then a <a href="\.\/glossary#term-ba"/);
    assert.doesNotMatch(render("A BA.\n", "/glossary"), /glossary-term/);
  });

  it("address the glossary from any depth", () => {
    assert.equal(glossaryHref("/survey", "term-ba"), "./glossary#term-ba");
    assert.equal(glossaryHref("/thesis/sialkot", "term-ba"), "../glossary#term-ba");
    assert.equal(glossaryHref("/index", "term-ba"), "./glossary#term-ba");
  });
});
