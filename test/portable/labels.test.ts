import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { readerLabel } from "../../src/portable/labels.ts";

describe("readerLabel", () => {
  it("writes every measure, unit and subject of the ledger as words, proper nouns as the documents print them", async () => {
    const ledger = await readLedger(RAW_DIR);
    for (const name of new Set(ledger.statistics.flatMap((s) => [s.measure, s.unit, s.subject]))) {
      assert.doesNotMatch(readerLabel(name), /_/, name);
    }
    assert.equal(readerLabel("share_of_output_exported_to_ussr"), "share of output exported to USSR");
    assert.equal(readerLabel("firms_in_abicalcados"), "firms in ABICALÇADOS");
  });
});
