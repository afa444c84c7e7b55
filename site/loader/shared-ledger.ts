// The ledger a build has read, lent for the length of that build to code that runs inside its
// process and would otherwise read and check it again: Framework's search index
// (site/view/search-entries.ts, called by Framework while it builds). Reading the ledger costs
// about half a second of the build's busiest thread. Outside a build (`npm run preview`)
// nothing is lent, and each caller reads the ledger itself.
import { resolve } from "node:path";
import { readLedger, type Ledger } from "../../data-loaders/normalize/ledger.ts";

let lent: { rawDir: string; ledger: Promise<Ledger> } | null = null;

/** Lends `ledger`, read from `rawDir`, until the returned function is called. */
export function lendLedger(rawDir: string, ledger: Promise<Ledger>): () => void {
  const loan = { rawDir: resolve(rawDir), ledger };
  lent = loan;
  return () => {
    if (lent === loan) lent = null;
  };
}

/** The ledger of `rawDir`: the one lent by the running build, or read now. */
export function ledgerOf(rawDir: string): Promise<Ledger> {
  return lent && lent.rawDir === resolve(rawDir) ? lent.ledger : readLedger(rawDir);
}
