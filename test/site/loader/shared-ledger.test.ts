// The build lends the ledger it has read to the search index that runs inside it; outside that
// loan, and for another raw folder, the ledger is read afresh.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { ledgerOf, lendLedger } from "../../../site/loader/shared-ledger.ts";

const FIXTURE_RAW = join(import.meta.dirname, "..", "..", "data-loaders", "fixtures", "raw");

describe("the lent ledger", () => {
  it("is the build's own while lent, for its raw folder only, and read afresh once returned", async () => {
    const lent = readLedger(FIXTURE_RAW);
    const giveBack = lendLedger(FIXTURE_RAW, lent);
    try {
      assert.equal(ledgerOf(join(FIXTURE_RAW, "..", "raw")), lent, "the same folder, however written");
      const other = ledgerOf(join(FIXTURE_RAW, "..", "no-such-raw"));
      other.catch(() => {});
      assert.notEqual(other, lent, "another folder is read, not lent");
    } finally {
      giveBack();
    }
    const afresh = ledgerOf(FIXTURE_RAW);
    assert.notEqual(afresh, lent);
    assert.deepEqual((await afresh).statistics.map((s) => s.id), (await lent).statistics.map((s) => s.id));
  });

  it("is not taken back by an older loan's return", () => {
    const first = Promise.resolve(null as never);
    const second = Promise.resolve(null as never);
    const giveBackFirst = lendLedger(FIXTURE_RAW, first);
    const giveBackSecond = lendLedger(FIXTURE_RAW, second);
    giveBackFirst();
    assert.equal(ledgerOf(FIXTURE_RAW), second);
    giveBackSecond();
  });
});
