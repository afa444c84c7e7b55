import type { ColumnSpec } from "./dictionary.ts";

/**
 * One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). NULL is an
 * empty field and the empty string a quoted one (""), so a reader that keeps quoted empties
 * (DuckDB's allow_quoted_nulls = false) tells them apart.
 */
function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return text === "" || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV with a header, in the dictionary's column order, lines ending in \n. */
export function toCsv(columns: readonly ColumnSpec[], rows: readonly object[]): string {
  const lines = [columns.map((c) => field(c.name)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => field((row as Record<string, unknown>)[c.name])).join(","));
  return `${lines.join("\n")}\n`;
}
