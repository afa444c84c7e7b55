import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addPageChrome, PAGE_FOOTER, PAGE_HEAD } from "../../../site/html/page-chrome.ts";

// A page as Framework 1.13 renders it, with its pager (`footer`) or without one.
const page = (footer: string) =>
  '<!DOCTYPE html>\n<html>\n<head>\n<link rel="stylesheet" type="text/css" href="./_import/style.css">\n<script type="module">\n\nimport "./_observablehq/client.js";\n</script>\n</head>\n<body>\n' +
  `<div id="observablehq-center">\n<main id="observablehq-main" class="observablehq">\n<p>Text</p>\n</main>${footer}\n</div>\n</body>\n</html>\n`;
const PAGER = '\n<footer id="observablehq-footer">\n<nav><a rel="prev" href="./a"><span>A</span></a></nav>\n</footer>';

describe("addPageChrome", () => {
  it("puts the head after the stylesheets, before Framework's module script, where Framework's config would", () => {
    const html = addPageChrome(page(PAGER), "p.html");
    assert.ok(html.includes(`href="./_import/style.css">\n${PAGE_HEAD}\n<script type="module">`), html);
    assert.equal(html.split(PAGE_HEAD).length, 2, "once");
  });

  it("adds the footer's line under the pager", () => {
    assert.ok(addPageChrome(page(PAGER), "p.html").includes(`<span>A</span></a></nav>\n<div>${PAGE_FOOTER}</div>\n</footer>\n</div>`));
  });

  it("gives a page without a pager (the 404 page) a footer of its own after its main", () => {
    assert.ok(addPageChrome(page(""), "404.html").includes(`</main>\n<footer id="observablehq-footer">\n<div>${PAGE_FOOTER}</div>\n</footer>\n</div>\n</body>`));
  });

  it("puts the head before the first module script of the 404 page, which has two", () => {
    const html = addPageChrome(page("").replace('<script type="module">', '<script type="module">\n// 404\n</script>\n<script type="module">'), "404.html");
    assert.ok(html.includes(`${PAGE_HEAD}\n<script type="module">\n// 404`));
  });

  it("refuses a page without the markup it expects, naming it", () => {
    assert.throws(() => addPageChrome(page(PAGER).replace('<script type="module">', "<script>"), "a/p.html"), /invalid page: a\/p\.html \(no module script in <head>/);
    assert.throws(() => addPageChrome(page("").replace("</main>", "</section>"), "a/p.html"), /invalid page: a\/p\.html \(no footer, and no end of <main>/);
  });
});
