// A query's result as files a reader downloads: CSV written as the report's own CSVs are (NULL
// an empty field, the empty string ""), and Parquet written in the page by hyparquet-writer
// (DuckDB-WASM cannot write Parquet offline: its Parquet extension comes from a CDN). The
// Parquet writer loads only when a reader asks for a Parquet file.
import type { Cell } from "./database.js";

function field(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return text === "" || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A result as CSV with a header, lines ending in \n. */
export function resultCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [columns, ...rows].map((row) => row.map(field).join(",")).join("\n") + "\n";
}

type ParquetType = "BOOLEAN" | "INT32" | "DOUBLE" | "STRING";

/** The Parquet type of a column from its values: booleans, 32-bit whole numbers, other numbers, else text. */
export function parquetType(values: readonly Cell[]): ParquetType {
  const present = values.filter((v) => v !== null);
  if (present.length > 0 && present.every((v) => typeof v === "boolean")) return "BOOLEAN";
  if (present.length > 0 && present.every((v) => typeof v === "number")) {
    return present.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31) ? "INT32" : "DOUBLE";
  }
  return "STRING";
}

/** A result as a Parquet file (nullable columns, typed from their values). */
export async function resultParquet(columns: readonly string[], rows: readonly (readonly Cell[])[]): Promise<ArrayBuffer> {
  const { parquetWriteBuffer } = await import("hyparquet-writer");
  const columnData = columns.map((name, i) => {
    const values = rows.map((row) => row[i] ?? null);
    const type = parquetType(values);
    return { name, type, nullable: true, data: type === "STRING" ? values.map((v) => (v === null ? null : String(v))) : values };
  });
  return parquetWriteBuffer({ columnData });
}

/** A file name from a title: lower case, words joined by "-", at most 60 characters. */
export function fileStem(title: string): string {
  const stem = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return stem || "result";
}

/** Saves bytes or text under a file name, as a download, without any network. */
export function saveFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
