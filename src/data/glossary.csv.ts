// glossary.csv: the glossary for download, one row per term, with its quote, document and line.
import { readGlossary } from "../../data-loaders/normalize/glossary.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { toCsv } from "../../data-loaders/publish/csv.ts";
import type { ColumnSpec } from "../../data-loaders/publish/dictionary.ts";
import { defineLoader } from "../../site/loader/define-loader.ts";

const COLUMNS: ColumnSpec[] = [
  { name: "term", type: "VARCHAR", nullable: false, description: "The term as the documents print it." },
  { name: "aliases", type: "VARCHAR", nullable: false, description: "Other printed forms, separated by |." },
  { name: "expansion", type: "VARCHAR", nullable: true, description: "The words an acronym stands for, as printed." },
  { name: "document", type: "VARCHAR", nullable: false, description: "`survey` or `thesis`." },
  { name: "line", type: "INTEGER", nullable: false, description: "Line of the document's text on which the quote starts." },
  { name: "quote", type: "VARCHAR", nullable: false, description: "The document's own words that define the term." },
];

export default defineLoader(import.meta.url, async () => toCsv(COLUMNS, (await readGlossary(RAW_DIR)).map((t) => ({ ...t, aliases: t.aliases.join("|") }))));
