import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { finalizeDist } from "../../../site/build/finalize-dist.ts";

describe("finalizeDist", () => {
  it("declares the language and the page's address, and pins every embedded modification time", async () => {
    const dist = await mkdtemp(join(tmpdir(), "dist-"));
    await mkdir(join(dist, "a"));
    const page =
      '<!DOCTYPE html>\n<html>\n<head>\n<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">\n' +
      '<script type="module">registerFile("x", {"lastModified":1763820000123.5,"size":3});registerFile("y", {"lastModified":1,"size":3});</script>\n</head>\n<body>\n<div id="observablehq-center">\n<main id="observablehq-main"></main>\n</div>\n</body>';
    await writeFile(join(dist, "a", "p.html"), page);
    await writeFile(join(dist, "a", "x.json"), '{"lastModified":5}');
    assert.equal(await finalizeDist(dist, { lastModified: 42000, lang: "en" }), 1);
    const html = await readFile(join(dist, "a", "p.html"), "utf8");
    assert.match(html, /<html lang="en" style="--page-address: '\/a\/p'">/, "the print stylesheet's footer shows the address");
    assert.equal(html.match(/"lastModified":42000/g)?.length, 2);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/, "zoom is allowed");
    assert.match(html, /<body>\n<a class="skip-link" href="#observablehq-main">Skip to content<\/a>/);
    assert.match(html, /<link rel="icon" href="data:,">.*\n<script type="module">registerFile/s, "the report's head, before Framework's module");
    assert.match(html, /<\/main>\n<footer id="observablehq-footer">\n<div>A reproducible report/, "the report's footer");
    assert.equal(await readFile(join(dist, "a", "x.json"), "utf8"), '{"lastModified":5}', "only pages are rewritten");
  });

  it("fills a page's placeholders from the data files, with endnotes and cards at the end of its content", async () => {
    const dist = await mkdtemp(join(tmpdir(), "dist-"));
    await mkdir(join(dist, "thesis"));
    const page =
      '<!DOCTYPE html>\n<html>\n<head>\n<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">\n<script type="module"></script>\n</head>\n<body>\n<div id="observablehq-center">\n<main id="observablehq-main">' +
      '<div data-render="statistics" data-src="../data/q.json" data-caption="Numbers &amp; more"></div></main>\n</div>\n</body>';
    await writeFile(join(dist, "thesis", "p.html"), page);
    const rows = [{ id: "thesis.a", subject: "Sialkot", measure: "firms", printed: "300", period: null, cited_source: null }];
    const provenance = { "thesis.a": { id: "thesis.a", document: "thesis", locator: "chapter 5", page: null, line: 3, subject: "Sialkot", measure: "firms", printed: "300", reading: null, unit: "firms", period: null, cited_source: null, quote: "some 300 firms", note: null, findings: [] } };
    const read: string[] = [];
    await finalizeDist(dist, { lastModified: 0, lang: "en", data: async (path) => (read.push(path), JSON.stringify({ rows, provenance })) });
    const html = await readFile(join(dist, "thesis", "p.html"), "utf8");
    assert.deepEqual(read, ["/data/q.json"]);
    assert.match(html, /<caption>Numbers &amp; more<\/caption>/);
    assert.match(html, /<a class="stat" href="\.\.\/numbers\/thesis\.a" id="stat-thesis\.a" data-stat="thesis\.a">300<\/a>/);
    assert.match(html, /<section class="endnotes"><h2>Notes<\/h2><ol><li id="note-1">.*some 300 firms.*<\/ol><\/section>.*<\/main>/s);
    assert.doesNotMatch(html, /data-render/);
  });

  it("refuses a page without the markup it expects", async () => {
    const dist = await mkdtemp(join(tmpdir(), "dist-"));
    await writeFile(join(dist, "p.html"), '<html lang="fr"></html>');
    await assert.rejects(finalizeDist(dist, { lastModified: 0, lang: "en" }), /invalid page/);
  });
});
