// conclusions.json: the documents' own conclusions about each case (raw/<document>/conclusions.tsv,
// each quote checked at its line), with what a reader needs to find each in its place: the
// document's title, the printed page (null where the text prints none), and the anchor of its
// line in the annotated reader (sources/<document>#line-N, site/numbers/readers.ts).
import { readConclusions } from "../../data-loaders/normalize/conclusions.ts";
import { pageOf } from "../../data-loaders/normalize/pages.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { defineLoader } from "../../site/loader/define-loader.ts";
import { json } from "../../site/loader/stdout.ts";

export default defineLoader(import.meta.url, async (_params, context) => {
  const [conclusions, ledger] = await Promise.all([readConclusions(RAW_DIR), context.ledger()]);
  const titles = new Map(ledger.sources.map((s) => [s.id, s.title]));
  const rows = conclusions.map((c) => ({ ...c, title: titles.get(c.document)!, page: pageOf(ledger.pages, c.document, c.line)?.page ?? null, anchor: `line-${c.line}` }));
  return json({ rows });
});
