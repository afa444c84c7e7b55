import { invalid, RawInputError } from "../errors.ts";
import type { DocumentId, Statistic } from "./statistic.ts";
import { collapseWhitespace } from "../parse/text.ts";
import { parseTsv } from "../parse/tsv.ts";

export interface TableCell {
  row: string;
  column: string;
  cell: string;
  /** Line of the raw table file. */
  raw_line: number;
}

/** A table as the document prints it: labels, cells, title and source line, untouched. */
export interface PrintedTable {
  /** File-safe key, e.g. `survey-table-1`, `thesis-table-6`. */
  key: string;
  document: DocumentId;
  /** The label as the document writes it: `Table-1`, `Table #6`. */
  table: string;
  number: number;
  title: string;
  source: string;
  /** Seed lines the table occupies, as `first-last`. */
  lines: string;
  notes: string[];
  footnotes: string[];
  /**
   * The stub header as printed: the label over the row labels (`Cluster`, `Name`); with
   * multi-level headers, one label per level joined with ` / ` (`Region / Sector`), as the
   * column labels are. Empty when the table prints none.
   */
  stub: string;
  /**
   * Printed row groups, in order: a label printed on a row of its own, with no cells, over the
   * rows beneath it (Table #4's "Upgrading"). Those rows' labels are `<group> / <row>`.
   */
  row_groups: string[];
  rows: string[];
  columns: string[];
  cells: TableCell[];
  raw_file: string;
}

/** The number a printed table label ends with (`Table-1` → 1, `Table # 3` → 3); null when it ends with none. */
export function tableNumber(label: string): number | null {
  const number = /(\d+)\s*$/.exec(label);
  return number ? Number(number[1]) : null;
}

/**
 * The file-safe key of a printed table, from its document and its label as printed:
 * (`thesis`, `Table #6`) → `thesis-table-6`. The one place a key is made: file names
 * (tables/<key>.parquet), SQL views and page anchors all derive from it.
 */
export function tableKey(document: string, label: string): string {
  const number = tableNumber(label);
  if (number === null) invalid("table", label, "expected a table number");
  return `${document}-table-${number}`;
}

function one(meta: Record<string, string[]>, key: string, file: string, required: boolean): string {
  const values = meta[key] ?? [];
  if (values.length > 1) throw new RawInputError(file, 1, `# ${key}`, values.join(" | "), "given more than once");
  if (required && (values.length === 0 || values[0] === "")) throw new RawInputError(file, 1, `# ${key}`, "", "missing");
  return values[0] ?? "";
}

/** Parses a raw table file (see raw/README.md) into a PrintedTable. */
export function parseTable(text: string, file: string, document: DocumentId): PrintedTable {
  const tsv = parseTsv(text, file, ["row", "column", "cell"]);
  const table = collapseWhitespace(one(tsv.meta, "table", file, true));
  const number = tableNumber(table);
  if (number === null) throw new RawInputError(file, 1, "# table", table, "expected a table number");
  const cells: TableCell[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of tsv.rows) {
    const key = `${fields.row}\t${fields.column}`;
    if (seen.has(key)) throw new RawInputError(file, line, "cell", `${fields.row} / ${fields.column}`, "given twice");
    seen.add(key);
    if (fields.column === "") throw new RawInputError(file, line, "column", "", "is empty");
    cells.push({ row: fields.row!, column: fields.column!, cell: fields.cell!, raw_line: line });
  }
  const unique = (xs: string[]) => [...new Set(xs)];
  const rows = unique(cells.map((c) => c.row));
  const stub = collapseWhitespace(one(tsv.meta, "stub", file, false));
  const row_groups = (tsv.meta["row-group"] ?? []).map(collapseWhitespace);
  /** The line of the `# row-group` comment that names `group`, for errors. */
  const groupLine = (group: string) => text.split("\n").findIndex((l) => /^#\s*row-group:/i.test(l) && collapseWhitespace(l.replace(/^#\s*row-group:/i, "")) === group) + 1 || 1;
  for (const group of row_groups) {
    const fail = (reason: string): never => {
      throw new RawInputError(file, groupLine(group), "# row-group", group, reason);
    };
    if (group === "") fail("is empty");
    if (row_groups.indexOf(group) !== row_groups.lastIndexOf(group)) fail("given twice");
    const members = rows.filter((r) => r.startsWith(`${group} / `));
    if (members.length === 0) fail(`no row is labelled "${group} / …"`);
    // A group's rows follow one another, as printed under it.
    const first = rows.indexOf(members[0]!);
    if (members.some((m, i) => rows[first + i] !== m)) fail("its rows are not printed one after another");
  }
  for (const c of cells) {
    const prefix = /^(.+?) \/ /.exec(c.row);
    if (prefix && !row_groups.includes(prefix[1]!)) throw new RawInputError(file, c.raw_line, "row", c.row, `"${prefix[1]}" is not a printed row group: declare it with "# row-group: ${prefix[1]}", or drop the " / "`);
  }
  return {
    key: tableKey(document, table),
    document,
    table,
    number,
    title: one(tsv.meta, "title", file, false),
    source: one(tsv.meta, "source", file, false),
    lines: one(tsv.meta, "lines", file, true),
    notes: tsv.meta.note ?? [],
    footnotes: tsv.meta.footnote ?? [],
    stub,
    row_groups,
    rows,
    columns: unique(cells.map((c) => c.column)),
    cells,
    raw_file: file,
  };
}

/** One row of a tidy table file: a printed cell beside one statistic it holds (or none). */
export interface TidyCell {
  table: string;
  row_order: number;
  column_order: number;
  row_label: string;
  column_label: string;
  /** The printed row group over this row (Table #4's `Upgrading`), or null. */
  row_group: string | null;
  row: string;
  column: string;
  cell: string;
  statistic_id: string | null;
  printed: string | null;
  value: number | null;
  value_low: number | null;
  value_high: number | null;
  unit: string | null;
  qualifier: string | null;
}

/**
 * A printed label made fit for a chart axis: one line, single-spaced, without the
 * "(%)" and N annotations that the tidy file carries as their own statistics.
 */
/** The printed row group a row label belongs to (`Upgrading / Functional upgrading` → `Upgrading`), or null. */
export function rowGroupOf(table: Pick<PrintedTable, "row_groups">, row: string): string | null {
  return table.row_groups.find((g) => row.startsWith(`${g} / `)) ?? null;
}

export function normalizeLabel(label: string): string {
  return collapseWhitespace(label.replace(/\(\s*%\s*\)/g, "").replace(/\bN\s*=\s*\d+%?/g, "").replace(/\s+\/\s*$/, ""));
}

/**
 * Checks that every statistic citing this table names a printed cell (or, with no row,
 * a printed column header) whose text holds its quote, and that every cell holding a
 * number is cited by at least one statistic. Then lays the table out long: one row per
 * (cell, statistic), with the printed labels beside the normalized ones.
 */
export function tidyTable(table: PrintedTable, statistics: readonly Statistic[]): TidyCell[] {
  const mine = statistics.filter((s) => s.document === table.document && s.table === table.table);
  const byCell = new Map<string, Statistic[]>();
  for (const s of mine) {
    const fail = (field: string, value: string, reason: string): never => {
      throw new RawInputError(s.raw_file, s.raw_line, field, value, `${reason} in ${table.raw_file}`);
    };
    if (s.row_label === null) {
      if (!table.columns.includes(s.column_label!)) fail("column", s.column_label!, "no such printed column");
      if (!collapseWhitespace(s.column_label!).includes(s.quote)) fail("quote", s.quote, "not in the column header");
      continue;
    }
    const cell = table.cells.find((c) => c.row === s.row_label && c.column === s.column_label);
    if (!cell) fail("row", `${s.row_label} / ${s.column_label}`, "no such printed cell");
    if (!collapseWhitespace(cell!.cell).includes(s.quote)) fail("quote", s.quote, "not in the printed cell");
    const key = `${s.row_label}\t${s.column_label}`;
    byCell.set(key, [...(byCell.get(key) ?? []), s]);
  }
  const tidy: TidyCell[] = [];
  for (const c of table.cells) {
    const stats = byCell.get(`${c.row}\t${c.column}`) ?? [];
    if (stats.length === 0 && /\d/.test(c.cell) && !/^\s*n\/?a\.?\s*$/i.test(c.cell)) {
      throw new RawInputError(table.raw_file, c.raw_line, "cell", c.cell, "holds a number that no statistic cites");
    }
    const base = {
      table: table.table,
      row_order: table.rows.indexOf(c.row),
      column_order: table.columns.indexOf(c.column),
      row_label: c.row,
      column_label: c.column,
      row_group: rowGroupOf(table, c.row),
      row: normalizeLabel(c.row),
      column: normalizeLabel(c.column),
      cell: c.cell,
    };
    const none = { statistic_id: null, printed: null, value: null, value_low: null, value_high: null, unit: null, qualifier: null };
    if (stats.length === 0) tidy.push({ ...base, ...none });
    for (const s of stats) {
      tidy.push({
        ...base,
        statistic_id: s.id,
        printed: s.printed,
        value: s.value,
        value_low: s.value_low,
        value_high: s.value_high,
        unit: s.unit,
        qualifier: s.qualifier,
      });
    }
  }
  return tidy;
}
