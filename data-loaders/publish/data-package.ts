// The published tables as one Frictionless Data Package (https://specs.frictionlessdata.io,
// version 1): a descriptor, datapackage.json, that names every file with its size, sha256,
// format and schema (from the data dictionary), the two documents as its sources, and its
// licence, so that the tools data users already have (frictionless, Open Data editors, R's
// `frictionless`, pandas through them) open the data with its types and meanings.
import type { Source } from "../normalize/sources.ts";
import type { ColumnSpec, ColumnType, FileSpec } from "./dictionary.ts";

/** The formats every published table comes in, and how a Data Package names them. */
export const TABLE_FORMATS = {
  csv: { format: "csv", mediatype: "text/csv" },
  // The media type IANA registered for Parquet in 2024.
  parquet: { format: "parquet", mediatype: "application/vnd.apache.parquet" },
} as const;
export type TableFormat = keyof typeof TABLE_FORMATS;

/** One published file, as written: its path in the package folder, its bytes and their sha256. */
export interface PackagedFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** One published table in one format: the file, the dictionary's spec, a title for readers. */
export interface PackagedTable extends PackagedFile {
  /** The output table's name (output-tables.ts): `statistics`, `thesis-table-6`. */
  table: string;
  format: TableFormat;
  spec: FileSpec;
  title: string;
}

/** Table Schema's type for each type of the dictionary (DuckDB's). */
const FIELD_TYPE: Readonly<Record<ColumnType, "string" | "number" | "integer">> = { VARCHAR: "string", DOUBLE: "number", INTEGER: "integer" };

export const DATA_LICENSE = { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" } as const;

/**
 * A Table Schema field for a column. A non-null column is `required` only when it is not text:
 * a text column may hold the empty string, which a CSV reader with the default missing values
 * ([""]) takes for null.
 */
function field(column: ColumnSpec) {
  return {
    name: column.name,
    type: FIELD_TYPE[column.type],
    description: column.description,
    ...(!column.nullable && column.type !== "VARCHAR" ? { constraints: { required: true } } : {}),
  };
}

/** The resource's name: the table's name and its format (`statistics-csv`), unique in the package. */
export const resourceName = (table: string, format: string) => `${table}-${format}`.toLowerCase();

/** The CSV dialect toCsv writes (csv.ts): commas, LF, double quotes doubled, a header row. */
const CSV_DIALECT = { delimiter: ",", lineTerminator: "\n", quoteChar: '"', doubleQuote: true, header: true } as const;

function tableResource(t: PackagedTable) {
  const { format, mediatype } = TABLE_FORMATS[t.format];
  return {
    name: resourceName(t.table, t.format),
    path: t.path,
    // Version 1 defines tabular resources as CSV (or inline JSON); the Parquet twin is a plain
    // data resource with the same schema.
    profile: t.format === "csv" ? "tabular-data-resource" : "data-resource",
    title: t.title,
    description: t.spec.description,
    format,
    mediatype,
    encoding: "utf-8",
    bytes: t.bytes,
    hash: `sha256:${t.sha256}`,
    ...(t.format === "csv" ? { dialect: CSV_DIALECT } : {}),
    schema: {
      fields: t.spec.columns.map(field),
      ...(t.spec.primaryKey ? { primaryKey: [...t.spec.primaryKey] } : {}),
      missingValues: [""],
    },
  };
}

/**
 * The data package descriptor for `tables` (each table in each format) and `others` (files
 * without a schema, such as the data dictionary), in the order given. `version` is the commit
 * the data was built from and `created` the build's fixed date (the commit's), never the clock,
 * so two builds of one commit write the same bytes.
 */
export function dataPackage({
  tables,
  others,
  sources,
  version,
  created,
}: {
  tables: readonly PackagedTable[];
  others: readonly (PackagedFile & { name: string; title: string; description: string; format: string; mediatype: string })[];
  sources: readonly Source[];
  version: string;
  created: Date;
}) {
  return {
    profile: "data-package",
    name: "industrial-clusters-report",
    title: "Industrial clusters: a reproducible report — its data",
    description:
      "Every number the two documents print, one row each with its quote and where it stands, their printed tables cell by cell, the audit of their arithmetic and contradictions, the studies they cite, and the census of every number they print. Each table comes as CSV and as Parquet, with the same columns; line numbers refer to the documents' text files, named with their sha256 in `sources`.",
    version,
    created: created.toISOString().replace(/\.\d{3}Z$/, "Z"),
    licenses: [DATA_LICENSE],
    sources: sources.map((s) => ({
      title: s.title,
      // Neither document prints its authors, date or institution (raw/sources.tsv); what it does print is below.
      id: s.id,
      text_file: s.seed.replace(/^.*\//, ""),
      text_sha256: s.sha256,
      title_line: s.title_line,
      ...(s.authors ? { authors: s.authors } : {}),
      ...(s.year !== null ? { year: s.year } : {}),
      ...(s.institution ? { institution: s.institution } : {}),
      ...(s.note ? { note: s.note } : {}),
    })),
    resources: [
      ...tables.map(tableResource),
      ...others.map((o) => ({ name: o.name, path: o.path, profile: "data-resource", title: o.title, description: o.description, format: o.format, mediatype: o.mediatype, encoding: "utf-8", bytes: o.bytes, hash: `sha256:${o.sha256}` })),
    ],
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;
