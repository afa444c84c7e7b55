// The ledger as the loader process read it, kept in Framework's cache beside the loader outputs
// (a loader output itself: made from the same inputs, dropped with them, checked by the same
// manifest). Reading and checking the ledger takes about half a second of the build's busiest
// thread; the build takes the loader process's copy instead, whether that process runs now or
// ran in an earlier build whose outputs still stand.
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Ledger } from "../../data-loaders/normalize/ledger.ts";
import { writeFileAtomic } from "../../data-loaders/publish/write-file-atomic.ts";

/** Where the snapshot is kept, in the cache folder: not under a `_` folder, which are Framework's. */
export const LEDGER_SNAPSHOT = join("ledger", "ledger.v8");

/** Writes `ledger` into `cacheDir` with V8's serializer (Maps, arrays and plain objects, as the ledger is made of). */
export async function writeLedgerSnapshot(cacheDir: string, ledger: Ledger): Promise<void> {
  const path = join(cacheDir, LEDGER_SNAPSHOT);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, serialize(ledger));
}

/** The ledger snapshot of `cacheDir`, or null when there is none. */
export async function readLedgerSnapshot(cacheDir: string): Promise<Ledger | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(cacheDir, LEDGER_SNAPSHOT));
  } catch {
    return null;
  }
  return deserialize(bytes) as Ledger;
}
