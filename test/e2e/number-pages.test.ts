// The number pages (numbers/<id>, site/numbers/number-pages.ts), read as built in dist/: every
// statistic has one, and its static HTML (no script runs here) holds the number, its quote in
// its passage, its page or the words that none is printed, and how to cite it. Then, in
// Chromium, a followed link to a number's anchor highlights and focuses it.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../data-loaders/normalize/ledger.ts";
import { pageOf } from "../../data-loaders/normalize/pages.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { permalinkOf } from "../../data-loaders/publish/permalink.ts";
import { collapseWhitespace } from "../../data-loaders/parse/text.ts";
import { allBuiltPages, cellsSettled, DIST, useSite } from "./site.ts";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** The text of an HTML fragment: tags out, entities read, white space collapsed. */
const textOf = (html: string) => collapseWhitespace(html.replace(/<[^>]+>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (_, n: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[n]!));

describe("the annotated readers, as built", () => {
  it("mark every ledger number of their document where it stands, with its anchor, linked to its page; and every number page links back", async () => {
    const ledger = await readLedger(RAW_DIR);
    for (const document of ["survey", "thesis"]) {
      const html = await readFile(join(DIST, "sources", `${document}.html`), "utf8");
      for (const s of ledger.statistics.filter((x) => x.document === document)) {
        const anchor = new RegExp(`<a class="census census-statistic" id="stat-${s.id.replace(/\./g, "\\.")}" href="\\.\\./numbers/${s.id.replace(/\./g, "\\.")}"`);
        assert.match(html, anchor, `${document}: ${s.id} not marked and linked`);
        const page = await readFile(join(DIST, `${permalinkOf(s.id)}.html`), "utf8");
        assert.ok(page.includes(`href="../sources/${document}#stat-${s.id}"`), `${s.id}: its page does not link to the reader`);
      }
      // Every other number the census counts is marked with its reason.
      const others = ledger.census.filter((r) => r.document === document && r.status !== "statistic" && r.status !== "statistic_period").length;
      assert.ok((html.match(/<(?:span|a) class="census census-(?!statistic)/g) ?? []).length >= others * 0.99, `${document}: fewer marks than the census's dismissed numbers`);
    }
  });
});

describe("the number pages, as built", () => {
  let ledger: Ledger;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
  });

  it("give every statistic a page at its permalink, and list them all on numbers/", async () => {
    const index = await readFile(join(DIST, "numbers", "index.html"), "utf8");
    for (const s of ledger.statistics) {
      assert.ok(existsSync(join(DIST, `${permalinkOf(s.id)}.html`)), `no page for ${s.id}`);
      assert.ok(index.includes(`href="./${s.id}"`), `the index does not link ${s.id}`);
    }
  });

  it("hold, without scripts, the number, its quote marked inside its passage, its page, where the report shows it, and its citation", async () => {
    for (const s of ledger.statistics) {
      const html = await readFile(join(DIST, `${permalinkOf(s.id)}.html`), "utf8");
      const main = html.slice(html.indexOf('<main id="observablehq-main"'), html.indexOf("</main>"));
      assert.ok(main.includes(`<span class="number-printed">${escape(s.printed)}</span>`), `${s.id}: printed`);
      const passage = /<pre class="passage"[^>]*>([\s\S]*?)<\/pre>/.exec(main);
      assert.ok(passage, `${s.id}: no passage`);
      const quote = /<mark class="passage-quote">([\s\S]*?)<\/mark>/.exec(passage[1]!);
      assert.ok(quote, `${s.id}: the quote is not marked`);
      // The marked text is the quote, as the seed prints it (line breaks and line-end hyphens aside).
      const bare = (text: string) => text.replace(/[\s-]/g, "");
      assert.equal(bare(textOf(quote[1]!)), bare(s.quote), `${s.id}: marked text`);
      // Lines before and after it: the passage is longer than the quote.
      assert.ok(textOf(passage[1]!).length > textOf(quote[1]!).length, `${s.id}: no surrounding lines`);
      const page = pageOf(ledger.pages, s.document, s.line);
      assert.ok(main.includes(page ? `page ${page.page}` : "page not printed in the text"), `${s.id}: page`);
      assert.match(main, new RegExp(`href="\\.\\./[a-z/-]+#stat-${s.id.replace(/\./g, "\\.")}"`), `${s.id}: where the report shows it`);
      assert.ok(main.includes(`${escape(permalinkOf(s.id))}`) && main.includes("@misc{"), `${s.id}: citation`);
      assert.ok(main.includes(`${escape(s.raw_file)}</code>, line ${s.raw_line}`), `${s.id}: raw file and line`);
    }
  });
});

describe("a followed link to a number's anchor", () => {
  const site = useSite();
  const id = "survey.agra.firms-1991-92";

  /** The element the fragment names: whether it is the :target, has the focus, and is outlined. */
  const state = (page: import("playwright-core").Page) =>
    page.evaluate((anchor) => {
      const e = document.getElementById(anchor);
      return { exists: e !== null, target: e?.matches(":target") ?? false, focused: document.activeElement === e, outline: e ? getComputedStyle(e).outlineStyle : "" };
    }, `stat-${id}`);

  it("highlights and focuses the number, opened at the address", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/sources/survey#stat-${id}`, { waitUntil: "networkidle" });
    await cellsSettled(page);
    await page.waitForFunction((anchor) => document.activeElement?.id === anchor, `stat-${id}`);
    assert.deepEqual(await state(page), { exists: true, target: true, focused: true, outline: "solid" });
    await page.close();
  });

  it("highlights and focuses it when followed from the number's page", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/${permalinkOf(id)}`, { waitUntil: "networkidle" });
    await cellsSettled(page);
    await page.click(`#passage + p a[href="../sources/survey#stat-${id}"]`);
    await page.waitForURL(`**/sources/survey#stat-${id}`);
    await page.waitForFunction((anchor) => document.activeElement?.id === anchor, `stat-${id}`);
    assert.deepEqual(await state(page), { exists: true, target: true, focused: true, outline: "solid" });
    await page.close();
  });

  it("focuses a number whose static anchor is no link (a chart's number, span.stat-anchor), which the browser alone would not", async () => {
    // Found in the built page, so that the case stays one the browser would not focus by itself.
    const html = await readFile(join(DIST, "index.html"), "utf8");
    const cell = /<span class="stat-anchor" id="stat-([^"]+)"(?![^>]*tabindex)/.exec(html)?.[1];
    assert.ok(cell, "the home page has a number anchored by a plain span");
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/#stat-${cell}`, { waitUntil: "networkidle" });
    await cellsSettled(page);
    await page.waitForFunction((anchor) => document.activeElement?.id === anchor, `stat-${cell}`);
    const found = await page.evaluate((anchor) => {
      const e = document.getElementById(anchor)!;
      return { target: e.matches(":target"), focused: document.activeElement === e, outline: getComputedStyle(e).outlineStyle };
    }, `stat-${cell}`);
    assert.deepEqual(found, { target: true, focused: true, outline: "solid" });
    await page.close();
  });

  it("leaves the focus on the page for a fragment that names no element", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/sources/survey#stat-no.such.number`, { waitUntil: "networkidle" });
    await cellsSettled(page);
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.close();
  });
});

describe("the report's pages, as built", () => {
  it("link every number they show (data-stat) to its own page, and every link to a number's page finds one", async () => {
    const ledger = await readLedger(RAW_DIR);
    const ids = new Set(ledger.statistics.map((s) => s.id));
    let pagesWithNumbers = 0;
    for (const path of await allBuiltPages()) {
      if (path.startsWith("/numbers/") || path.startsWith("/sources/")) continue;
      const file = join(DIST, path.endsWith("/") ? `${path}index.html` : `${path}.html`);
      const html = await readFile(file, "utf8");
      const dir = posix.dirname(path.endsWith("/") ? `${path}index` : path);
      const linked = new Set<string>();
      for (const m of html.matchAll(/<a\s[^>]*href="([^"#?]*numbers\/[^"#?]+)"/g)) {
        const target = posix.normalize(posix.join(dir, m[1]!));
        const id = target.replace(/^\/numbers\//, "");
        assert.ok(target.startsWith("/numbers/") && ids.has(id) && existsSync(join(DIST, `${target}.html`)), `${path}: a link to ${m[1]} finds no number's page`);
        linked.add(id);
      }
      const shown = new Set([...html.matchAll(/data-stat="([^"]+)"/g)].map((m) => m[1]!));
      if (shown.size > 0) pagesWithNumbers++;
      const unlinked = [...shown].filter((id) => !linked.has(id));
      assert.deepEqual(unlinked, [], `${path}: numbers shown without a link to their page`);
    }
    assert.ok(pagesWithNumbers >= 6, `only ${pagesWithNumbers} pages show numbers in their static HTML`);
  });
});

describe("where the report shows a number, on its page", () => {
  it("lists every built page that holds the number's anchor, linked to it: a number shown on two pages lists both", async () => {
    const ledger = await readLedger(RAW_DIR);
    // What each built page shows, read here from its own anchors (id="stat-<id>").
    const shownOn = new Map<string, string[]>();
    for (const path of await allBuiltPages()) {
      if (path.startsWith("/numbers/")) continue;
      const html = await readFile(join(DIST, path.endsWith("/") ? `${path}index.html` : `${path}.html`), "utf8");
      for (const id of new Set([...html.matchAll(/\bid="stat-([^"]+)"/g)].map((m) => m[1]!))) shownOn.set(id, [...(shownOn.get(id) ?? []), path]);
    }
    let onSeveralReportPages = 0;
    for (const s of ledger.statistics) {
      const html = await readFile(join(DIST, `${permalinkOf(s.id)}.html`), "utf8");
      const list = /<h2 id="shown">[^<]*<\/h2>\s*(?:<!--[^>]*-->)?<ul class="number-shown">([\s\S]*?)<\/ul>/.exec(html);
      assert.ok(list, `${s.id}: no list of where it is shown`);
      const pages = shownOn.get(s.id) ?? [];
      for (const path of pages) {
        const href = `..${path.replace(/\/$/, "/")}#stat-${escape(s.id)}`;
        assert.ok(list[1]!.includes(`href="${href}"`), `${s.id}: shown on ${path}, but its page does not link ${href}`);
      }
      if (pages.filter((p) => !p.startsWith("/sources/")).length >= 2) onSeveralReportPages++;
    }
    // The report shows some numbers twice (a headline and its chapter, a table and its chart): the test must meet them.
    assert.ok(onSeveralReportPages > 0, "no number is shown on two report pages: the test checks nothing beyond the routing table");
  });
});
