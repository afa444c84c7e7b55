import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { readLedgerSnapshot, writeLedgerSnapshot } from "../../../site/build/ledger-snapshot.ts";

describe("the ledger's snapshot", () => {
  it("gives back the ledger it was written from, Maps, prototypes and all", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "ledger-snapshot-"));
    try {
      const ledger = await readLedger(RAW_DIR);
      await writeLedgerSnapshot(cacheDir, ledger);
      // deepStrictEqual compares prototypes too: a class instance the serializer flattens fails here.
      assert.deepStrictEqual(await readLedgerSnapshot(cacheDir), ledger);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it("is null where none was written", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "ledger-snapshot-"));
    try {
      assert.equal(await readLedgerSnapshot(cacheDir), null);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
