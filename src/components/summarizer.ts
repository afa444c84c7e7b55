import type { ReportDatabase } from "../lib/database.js";
import { readerLabel } from "../portable/labels.js";
import { dataTable } from "./data-table.js";
import { plainError } from "./explorer.js";

export interface SummarizerOptions {
  /** Columns of `statistics` a reader may count by. */
  columns: readonly string[];
  /** The statistic ids to count (null: all). Read at each use, so it follows the page's filters. */
  ids: () => ReadonlySet<string> | null | Promise<ReadonlySet<string> | null>;
  /** Starts the database; called once, on first use. */
  open: () => Promise<ReportDatabase>;
  /** The Explore page, where the query opens for the reader to change. */
  exploreHref: string;
}

export interface SummarizerElement extends HTMLElement {
  /** Counts again with the ids as they are now (the page calls it when its filters change). */
  refresh(): Promise<void>;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The SQL that counts statistics by a column, restricted to some ids. */
export function summarySql(column: string, ids: ReadonlySet<string> | null): string {
  const where = ids === null ? "" : `\nWHERE id IN (${[...ids].sort().map(literal).join(", ") || "NULL"})`;
  return `SELECT "${column.replaceAll('"', '""')}", count(*)::INTEGER AS numbers\nFROM statistics${where}\nGROUP BY 1\nORDER BY numbers DESC, 1`;
}

/**
 * A control that counts the shown statistics by a column with SQL, again whenever the page's
 * filters change (`refresh`). DuckDB-WASM starts the first time a reader uses it, never before.
 */
export function summarizer({ columns, ids, open, exploreHref }: SummarizerOptions): SummarizerElement {
  let database: Promise<ReportDatabase> | null = null;
  let ticket = 0;
  const root = document.createElement("div") as unknown as SummarizerElement;
  root.className = "summarizer screen-only";
  const select = document.createElement("select");
  select.append(new Option("choose a column…", ""), ...columns.map((c) => new Option(readerLabel(c), c)));
  const label = document.createElement("label");
  label.append("Count the shown numbers by ", select);
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  const result = document.createElement("div");
  root.refresh = async () => {
    const mine = ++ticket;
    if (!select.value) {
      result.replaceChildren();
      status.textContent = "";
      return;
    }
    const column = select.value;
    const sql = summarySql(column, await ids());
    if (mine !== ticket) return;
    status.textContent = database ? "Counting…" : "Starting DuckDB in your browser…";
    try {
      const db = await (database ??= open());
      const rows = await db.all(sql);
      if (mine !== ticket) return;
      const link = document.createElement("a");
      link.href = `${exploreHref}?sql=${encodeURIComponent(sql)}`;
      link.textContent = "Open this query in Explore";
      result.replaceChildren(dataTable(rows), link);
      const total = rows.reduce((sum, row) => sum + Number(row.numbers ?? 0), 0);
      status.textContent = `${total} numbers in ${rows.length} groups of ${readerLabel(column)}.`;
    } catch (error) {
      if (mine !== ticket) return;
      database = null;
      status.textContent = `The count failed: ${plainError(error)}`;
    }
  };
  select.addEventListener("change", () => void root.refresh());
  root.append(label, status, result);
  return root;
}
