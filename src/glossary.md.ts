// The glossary page, written at build time (a Framework page loader): every term of
// raw/glossary.tsv with the quote that defines it, its document and line, as static HTML, so
// the page reads without scripts and the links from other pages land on real anchors. Every
// quote is checked against its document before the page is written.
import { readGlossary } from "../data-loaders/normalize/glossary.ts";
import { readLedger } from "../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../data-loaders/paths.ts";
import { glossaryPage } from "../site/view/glossary-page.ts";

const [terms, ledger] = await Promise.all([readGlossary(RAW_DIR), readLedger(RAW_DIR)]);
process.stdout.write(glossaryPage(terms, ledger.sources));
