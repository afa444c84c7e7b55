import { RawInputError } from "../errors.ts";

/** One data row of a TSV file, with the 1-based line it came from. */
export interface TsvRow {
  line: number;
  fields: Record<string, string>;
}

/** A parsed TSV file: `# key: value` comments as metadata, then the header and rows. */
export interface TsvFile {
  file: string;
  meta: Record<string, string[]>;
  header: string[];
  rows: TsvRow[];
}

/**
 * Parses tab-separated text. Comment lines (`#`) before the header carry
 * `key: value` metadata (below the header such a line is an error); blank lines are skipped. Every row must have exactly
 * as many fields as the header, since a stray tab silently shifts columns.
 */
export function parseTsv(text: string, file: string, expectedHeader?: readonly string[]): TsvFile {
  const meta: Record<string, string[]> = {};
  const rows: TsvRow[] = [];
  let header: string[] | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (raw.trim() === "") continue;
    if (raw.startsWith("#")) {
      const match = /^#\s*([A-Za-z_-]+):\s?(.*)$/.exec(raw);
      // Metadata below the header would be dropped unread: it is an error, not a comment.
      if (match && header) throw new RawInputError(file, line, "comment", raw, "metadata ('# key: value') must stand above the header row");
      if (match) (meta[match[1]!.toLowerCase()] ??= []).push(match[2]!.trim());
      continue;
    }
    const cells = raw.split("\t");
    if (!header) {
      header = cells.map((c) => c.trim());
      if (expectedHeader && header.join("\t") !== expectedHeader.join("\t")) {
        throw new RawInputError(file, line, "header", header.join("\t"), `expected ${expectedHeader.join(", ")}`);
      }
      continue;
    }
    if (cells.length !== header.length) {
      throw new RawInputError(file, line, "row", raw, `has ${cells.length} fields, header has ${header.length}`);
    }
    const fields: Record<string, string> = {};
    header.forEach((name, j) => (fields[name] = cells[j]!.trim()));
    rows.push({ line, fields });
  }
  if (!header) throw new RawInputError(file, lines.length, "header", "", "no header row");
  return { file, meta, header, rows };
}
