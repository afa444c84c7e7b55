// dist/report.pdf, read with poppler-utils (scripts/install-system.sh installs them): its
// metadata, its parts in reading order, and its internal links. That two builds give the same
// bytes, one of them offline, is test/e2e/reproducible.test.ts's comparison of whole dist/ folders.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { collapseWhitespace } from "../../data-loaders/parse/text.ts";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { pdfDate } from "../../site/pdf/fix-pdf.ts";
import { REPORT_PDF } from "../../site/pdf/print-report.ts";
import { pageFile, readingOrder, readSidebarConfig } from "../../site/pdf/reading-order.ts";
import { SOURCE_DATE_EPOCH } from "./scratch-project.ts";
import { DIST } from "./site.ts";

const PDF = join(DIST, REPORT_PDF);
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, [...args, PDF, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8", maxBuffer: 1 << 28 });

describe("the PDF edition, dist/report.pdf", () => {
  let info: Map<string, string>;
  let text: string;
  before(() => {
    info = new Map(poppler("pdfinfo", "-isodates").split("\n").filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]));
    text = collapseWhitespace(poppler("pdftotext", "-enc", "UTF-8"));
  });

  it("says what it is: the report's title, a subject naming both documents, and the commit's time as its dates", async () => {
    const config = await readSidebarConfig(PROJECT_ROOT);
    assert.equal(info.get("Title"), config.title);
    const subject = info.get("Subject") ?? "";
    assert.match(subject, /Industrial Clusters in Developing Countries: A Survey of the Literature/);
    assert.match(subject, /BAs, Clusters, and Economic Liberalization in Developing Countries/);
    const date = pdfDate(Number(SOURCE_DATE_EPOCH) * 1000);
    const iso = `${date.slice(2, 6)}-${date.slice(6, 8)}-${date.slice(8, 10)}T${date.slice(10, 12)}:${date.slice(12, 14)}:${date.slice(14, 16)}`;
    assert.ok(info.get("CreationDate")?.startsWith(iso), `CreationDate ${info.get("CreationDate")}, the commit's is ${iso}`);
    assert.ok(info.get("ModDate")?.startsWith(iso), `ModDate ${info.get("ModDate")}`);
  });

  it("holds the whole report in reading order after a contents page, one part per page of the site", async () => {
    const parts = readingOrder(await readSidebarConfig(PROJECT_ROOT));
    const pages = Number(info.get("Pages"));
    assert.ok(pages > parts.length, `${pages} pages for ${parts.length} parts and the contents`);
    const contents = text.indexOf("Contents");
    assert.ok(contents >= 0 && contents < 2000, "the contents come first");
    // Each part starts with its page's first heading, in the sidebar's order, after the contents
    // (which name the first part first: its heading is its second occurrence).
    let at = contents;
    const starts: number[] = [];
    for (const part of parts) {
      const html = readFileSync(join(DIST, pageFile(part.path)), "utf8");
      const h1 = /<h1[^>]*>(?:<a[^>]*>)?([^<]+)/.exec(html)?.[1];
      assert.ok(h1, `${part.path}: no <h1>`);
      const heading = collapseWhitespace(h1.replaceAll("&#x27;", "'").replaceAll("&amp;", "&"));
      const found = text.indexOf(heading, starts.length === 0 ? text.indexOf(heading, at) + 1 : at + 1);
      assert.ok(found > at, `${part.path}: "${heading}" is not after the part before it`);
      starts.push(found);
      at = found;
    }
    assert.equal(starts.length, parts.length);
  });

  it("links inside itself: every internal link lands on a destination, across parts too", () => {
    const destinations = new Set([...poppler("pdfinfo", "-dests").matchAll(/"([^"]+)"\s*$/gm)].map((m) => m[1]!));
    const links = [...readFileSync(PDF).toString("latin1").matchAll(/\/Dest \/([^\s/>\]]+)/g)].map((m) => m[1]!);
    assert.ok(links.length > 20, `${links.length} internal links`);
    const dangling = [...new Set(links)].filter((d) => !destinations.has(d));
    assert.deepEqual(dangling, [], "links to no destination");
    for (const part of ["survey", "thesis-sialkot", "audit", "bibliography"]) assert.ok(links.includes(part), `a link to the ${part} part`);
  });
});
