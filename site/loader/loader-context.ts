import type { ColumnSpec } from "../../data-loaders/publish/dictionary.ts";
import { readLedger, type Ledger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { LedgerDatabase, type Row } from "./ledger-database.ts";
import type { RenderCache } from "../render/render.ts";

/**
 * What a data loader reads, shared by every loader run in one process: the ledger is read
 * from raw/ once and one DuckDB engine answers every query. A loader gets the same answers
 * from a context of its own (run alone by Framework) as from a shared one (the build).
 */
export interface LoaderContext {
  /** The ledger, normalized and checked (ledger.ts). */
  ledger(): Promise<Ledger>;
  /** Rows of `sql` over the ledger's Parquet files (query.ts). */
  query(sql: string): Promise<Row[]>;
  /** Rows as Parquet bytes, typed by the data dictionary (parquet.ts). */
  parquet(columns: readonly ColumnSpec[], rows: readonly object[]): Promise<Buffer>;
  /** Where drawn charts are kept between builds; none when a loader runs alone. */
  readonly renderCache: RenderCache | undefined;
  /** Frees the DuckDB engine and its scratch folder. */
  close(): Promise<void>;
}

/**
 * A loader context over `rawDir` (default: the project's raw/).
 * @param options.renderCache charts already drawn, by spec (render.ts); default none
 */
export function createLoaderContext(options: { rawDir?: string; renderCache?: RenderCache } = {}): LoaderContext {
  const rawDir = options.rawDir ?? RAW_DIR;
  let ledger: Promise<Ledger> | undefined;
  let database: Promise<LedgerDatabase> | undefined;
  const read = () => (ledger ??= readLedger(rawDir));
  const open = () => (database ??= read().then((l) => LedgerDatabase.open(l)));
  // Each statement runs once per context: a query's loader, its chart's and Explore's examples
  // (explore/queries.json) run the same SQL files. Every caller gets its own copy of the rows.
  const answers = new Map<string, Promise<Row[]>>();
  const answer = (sql: string) => {
    let rows = answers.get(sql);
    if (!rows) answers.set(sql, (rows = open().then((db) => db.query(sql))));
    return rows;
  };
  return {
    ledger: read,
    query: async (sql) => structuredClone(await answer(sql)),
    parquet: async (columns, rows) => (await open()).parquetBytes(columns, rows),
    renderCache: options.renderCache,
    async close() {
      const opened = database;
      database = undefined;
      if (opened) await (await opened).close();
    },
  };
}
