import type { ColumnSpec } from "./dictionary.ts";

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180); null is empty. */
function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV with a header, in the dictionary's column order, lines ending in \n. */
export function toCsv(columns: readonly ColumnSpec[], rows: readonly object[]): string {
  const lines = [columns.map((c) => field(c.name)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => field((row as Record<string, unknown>)[c.name])).join(","));
  return `${lines.join("\n")}\n`;
}
