// bibliography.json: every study the documents cite, grouped by author and year, with the
// statistics that cite it (src/sql/bibliography.sql) and the survey's footnotes that cite it
// (the ledger's footnotes, from raw/survey/footnotes.tsv), every citation in either document's
// text and notes (raw/<document>/citations.tsv), and the provenance of every statistic listed.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defineLoader } from "../../site/loader/define-loader.ts";
import { SQL_DIR } from "../../site/paths.ts";
import { json } from "../../site/loader/stdout.ts";
import { provenanceFor } from "../../site/view/provenance.ts";
import { buildBibliography, type CitingStatistic } from "../../site/view/citations.ts";

export default defineLoader(import.meta.url, async (_params, context) => {
  const statistics = (await context.query(await readFile(join(SQL_DIR, "bibliography.sql"), "utf8"))) as unknown as CitingStatistic[];
  const ledger = await context.ledger();
  const entries = buildBibliography(statistics, ledger.footnotes.filter((f) => f.document === "survey"), ledger.citations);
  return json({ sql: "bibliography.sql", entries, provenance: provenanceFor(ledger, statistics.map((s) => s.id)) });
});
