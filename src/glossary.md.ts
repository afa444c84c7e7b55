// The glossary page, written at build time (a Framework page loader): every term of
// raw/glossary.tsv with the quote that defines it, its document and line, as static HTML, so
// the page reads without scripts and the links from other pages land on real anchors. Every
// quote is checked against its document before the page is written. Declared with
// defineLoader, so the build makes it in its loader process on the ledger the data loaders
// share (site/build/run-loaders.ts), early, while Framework parses the other pages; Framework
// runs this file as a program only on its own (`npm run preview`).
import { readGlossary } from "../data-loaders/normalize/glossary.ts";
import { RAW_DIR } from "../data-loaders/paths.ts";
import { defineLoader } from "../site/loader/define-loader.ts";
import { glossaryPage } from "../site/view/glossary-page.ts";

export default defineLoader(import.meta.url, async (_params, context) => {
  const [terms, ledger] = await Promise.all([readGlossary(RAW_DIR), context.ledger()]);
  return glossaryPage(terms, ledger.sources);
});
