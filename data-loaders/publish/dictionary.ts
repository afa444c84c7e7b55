import { AUDIT_KINDS, AUDIT_STATUSES, FINDING_CLASSES } from "../audit/row.ts";
import { FINDING_ROLES, FINDING_STATUSES } from "../audit/findings.ts";
import { COMPARISON_KINDS, OUTCOMES } from "../audit/search.ts";
import { QUALIFIERS } from "../parse/quantity.ts";
import { CENSUS_STATUSES } from "../normalize/census.ts";
import { CLASSIFICATIONS, REASONS, SCOPES } from "../normalize/reconciliation.ts";

export type ColumnType = "VARCHAR" | "DOUBLE" | "INTEGER";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  description: string;
}

export interface FileSpec {
  /** Path relative to the output folder; `*` stands for a table key. */
  path: string;
  description: string;
  columns: readonly ColumnSpec[];
  /** The columns whose values together name one row, where the file has such a key (checked by test/data-loaders/publish/data-package.test.ts). */
  primaryKey?: readonly string[];
}

const c = (name: string, type: ColumnType, nullable: boolean, description: string): ColumnSpec => ({ name, type, nullable, description });

export const STATISTICS_FILE: FileSpec = {
  path: "statistics.parquet",
  primaryKey: ["id"],
  description: "One row per number stated in either document, table cells included.",
  columns: [
    c("id", "VARCHAR", false, "Stable unique identifier of the statistic."),
    c("document", "VARCHAR", false, "`survey` or `thesis`."),
    c("locator", "VARCHAR", false, "Where a reader finds it: the table, section heading or footnote as printed."),
    c("page", "INTEGER", true, "Printed page number, where the text shows one; else null."),
    c("line", "INTEGER", false, "Line of the document's text file (its `seed` in sources.parquet) on which the quote starts."),
    c("subject", "VARCHAR", false, "The cluster, country or organisation the number is about."),
    c("measure", "VARCHAR", false, "What is measured, in snake_case."),
    c("printed", "VARCHAR", false, "The number exactly as printed, with its qualifier and scale words."),
    c("reading", "VARCHAR", true, "How a printed typo is read, with the reason; null when read as printed."),
    c("value", "DOUBLE", true, "The value in base units (125000000 for \"$125 million\"; 0..100 for percentages; 1..5 for ordinal ratings). Null for a range, whose bounds are value_low and value_high."),
    c("value_low", "DOUBLE", true, "Lower bound; equals value for a point; null when the words give no lower bound (\"up to\")."),
    c("value_high", "DOUBLE", true, "Upper bound; equals value for a point; null when the words give no upper bound (\"at least\", \"over\")."),
    c("unit", "VARCHAR", false, "A unit of the controlled vocabulary (units.json). Money stays in the printed currency and year."),
    c("qualifier", "VARCHAR", false, `How the printed words bound the value: ${QUALIFIERS.join(", ")}. \`almost\` ("almost", "nearly"), \`up_to\` and \`less_than\` make the printed number an upper bound (value_low null); \`at_least\` and \`more_than\` ("over", "upwards of") a lower bound (value_high null); \`approximately\` a point either side.`),
    c("period", "VARCHAR", true, "The period as printed."),
    c("year_start", "INTEGER", true, "First calendar year of the period."),
    c("year_end", "INTEGER", true, "Last calendar year of the period."),
    c("cited_source", "VARCHAR", true, "The original study the document cites for the number, as printed."),
    c("quote", "VARCHAR", false, "The shortest verbatim passage that contains the number (line breaks as single spaces)."),
    c("table", "VARCHAR", true, "For a table cell: the table as printed (`Table-1`, `Table #6`)."),
    c("row_label", "VARCHAR", true, "For a table cell: the printed row label."),
    c("column_label", "VARCHAR", true, "For a table cell: the printed column label."),
    c("note", "VARCHAR", true, "What a reviewer should know about this number."),
    c("raw_file", "VARCHAR", false, "The raw transcription file the row comes from."),
    c("raw_line", "INTEGER", false, "The line of that raw file."),
    c(
      "permalink",
      "VARCHAR",
      false,
      "The address of the number's own page, relative to the site's root: `numbers/<id>` (ids are lower-case letters, digits, dots and hyphens, all safe in a URL path, so every id is its page's name as it stands). The page shows the number in its passage, with its page and section, where the report shows it, its findings, and how to cite it.",
    ),
  ],
};

export const TABLES_FILE: FileSpec = {
  path: "tables.parquet",
  primaryKey: ["key"],
  description: "One row per printed table of either document: its number, title and source line.",
  columns: [
    c("key", "VARCHAR", false, "File-safe key, e.g. `survey-table-1`; the tidy file is tables/<key>.parquet."),
    c("document", "VARCHAR", false, "`survey` or `thesis`."),
    c("table", "VARCHAR", false, "The table's label as printed."),
    c("number", "INTEGER", false, "The table's number."),
    c("title", "VARCHAR", false, "The title as printed (empty when the extraction shows none)."),
    c("source", "VARCHAR", false, "The source line as printed."),
    c("lines", "VARCHAR", false, "Lines of the source text file the table occupies."),
    c("notes", "VARCHAR", false, "How the transcriber read the printed grid."),
    c("footnotes", "VARCHAR", false, "The table's footnotes as printed."),
    c("stub", "VARCHAR", false, "The stub header as printed (the label over the row labels; levels joined with ` / `); empty when the table prints none."),
    c("row_groups", "VARCHAR", false, "The printed row groups (a label on a row of its own over the rows beneath it), one per line; empty when none."),
    c("raw_file", "VARCHAR", false, "The raw transcription file."),
  ],
};

export const TIDY_TABLE_FILE: FileSpec = {
  path: "tables/*.parquet",
  description: "A printed table in long format: one row per (cell, statistic it holds); a cell without a number has one row with null statistic.",
  columns: [
    c("table", "VARCHAR", false, "The table's label as printed."),
    c("row_order", "INTEGER", false, "Position of the row in the printed table, from 0."),
    c("column_order", "INTEGER", false, "Position of the column in the printed table, from 0."),
    c("row_label", "VARCHAR", false, "The printed row label."),
    c("column_label", "VARCHAR", false, "The printed column label (multi-level headers joined with ` / `)."),
    c("row_group", "VARCHAR", true, "The printed row group over this row (its label is `<group> / <row>`), or null."),
    c("row", "VARCHAR", false, "The row label normalized: one line, single-spaced."),
    c("column", "VARCHAR", false, "The column label normalized: without the (%) and N= annotations."),
    c("cell", "VARCHAR", false, "The printed cell text."),
    c("statistic_id", "VARCHAR", true, "The statistic (statistics.parquet id) this row shows."),
    c("printed", "VARCHAR", true, "The number as printed in the cell."),
    c("value", "DOUBLE", true, "Normalized value, as in statistics.parquet."),
    c("value_low", "DOUBLE", true, "Lower bound."),
    c("value_high", "DOUBLE", true, "Upper bound."),
    c("unit", "VARCHAR", true, "Unit."),
    c("qualifier", "VARCHAR", true, "Qualifier."),
  ],
};

export const UNITS_FILE: FileSpec = {
  path: "units.parquet",
  primaryKey: ["unit"],
  description: "The controlled vocabulary of units.",
  columns: [
    c("unit", "VARCHAR", false, "The unit's name."),
    c("kind", "VARCHAR", false, "Its kind, which decides the range check."),
    c("description", "VARCHAR", false, "What it counts."),
  ],
};

export const AUDIT_FILE: FileSpec = {
  path: "audit.parquet",
  primaryKey: ["check_id"],
  description:
    "One row per arithmetic check of the printed numbers (totals, whole counts behind percentages, subgroups, shares, derivations, restatements, cross-document reconciliation). A failed check is a finding: no value is changed.",
  columns: [
    c("check_id", "VARCHAR", false, "Stable unique identifier: `<kind>:<statistic id or check key>`."),
    c("kind", "VARCHAR", false, `What is checked: ${AUDIT_KINDS.join(", ")}.`),
    c("table", "VARCHAR", true, "The printed table checked (`Table #1`, `Table-1`); null for a check of the running text or across documents."),
    c("cells", "VARCHAR", false, "The statistics (statistics.parquet ids) the check uses, comma-separated, in a stable order; empty when it names none."),
    c("printed_value", "DOUBLE", true, "The printed value under check (a total, a percentage, a group size), or the count it implies; null when there is none."),
    c("computed_value", "DOUBLE", true, "What the other printed numbers give for it (a sum, a nearest whole-count percentage, a weighted average); null when nothing can be computed."),
    c("tolerance", "DOUBLE", true, "The largest gap between printed_value and computed_value that still passes, from the printed precision (the message says why); null for not_applicable."),
    c("status", "VARCHAR", false, `${AUDIT_STATUSES.join(", ")}: explained for a comparison of different things (year, scope, source, unit; class scope), never a failure; not_applicable when the documents do not print what the check needs.`),
    c("class", "VARCHAR", false, `What the check looks for: ${FINDING_CLASSES.join(", ")} (findings.parquet describes each).`),
    c("in_question", "VARCHAR", false, "The statistics whose printed value the check puts in question (a subset of cells), comma-separated; the rest of cells are its inputs."),
    c("message", "VARCHAR", false, "For a reviewer: what was checked, with the printed and computed or compared numbers and where a judgement is recorded."),
    c("finding_id", "VARCHAR", true, "The findings.parquet row this check reveals (several checks may reveal one finding); null when it reveals none (a pass, a not_applicable)."),
  ],
};

export const FINDINGS_FILE: FileSpec = {
  path: "findings.parquet",
  primaryKey: ["finding_id"],
  description:
    "One row per finding: a problem the audit reveals (however many checks reveal it), a difference the reviewer explains, or a consistent restatement; also contradictions that are not numbers, with both passages quoted.",
  columns: [
    c("finding_id", "VARCHAR", false, "Stable unique identifier: `<class>:<key>`."),
    c("class", "VARCHAR", false, `${FINDING_CLASSES.join(", ")}: arithmetic (a printed total, share or count the document's own numbers contradict), internal (two statements of one document that cannot both hold), across_documents (the two documents disagree on the same subject and measure), scope (they report different things: context, never a failure), restatement (the same number printed again, consistently).`),
    c("status", "VARCHAR", false, `${FINDING_STATUSES.join(", ")}: fail for arithmetic, internal and across_documents; explained for scope; pass for restatement.`),
    c("sentence", "VARCHAR", false, "The finding for readers, with the arithmetic or the comparison shown; no file or line references."),
    c("details", "VARCHAR", false, "For a reviewer: the checks' messages, and the raw file and line of any judgement."),
    c("check_ids", "VARCHAR", false, "The audit.parquet rows that reveal it, comma-separated; empty for a contradiction that is not a number."),
    c("in_question", "VARCHAR", false, `Statistics (statistics.parquet ids) whose printed value is in question, comma-separated (role \`${FINDING_ROLES[0]}\`).`),
    c("inputs", "VARCHAR", false, `Statistics the finding only uses, comma-separated (role \`${FINDING_ROLES[1]}\`): correct as far as the audit knows.`),
    c("passages", "VARCHAR", false, "For a contradiction that is not a number: each passage as `document line N: \"quote\"`, joined with \" | \"; empty otherwise."),
  ],
};

const side = (prefix: "left" | "right", which: string): ColumnSpec[] => [
  c(`${prefix}_document`, "VARCHAR", false, `Document of the ${which} side: \`survey\` or \`thesis\`.`),
  c(`${prefix}_ids`, "VARCHAR", false, `Statistics of the ${which} side, comma-separated.`),
  c(`${prefix}_printed`, "VARCHAR", false, `Their numbers as printed, joined with " | ".`),
  c(`${prefix}_value`, "DOUBLE", true, `Value of the ${which} side's first statistic, in base units (null for a range).`),
  c(`${prefix}_unit`, "VARCHAR", false, "Their units, joined with \" | \"."),
  c(`${prefix}_period`, "VARCHAR", false, "Their periods as printed, joined with \" | \" (empty where none is printed)."),
  c(`${prefix}_cited_source`, "VARCHAR", false, "The studies they cite, joined with \" | \" (empty where none is cited)."),
  c(`${prefix}_locator`, "VARCHAR", false, "Where a reader finds them, joined with \" | \"."),
  c(`${prefix}_quote`, "VARCHAR", false, "Their verbatim quotes, joined with \" | \"."),
];

export const RECONCILIATION_FILE: FileSpec = {
  path: "reconciliation.parquet",
  primaryKey: ["id"],
  description:
    "One row per entry of raw/reconciliation.tsv: numbers the two documents (scope `cross`) or one document in two places (scope `survey`/`thesis`) give for the same subject, side by side, with the reviewer's classification.",
  columns: [
    c("id", "VARCHAR", false, "Stable identifier of the entry."),
    c("scope", "VARCHAR", false, `${SCOPES.join(", ")}: \`cross\` puts the survey left and the thesis right; \`survey\`/\`thesis\` compare a document's text (left) with its own restatement (right).`),
    c("subject", "VARCHAR", false, "The cluster, country or organisation."),
    c("measure", "VARCHAR", false, "What is measured, in snake_case."),
    ...side("left", "left"),
    ...side("right", "right"),
    c("classification", "VARCHAR", false, `The reviewer's judgement: ${CLASSIFICATIONS.join(", ")}.`),
    c("reason", "VARCHAR", false, `Why: ${REASONS.join(", ")}.`),
    c("class", "VARCHAR", false, "The reviewer's finding class for the pair: restatement, scope, internal or across_documents."),
    c("in_question", "VARCHAR", false, "left, right or both: whose printed numbers a contradiction puts in question."),
    c("explanation", "VARCHAR", false, "The reviewer's explanation in plain language."),
    c("check_id", "VARCHAR", false, "The audit.parquet row that compares the values."),
    c("check_status", "VARCHAR", false, "That row's status: pass (a consistent restatement), explained (a scope difference), fail (a contradiction)."),
    c("raw_file", "VARCHAR", false, "The raw file of the entry."),
    c("raw_line", "INTEGER", false, "Its line."),
  ],
};

export const SOURCES_FILE: FileSpec = {
  path: "sources.parquet",
  primaryKey: ["id"],
  description:
    "One row per document the report reproduces (raw/sources.tsv): its title, the text file every `line` refers to, that file's sha256, and what the document prints about its authors, date and institution.",
  columns: [
    c("id", "VARCHAR", false, "The document, as the `document` column of the other files names it: `survey` or `thesis`."),
    c("title", "VARCHAR", false, "The title as the document prints it."),
    c("title_line", "INTEGER", false, "The line of the text file that prints the title."),
    c("seed", "VARCHAR", false, "The text file (extracted from the document's PDF) that every quote and line number refers to, as the project names it."),
    c("sha256", "VARCHAR", false, "The sha256 of that file: a build stops when the file differs."),
    c("authors", "VARCHAR", true, "The authors, as the document prints them; null when it prints none."),
    c("year", "INTEGER", true, "The document's own year, as it prints it; null when it prints none."),
    c("institution", "VARCHAR", true, "The institution, as the document prints it; null when it prints none."),
    c("note", "VARCHAR", true, "Where the title stands and why a field is null."),
    c("raw_file", "VARCHAR", false, "The raw file of the row."),
    c("raw_line", "INTEGER", false, "Its line."),
  ],
};

export const FOOTNOTES_FILE: FileSpec = {
  path: "footnotes.parquet",
  primaryKey: ["raw_file", "raw_line"],
  description:
    "One row per study a footnote cites, as printed (raw/<document>/footnotes.tsv; the survey's footnotes). The bibliography groups them by work; an `Ibid` stands for the work of the footnote before.",
  columns: [
    c("document", "VARCHAR", false, "`survey` or `thesis`."),
    c("footnote", "INTEGER", false, "The footnote's number as printed."),
    c("line", "INTEGER", false, "Line of the document's text file (its `seed` in sources.parquet) on which the citation starts."),
    c("citation", "VARCHAR", false, "The citation as printed (line breaks as single spaces, the footnote's final period left off)."),
    c("note", "VARCHAR", true, "What a reviewer should know about the citation."),
    c("raw_file", "VARCHAR", false, "The raw file of the row."),
    c("raw_line", "INTEGER", false, "Its line."),
  ],
};

export const CITATIONS_FILE: FileSpec = {
  path: "citations.parquet",
  primaryKey: ["raw_file", "raw_line", "year"],
  description:
    "One row per work a citation names in either document's text, captions, table sources and notes, as printed (raw/<document>/citations.tsv; the survey's footnotes are footnotes.parquet). Neither document prints a reference list: this and footnotes.parquet are all they say about the studies they cite. The bibliography groups both by work.",
  columns: [
    c("document", "VARCHAR", false, "`survey` or `thesis`."),
    c("line", "INTEGER", false, "Line of the document's text file (its `seed` in sources.parquet) on which the citation starts."),
    c("citation", "VARCHAR", false, "The citation as printed, single-spaced (\"Schmitz (1995, 1999)\", \"Bazan & Navas-Aleman, 2004, p14\")."),
    c("author", "VARCHAR", false, "The author(s) as printed in it, misspellings kept."),
    c("year", "VARCHAR", false, "The year of this work as printed, with its letter (2005a); a citation naming two years has two rows."),
    c("pages", "VARCHAR", true, "The pages as printed, or null."),
    c("section", "VARCHAR", false, "The section heading the citation stands under, as printed, or `note N` for the thesis's notes."),
    c("note", "VARCHAR", true, "What a reviewer should know (a full reference a note prints, a reading)."),
    c("raw_file", "VARCHAR", false, "The raw file of the row."),
    c("raw_line", "INTEGER", false, "Its line."),
  ],
};

export const COMPARISONS_FILE: FileSpec = {
  path: "comparisons.parquet",
  primaryKey: ["pair_id"],
  description:
    "One row per pair the systematic search for contradictions compared (data-loaders/audit/search.ts): two statements of one subject and measure (in the shared vocabulary of raw/vocabulary.tsv), a part against its whole, a 'most' (raw/claims.tsv) against a printed share, and the reviewer's pairs the search does not reach. Each is consistent, explained by raw/reconciliation.tsv, or a finding.",
  columns: [
    c("pair_id", "VARCHAR", false, "Stable unique identifier: `<kind>:<left_id>|<right_id>`."),
    c("kind", "VARCHAR", false, `${COMPARISON_KINDS.join(", ")}: same_measure (one subject and measure), part_whole (a count of a part against its whole), most (a 'most' against a share), reviewer (a pair of raw/reconciliation.tsv the search keeps apart).`),
    c("scope", "VARCHAR", false, "`survey` or `thesis` for a pair within one document, `cross` for a pair across the two."),
    c("left_id", "VARCHAR", false, "The first statistic (statistics.parquet id), or the claim id (raw/claims.tsv) of a `most` pair; comma-separated for a reviewer pair."),
    c("right_id", "VARCHAR", false, "The second statistic (or statistics, comma-separated)."),
    c("subject_key", "VARCHAR", false, "The subject in the shared vocabulary."),
    c("measure_key", "VARCHAR", false, "The measure in the shared vocabulary (the part's, for a part_whole pair)."),
    c("outcome", "VARCHAR", false, `${OUTCOMES.join(", ")}: consistent (the same value, a part within its whole, a 'most' over half), explained (a scope difference raw/reconciliation.tsv explains), finding (a contradiction).`),
    c("class", "VARCHAR", true, `The finding class of the pair (${FINDING_CLASSES.join(", ")}); null for a part within its whole or a 'most' that holds.`),
    c("flags", "VARCHAR", false, "What the comparison noticed, comma-separated: different_periods, order_of_magnitude (one value at least ten times the other), same_study (both cite one study), part_exceeds_whole, below_half; empty when nothing."),
    c("reviewed_by", "VARCHAR", true, "The raw/reconciliation.tsv entry that judges the pair, or null."),
    c("check_id", "VARCHAR", true, "The audit.parquet row of the pair's judgement, or null when none was needed (a part within its whole)."),
  ],
};

export const CENSUS_FILE: FileSpec = {
  path: "census.parquet",
  primaryKey: ["document", "line", "column"],
  description:
    "One row per number printed in either document (digits, and number words such as \"six\", \"two-thirds\", \"a decade\"; \"one\" is left out), with what accounts for it: the ledger (`statistic`), a rule of data-loaders/normalize/census.ts, or a reviewer's decision in raw/<document>/census.tsv. A number nothing accounts for stops every run.",
  columns: [
    c("document", "VARCHAR", false, "`survey` or `thesis`."),
    c("line", "INTEGER", false, "Line of the document's text file (its `seed` in sources.parquet) on which the number stands."),
    c("column", "INTEGER", false, "Where on that line it starts: the 1-based position of its first character."),
    c("token", "VARCHAR", false, "The number as printed: digits with their separators (`1995-96`, `172.4`, `55,0`), or the number word; for a rating or word the ledger holds, its printed words."),
    c("status", "VARCHAR", false, `\`statistic\` when the ledger holds it; otherwise why not: ${CENSUS_STATUSES.filter((s) => s !== "statistic").join(", ")}.`),
    c("statistic_id", "VARCHAR", true, "The statistic (statistics.parquet id) that holds it, or whose period it is; else null."),
    c("reason", "VARCHAR", false, "Why, in plain words."),
    c("decided_by", "VARCHAR", false, "`ledger`, `rule:<name>` (census.ts), or the raw file and line of the reviewer's decision."),
  ],
};

export const OUTPUT_FILES: readonly FileSpec[] = [STATISTICS_FILE, TABLES_FILE, TIDY_TABLE_FILE, UNITS_FILE, AUDIT_FILE, FINDINGS_FILE, COMPARISONS_FILE, RECONCILIATION_FILE, SOURCES_FILE, FOOTNOTES_FILE, CITATIONS_FILE, CENSUS_FILE];
