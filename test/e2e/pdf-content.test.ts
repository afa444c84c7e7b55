// What dist/report.pdf says, read with pdftotext: every printed table's and figure's caption of
// both documents, every caption the pages show, and the quote of every number (its endnote).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../data-loaders/normalize/ledger.ts";
import { PROJECT_ROOT, RAW_DIR } from "../../data-loaders/paths.ts";
import { figure1 } from "../../site/diagrams/figure-1.ts";
import { figure2 } from "../../site/diagrams/figure-2.ts";
import { figure3 } from "../../site/diagrams/figure-3.ts";
import { figure4 } from "../../site/diagrams/figure-4.ts";
import { figure5 } from "../../site/diagrams/figure-5.ts";
import { figure6 } from "../../site/diagrams/figure-6.ts";
import { REPORT_PDF } from "../../site/pdf/print-report.ts";
import { pageFile, readingOrder, readSidebarConfig } from "../../site/pdf/reading-order.ts";
import { FIGURES } from "../../site/view/report-map.ts";
import { DIST, useSite } from "./site.ts";

/**
 * Text as both sides compare it: compatibility forms, one kind of quote mark, single spaces, no
 * hyphens (pdftotext joins a word hyphenated at a line's end, "1995-" + "96" → "199596", so
 * hyphens are dropped on both sides), "Table # 3" as "Table #3".
 */
const plain = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u00ad/g, "")
    .replace(/[-\u2010\u2011]\s*/g, "")
    .replace(/#\s+(?=\d)/g, "#")
    .replace(/\s+/g, " ")
    .trim();

describe("the PDF edition's text", () => {
  const site = useSite();
  let text: string;
  let ledger: Ledger;
  before(async () => {
    text = plain(execFileSync("pdftotext", ["-enc", "UTF-8", join(DIST, REPORT_PDF), "-"], { encoding: "utf8", maxBuffer: 1 << 28 }));
    ledger = await readLedger(RAW_DIR, PROJECT_ROOT);
  });

  it("has the caption of every printed table and figure of both documents", () => {
    const missing: string[] = [];
    for (const table of ledger.tables) if (!text.includes(plain(`${table.table}: ${table.title}`))) missing.push(`${table.key}: "${table.table}: ${table.title}"`);
    for (const figure of [figure1(), figure2(), figure3(), figure4(), figure5(), figure6()]) if (!text.includes(plain(figure.caption))) missing.push(`diagram "${figure.caption}"`);
    for (const { number } of FIGURES) if (!text.includes(`Figure #${number}`)) missing.push(`Figure #${number}`);
    assert.deepEqual(missing, []);
  });

  it("has every caption the printed pages show, numbered", async () => {
    const parts = readingOrder(await readSidebarConfig(PROJECT_ROOT)).filter((p) => p.printed);
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const missing: string[] = [];
    let count = 0;
    for (const part of parts) {
      const page = await context.newPage();
      await page.setContent(readFileSync(join(DIST, pageFile(part.path)), "utf8"));
      // Captions of what only the screen shows (a chart's Table view) do not print.
      const captions = await page.locator("#observablehq-main :is(figcaption, caption):not(.screen-only *)").allTextContents();
      for (const caption of captions.map(plain).filter(Boolean)) {
        count++;
        if (!text.includes(caption)) missing.push(`${part.path}: "${caption}"`);
      }
      await page.close();
    }
    await context.close();
    assert.ok(count > 20, `${count} captions on the pages`);
    assert.deepEqual(missing, []);
    assert.match(text, /Table 1\. /);
    assert.match(text, /Figure 1\. /);
  });

  it("has the quote of every number", () => {
    const missing = ledger.statistics.filter((s) => !text.includes(plain(s.quote))).map((s) => `${s.id}: "${s.quote}"`);
    assert.deepEqual(missing.slice(0, 20), [], `${missing.length} of ${ledger.statistics.length} quotes missing`);
  });
});
