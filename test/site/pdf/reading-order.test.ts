import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";
import { partPrefix } from "../../../site/pdf/compose-report.ts";
import { pageFile, readingOrder, readSidebarConfig } from "../../../site/pdf/reading-order.ts";

describe("the PDF's reading order", () => {
  it("is the overview, then the sidebar's pages in its order, Explore as a note only", async () => {
    const parts = readingOrder(await readSidebarConfig(PROJECT_ROOT));
    const paths = parts.map((p) => p.path);
    assert.equal(paths[0], "/");
    for (const [before, after] of [["/survey", "/thesis/theory"], ["/thesis/final-discussion", "/audit"], ["/audit", "/reproducibility"], ["/reproducibility", "/bibliography"], ["/bibliography", "/data"]]) {
      assert.ok(paths.indexOf(before!) >= 0 && paths.indexOf(before!) < paths.indexOf(after!), `${before} before ${after}`);
    }
    assert.deepEqual(parts.filter((p) => !p.printed).map((p) => p.path), ["/explore", "/numbers/"]);
    assert.equal(new Set(paths.map(partPrefix)).size, paths.length, "each part has its own id prefix");
  });

  it("finds each page's file", () => {
    assert.deepEqual(["/", "/survey", "/thesis/sialkot", "/numbers/"].map(pageFile), ["index.html", "survey.html", "thesis/sialkot.html", "numbers/index.html"]);
  });

  it("flattens sections of pages", () => {
    const parts = readingOrder({ title: "R", pages: [{ name: "A", path: "/a" }, { name: "S", pages: [{ name: "B", path: "/s/b" }] }] });
    assert.deepEqual(parts.map((p) => [p.path, p.name, partPrefix(p.path)]), [["/", "R", "overview"], ["/a", "A", "a"], ["/s/b", "B", "s-b"]]);
  });
});
