/**
 * The data pipeline, as a recipe. Each step is a folder of its own:
 *
 * 1. parse/      printed text → typed values (quantities, periods, ratings, TSV rows)
 * 2. normalize/  the raw transcriptions → the ledger: statistics, printed tables, tidy cells,
 *                the reviewer's reconciliation, every row checked against its source line
 * 3. audit/      the ledger → findings; a finding is shown, never applied to a value
 * 4. publish/    the ledger and its findings → Parquet, the data dictionary, CSV, written atomically
 *
 * The library stops at the published files: it imports nothing from Framework, Vega or src/.
 */
import { auditReport, type AuditReport } from "./audit/audit-ledger.ts";
import { readLedger, type Ledger } from "./normalize/ledger.ts";
import { writeOutputs } from "./publish/write-outputs.ts";

/** What one run of the pipeline read, found and wrote. */
export interface PipelineRun {
  ledger: Ledger;
  findings: AuditReport;
  /** The files written, relative to the output folder. */
  written: string[];
}

/**
 * Runs the whole pipeline: reads and normalizes `rawDir`, audits the ledger, and publishes it
 * into `outDir`. Bad input stops it with `file:line: invalid field: "value" (reason)` before
 * anything is written.
 */
export async function runPipeline(rawDir: string, outDir: string): Promise<PipelineRun> {
  const ledger = await readLedger(rawDir);
  const findings = auditReport(ledger);
  const written = await writeOutputs(ledger, outDir, findings);
  return { ledger, findings, written };
}
