import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from "@duckdb/node-api";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Ledger } from "../../data-loaders/normalize/ledger.ts";
import { outputTables } from "../../data-loaders/publish/output-tables.ts";
import type { ColumnSpec } from "../../data-loaders/publish/dictionary.ts";
import { parquetBytes, writeParquetFiles } from "../../data-loaders/publish/parquet.ts";
import { definitionsNamedBy, readSharedDefinitions, type SharedDefinition } from "./shared-sql.ts";

export type Row = Record<string, string | number | boolean | null>;

/** The view name a query uses for an output file: `statistics`, `survey_table_1`, … */
export function viewName(relativePath: string): string {
  return relativePath.replace(/^tables\//, "").replace(/\.parquet$/, "").replaceAll("-", "_");
}

function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

function rowsOf(reader: DuckDBResultReader): Row[] {
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
}

/** Creates the shared views and macros (src/sql/shared/definitions.sql), in the file's order. */
async function define(connection: DuckDBConnection, definitions: readonly SharedDefinition[]): Promise<void> {
  for (const d of definitions) {
    try {
      await connection.run(d.sql);
    } catch (error) {
      throw new Error(`invalid shared ${d.kind}: ${d.name} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
  }
}

/**
 * Runs SQL over a folder of the pipeline's Parquet outputs, each file a view named by
 * viewName(), with the shared views and macros it names. The same SQL runs in the reader's
 * browser, where the same names are registered.
 */
export async function queryOutputs(outDir: string, sql: string, db?: DuckDBConnection): Promise<Row[]> {
  const instance = db ? null : await DuckDBInstance.create(":memory:");
  const connection = db ?? (await instance!.connect());
  try {
    const files = [
      ...(await readdir(outDir)).filter((f) => f.endsWith(".parquet")),
      ...(await readdir(join(outDir, "tables")).catch(() => [])).filter((f) => f.endsWith(".parquet")).map((f) => `tables/${f}`),
    ].sort();
    for (const file of files) {
      const path = join(outDir, file).replaceAll("'", "''");
      await connection.run(`CREATE VIEW "${viewName(file)}" AS SELECT * FROM read_parquet('${path}')`);
    }
    await define(connection, definitionsNamedBy(sql, await readSharedDefinitions()));
    return rowsOf(await connection.runAndReadAll(sql));
  } finally {
    if (instance) {
      connection.closeSync();
      instance.closeSync();
    }
  }
}

/**
 * A DuckDB engine over a ledger's Parquet files, for running many queries: each file is
 * written (rows → Parquet, the path the published files take) the first time a query names
 * its view, then read by every later query; likewise each shared view or macro
 * (src/sql/shared/definitions.sql) is created the first time a query names it, after the views
 * it reads. Close it when done.
 */
export class LedgerDatabase {
  readonly #ledger: Ledger;
  readonly #shared: readonly SharedDefinition[];
  readonly #folder: string;
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  /** The views and macros created so far, by name. */
  readonly #views = new Set<string>();
  /** Queries run one at a time: a view is created once, by whichever query first names it. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(ledger: Ledger, shared: readonly SharedDefinition[], folder: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.#ledger = ledger;
    this.#shared = shared;
    this.#folder = folder;
    this.#instance = instance;
    this.#connection = connection;
  }

  static async open(ledger: Ledger): Promise<LedgerDatabase> {
    const shared = await readSharedDefinitions();
    const folder = await mkdtemp(join(tmpdir(), "ledger-"));
    await mkdir(join(folder, "tables"));
    // One thread: the queries are small, and the build's loader process shares the machine's
    // cores with Framework's build; more threads only contend with it (same answers either way).
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    return new LedgerDatabase(ledger, shared, folder, instance, await instance.connect());
  }

  /** Runs `sql` over the views it names (statistics, tables, …, and the shared views and macros). */
  query(sql: string): Promise<Row[]> {
    const answer = this.#queue.then(() => this.#run(sql));
    this.#queue = answer.catch(() => undefined);
    return answer;
  }

  async #run(sql: string): Promise<Row[]> {
    // A shared view reads the tables its own SQL names: those are needed too, and first.
    const shared = definitionsNamedBy(sql, this.#shared).filter((d) => !this.#views.has(d.name));
    const text = [sql, ...shared.map((d) => d.sql)].join("\n");
    const needed = outputTables(this.#ledger).filter((t) => !this.#views.has(viewName(t.path)) && new RegExp(`\\b${viewName(t.path)}\\b`, "i").test(text));
    await writeParquetFiles(
      needed.map((t) => ({ path: join(this.#folder, t.path), columns: t.columns, rows: t.rows() })),
      this.#connection,
    );
    for (const t of needed) {
      const path = join(this.#folder, t.path).replaceAll("'", "''");
      await this.#connection.run(`CREATE VIEW "${viewName(t.path)}" AS SELECT * FROM read_parquet('${path}')`);
      this.#views.add(viewName(t.path));
    }
    for (const d of shared) {
      await define(this.#connection, [d]);
      this.#views.add(d.name);
    }
    return rowsOf(await this.#connection.runAndReadAll(sql));
  }

  /** Rows as Parquet bytes, written by this engine (see parquetBytes). */
  parquetBytes(columns: readonly ColumnSpec[], rows: readonly object[]): Promise<Buffer> {
    const bytes = this.#queue.then(() => parquetBytes(columns, rows, this.#connection));
    this.#queue = bytes.catch(() => undefined);
    return bytes;
  }

  async close(): Promise<void> {
    // A query still running in DuckDB's threads (one asked ahead of the loaders, say) must end
    // before its connection closes under it.
    await this.#queue;
    this.#connection.closeSync();
    this.#instance.closeSync();
    await rm(this.#folder, { recursive: true, force: true });
  }
}

/**
 * Writes the ledger's Parquet files that `sql` names to a scratch folder, then runs `sql`
 * over them with DuckDB: the same path (rows → Parquet → SQL) as the published files take.
 */
export async function queryLedger(ledger: Ledger, sql: string): Promise<Row[]> {
  const database = await LedgerDatabase.open(ledger);
  try {
    return await database.query(sql);
  } finally {
    await database.close();
  }
}
