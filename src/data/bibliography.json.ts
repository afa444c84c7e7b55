// bibliography.json: every study the documents cite, grouped by author and year, with the
// statistics that cite it (src/sql/bibliography.sql) and the survey's footnotes that cite it
// (raw/survey/footnotes.tsv), and the provenance of every statistic listed.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defineLoader } from "../../site/loader/define-loader.ts";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { SQL_DIR } from "../../site/paths.ts";
import { json } from "../../site/loader/stdout.ts";
import { parseTsv } from "../../data-loaders/parse/tsv.ts";
import { provenanceFor } from "../../site/view/provenance.ts";
import { buildBibliography, type CitingStatistic, type FootnoteCitation } from "../../site/view/citations.ts";

const FOOTNOTES = join(PROJECT_ROOT, "raw", "survey", "footnotes.tsv");

export default defineLoader(import.meta.url, async (_params, context) => {
  const statistics = (await context.query(await readFile(join(SQL_DIR, "bibliography.sql"), "utf8"))) as unknown as CitingStatistic[];
  const footnotes: FootnoteCitation[] = parseTsv(await readFile(FOOTNOTES, "utf8"), "raw/survey/footnotes.tsv", ["footnote", "line", "citation", "note"]).rows.map(({ fields }) => ({
    footnote: Number(fields.footnote),
    line: Number(fields.line),
    citation: fields.citation!,
    note: fields.note!,
  }));
  const entries = buildBibliography(statistics, footnotes);
  return json({ sql: "bibliography.sql", entries, provenance: provenanceFor(await context.ledger(), statistics.map((s) => s.id)) });
});
