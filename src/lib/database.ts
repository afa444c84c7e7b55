// DuckDB-WASM over the report's tables, started only when a reader asks for SQL.
//
// The WASM build cannot fetch the Parquet extension here (shared/stack-notes.md), so the data
// arrives as the same tables in CSV, read with the built-in CSV reader and the column types of
// the data dictionary. The shared views and macros of the report's queries are created over
// them. Once loaded, external access is disabled and the configuration locked: the reader's SQL
// can reach no URL and cannot turn that back on.

import type { AsyncDuckDB, AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import { readStatement } from "./read-statement.js";

/** A table to load: its view name, the URL of its CSV, and its columns' DuckDB types. */
export interface TableSource {
  name: string;
  url: string;
  columns: readonly { name: string; type: string }[];
}

/**
 * A view or macro the report's queries share: one CREATE statement of src/sql/shared/definitions.sql,
 * as build-time DuckDB runs it (published as data/explore/definitions.json).
 */
export interface SharedDefinition {
  name: string;
  /** The CREATE statement as written, with the comment just above it, up to its ";". */
  sql: string;
}

export type Cell = string | number | boolean | null;

/** How far the engine has come while it starts, for a progress bar: the engine's bytes, then the tables. */
export interface StartProgress {
  step: "engine" | "tables" | "definitions";
  /** Bytes of the engine fetched so far, or tables loaded. */
  done: number;
  /** Bytes of the engine (0 when the server does not say), or tables to load. */
  total: number;
}

export interface QueryPage {
  columns: string[];
  rows: Cell[][];
  /** All rows the query returns, of which `rows` is one page. */
  total: number;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A value from an Arrow row as plain JSON-able JS: BIGINT becomes a number, dates ISO text. */
function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * The reader's SQL as a subquery, so that it can only be one statement that reads. A statement
 * that is not a read, or several, are refused first in words that name them (readStatement);
 * the subquery and the locked configuration remain the guard.
 */
export function asSubquery(sql: string): string {
  return `(${readStatement(sql)}\n)`;
}

export class ReportDatabase {
  private constructor(
    private db: AsyncDuckDB,
    private connection: AsyncDuckDBConnection,
    private readonly worker: Worker,
  ) {}

  /**
   * Starts DuckDB-WASM (from this site, never a CDN), loads the tables and creates the shared
   * views and macros over them, in their order.
   * @param workerUrl where the site serves DuckDB-WASM's worker script (src/data/duckdb/)
   * @param definitions the shared views and macros; default none (their tables must be among `sources`)
   */
  static async open(
    sources: readonly TableSource[],
    workerUrl: string,
    definitions: readonly SharedDefinition[] = [],
    onProgress: (progress: StartProgress) => void = () => {},
  ): Promise<ReportDatabase> {
    // Every table is asked for at once, while the engine downloads and compiles: on a slow
    // network they arrive meanwhile, and on a second visit they come from the browser's cache.
    const files = sources.map(async (source) => {
      const response = await fetch(source.url);
      if (!response.ok) throw new Error(`Could not load ${source.name} (${response.status} ${source.url}).`);
      return new Uint8Array(await response.arrayBuffer());
    });
    // Each failure is reported below, in the tables' order; none is left unhandled meanwhile.
    for (const file of files) file.catch(() => {});
    const duckdb = await import("@duckdb/duckdb-wasm");
    const worker = new Worker(workerUrl);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    onProgress({ step: "engine", done: 0, total: 0 });
    await db.instantiate(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"), null, (p) =>
      onProgress({ step: "engine", done: p.bytesLoaded, total: p.bytesTotal }),
    );
    const connection = await db.connect();
    for (const [loaded, source] of sources.entries()) {
      onProgress({ step: "tables", done: loaded, total: sources.length });
      const file = `${source.name}.csv`;
      await db.registerFileBuffer(file, await files[loaded]!);
      const columns = source.columns.map((c) => `${quoteString(c.name)}: ${quoteString(c.type)}`).join(", ");
      // Quoted empty strings stay strings; only an empty unquoted field is NULL (see toCsv).
      await connection.query(
        `CREATE TABLE ${quoteIdent(source.name)} AS SELECT * FROM read_csv(${quoteString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${columns}})`,
      );
      await db.dropFile(file);
    }
    onProgress({ step: "definitions", done: 0, total: definitions.length });
    // Before the lock, by the page: the reader's SQL runs as a subquery and cannot create or replace them.
    for (const definition of definitions) {
      try {
        await connection.query(definition.sql);
      } catch (error) {
        throw new Error(`Could not create the shared view or macro ${definition.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await connection.query("SET enable_external_access = false");
    await connection.query("SET lock_configuration = true");
    return new ReportDatabase(db, connection, worker);
  }

  /**
   * Runs the reader's query as a subquery (so it can only be one statement that reads), and
   * returns one page of it, sorted if asked, with the total row count.
   */
  async page(sql: string, { offset = 0, limit = 100, orderBy }: { offset?: number; limit?: number; orderBy?: { column: string; descending: boolean } } = {}): Promise<QueryPage> {
    const subquery = asSubquery(sql);
    const count = await this.single(`SELECT count(*)::DOUBLE AS n FROM ${subquery} AS q`);
    const order = orderBy ? ` ORDER BY ${quoteIdent(orderBy.column)} ${orderBy.descending ? "DESC" : "ASC"} NULLS LAST` : "";
    const statement = await this.connection.prepare(`SELECT * FROM ${subquery} AS q${order} LIMIT ${Math.max(0, limit | 0)} OFFSET ${Math.max(0, offset | 0)}`);
    try {
      const table = await statement.query();
      const columns = table.schema.fields.map((f) => f.name);
      const rows = table.toArray().map((row) => columns.map((c) => plain((row as Record<string, unknown>)[c])));
      return { columns, rows, total: Number(count) };
    } finally {
      await statement.close();
    }
  }

  /** Every row of a query, as objects (for comparing with the build's results). */
  async all(sql: string): Promise<Record<string, Cell>[]> {
    const statement = await this.connection.prepare(`SELECT * FROM ${asSubquery(sql)} AS q`);
    try {
      const table = await statement.query();
      const columns = table.schema.fields.map((f) => f.name);
      return table.toArray().map((row) => Object.fromEntries(columns.map((c) => [c, plain((row as Record<string, unknown>)[c])])));
    } finally {
      await statement.close();
    }
  }

  private async single(sql: string): Promise<Cell> {
    const statement = await this.connection.prepare(sql);
    try {
      const row = (await statement.query()).toArray()[0] as Record<string, unknown> | undefined;
      return row ? plain(Object.values(row)[0]) : null;
    } finally {
      await statement.close();
    }
  }

  /** Stops the engine at once, running query included; the page opens a new one if needed. */
  async terminate(): Promise<void> {
    await this.db.terminate().catch(() => {});
    this.worker.terminate();
  }
}
