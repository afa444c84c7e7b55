import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { REPORT_PDF } from "../../site/pdf/print-report.ts";
import { DIST, useSite } from "./site.ts";


describe("the reproducibility page", () => {
  const site = useSite();


  it("lists every published file but the pages and the PDF edition, with the sha256 and size of the file as served", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/reproducibility`, { waitUntil: "networkidle" });
    const listed = await page.locator("table.published-files tbody tr").evaluateAll((rows) =>
      rows.map((tr) => ({
        path: tr.querySelector("td code")!.textContent!,
        sha256: tr.querySelector("code.sha256")!.textContent!,
        bytes: Number(tr.querySelectorAll("td")[1]!.textContent!.replaceAll(",", "")),
        madeBy: tr.querySelectorAll("td")[2]!.textContent!,
      })),
    );
    const onDisk: string[] = [];
    for (const entry of await readdir(DIST, { withFileTypes: true, recursive: true })) {
      // The PDF edition is printed from the pages, which hold this list: it cannot be in it.
      if (entry.isFile() && !entry.name.endsWith(".html")) onDisk.push(relative(DIST, join(entry.parentPath, entry.name)));
    }
    assert.ok(onDisk.includes(REPORT_PDF), "dist/ has the PDF edition");
    onDisk.splice(onDisk.indexOf(REPORT_PDF), 1);
    assert.deepEqual(listed.map((f) => f.path).sort(), onDisk.sort());
    for (const file of listed) {
      const content = await readFile(join(DIST, file.path));
      assert.equal(file.sha256, createHash("sha256").update(content).digest("hex"), file.path);
      assert.equal(file.bytes, content.length, file.path);
      assert.ok(!file.madeBy.startsWith("unknown"), `${file.path}: no maker`);
    }
    const statistics = listed.find((f) => /^_file\/data\/statistics\.[0-9a-f]{8}\.parquet$/.test(f.path));
    assert.ok(statistics, "statistics.parquet is published");
    assert.match(statistics.madeBy, /src\/data\/statistics\.parquet\.ts/);
    await page.close();
  });

  it("maps every table and figure of both documents to its raw file, outputs and page", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/reproducibility`, { waitUntil: "networkidle" });
    const text = await page.locator("#observablehq-main").innerText();
    for (const item of ["Survey Table-1", ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Thesis Table #${n}`), ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Thesis Figure #${n}`)]) {
      assert.ok(text.includes(item), `${item} is not mapped`);
    }
    for (const tool of ["Observable Framework", "DuckDB", "Arquero", "Vega-Lite", "Node.js"]) assert.ok(text.includes(tool), tool);
    await page.close();
  });
});
