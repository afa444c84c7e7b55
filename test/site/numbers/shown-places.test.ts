// "Where the report shows it" on a number's page is read from the built pages' anchors
// (site/numbers/number-pages.ts): a number shown on two pages lists both, each linked to its anchor.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shownListHtml, shownPlaces } from "../../../site/numbers/number-pages.ts";

describe("shownPlaces", () => {
  const pages = [
    { path: "/", title: "Overview", html: '<p><a class="stat" id="stat-a.one" href="numbers/a.one">5</a> and <a id="stat-b.two">7</a></p>' },
    { path: "/thesis/sinos-valley", title: "Sinos Valley", html: '<td><span id="stat-a.one">5</span></td><td><a href="#stat-c.three">back</a></td>' },
    { path: "/audit", title: "Audit", html: "<p>no numbers</p>" },
  ];

  it("lists every page whose HTML holds a number's anchor, in page order", () => {
    const places = shownPlaces(pages);
    assert.deepEqual(places.get("a.one"), [
      { path: "/", title: "Overview" },
      { path: "/thesis/sinos-valley", title: "Sinos Valley" },
    ]);
    assert.deepEqual(places.get("b.two"), [{ path: "/", title: "Overview" }]);
  });

  it("counts an anchor, not a link to one: a page that only links to #stat-<id> does not show it", () => {
    assert.equal(shownPlaces(pages).has("c.three"), false);
  });

  it("links each page at the number's anchor, from numbers/<id>", () => {
    const html = shownListHtml("a.one", shownPlaces(pages).get("a.one")!);
    assert.equal(html, '<ul class="number-shown"><li><a href="../#stat-a.one">Overview</a></li><li><a href="../thesis/sinos-valley#stat-a.one">Sinos Valley</a></li></ul>');
  });
});
