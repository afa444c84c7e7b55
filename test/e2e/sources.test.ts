// The documents (raw/sources.tsv) and the survey's footnotes reach the reader as the ledger
// holds them: in the Explore page's DuckDB-WASM, loaded from the published CSV files.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { outputTables } from "../../data-loaders/publish/output-tables.ts";
import { useSite } from "./site.ts";

describe("the published documents and footnotes", () => {
  const site = useSite();

  it("hold, in the browser, every row and field of the ledger's, null exactly where the ledger has null", async () => {
    const ledger = await readLedger(RAW_DIR);
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/explore`, { waitUntil: "domcontentloaded" });
    await page.locator(".explorer").waitFor();
    for (const name of ["sources", "footnotes", "citations"]) {
      const table = outputTables(ledger).find((t) => t.name === name)!;
      const expected = table.rows().map((row) => Object.fromEntries(table.columns.map((c) => [c.name, (row as Record<string, unknown>)[c.name]])));
      assert.ok(expected.length >= 2, name);
      const rows = await page.evaluate(
        (sql) => (document.querySelector(".explorer") as unknown as { queryAll(s: string): Promise<unknown[]> }).queryAll(sql),
        `SELECT * FROM ${name} ORDER BY raw_file, raw_line`,
      );
      assert.deepEqual(rows, expected, name);
    }
    await page.close();
  });
});
