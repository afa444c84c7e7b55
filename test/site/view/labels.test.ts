import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { readerLabel as forBrowser } from "../../../src/lib/labels.ts";
import { readerLabel } from "../../../site/view/labels.ts";

describe("readerLabel, built pages and browser alike", () => {
  it("labels every measure, unit and subject of the ledger as the browser's copy does", async () => {
    const ledger = await readLedger(RAW_DIR);
    const names = new Set(ledger.statistics.flatMap((s) => [s.measure, s.unit, s.subject]));
    for (const name of [...names, "share_of_output_exported_to_ussr", "firms_in_by_brazil_brand"]) assert.equal(readerLabel(name), forBrowser(name), name);
    assert.equal(readerLabel("share_of_output_exported_to_ussr"), "share of output exported to USSR");
  });
});
