// Everything the Table-1 section of the survey page shows: the printed table, the SQL
// results behind its chart, the chart drawn at build time, and the provenance of each number.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readLedger } from "../../../data-loaders/ledger.ts";
import { RAW_DIR, SQL_DIR } from "../../../data-loaders/paths.ts";
import { queryLedger } from "../../../data-loaders/query.ts";
import { prerender } from "../../../data-loaders/render.ts";
import { emit, json } from "../../../data-loaders/stdout.ts";
import { tableView } from "../../../data-loaders/view.ts";
import { table1EmploymentSpec, type EmploymentRow } from "../../charts/table-1-employment.ts";

const ledger = await readLedger(RAW_DIR);
const sql = (name: string) => readFile(join(SQL_DIR, name), "utf8");
const employment = (await queryLedger(ledger, await sql("survey-table-1-employment.sql"))) as unknown as EmploymentRow[];
const coverage = await queryLedger(ledger, await sql("survey-table-1-coverage.sql"));
const chart = await prerender(
  (width) => table1EmploymentSpec(employment, { width }),
  `Firms and workers per cluster as Table-1 prints them, on a log scale: ${employment.length} numbers for ${new Set(employment.map((d) => d.cluster)).size} clusters.`,
);
await emit(json({ table: tableView(ledger, "survey-table-1"), employment, coverage, chart }));
