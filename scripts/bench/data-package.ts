// The published data's cost (site/build/publish-data.ts): at finalize the build copies every
// table's CSV and Parquet from the loaders' outputs to plain names under dist/downloads/ and
// writes datapackage.json. Measured on its own, into a scratch folder, from the loader outputs
// the last build left (node_modules/.cache/…/framework-cache), best of 5; and the 20-odd
// Parquet loaders (src/data/parquet/[name].parquet.ts) run twice in one shared loader context,
// their bytes compared (DuckDB's COPY is expected to write the same bytes every time).
import { cp, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR, PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { outputTables } from "../../data-loaders/publish/output-tables.ts";
import { CACHE_STASH } from "../../site/build/cache/stash.ts";
import { publishData } from "../../site/build/publish-data.ts";
import { createLoaderContext } from "../../site/loader/loader-context.ts";
import { DIST_DIR } from "./build.ts";

export interface DataPackageMetrics {
  files: number;
  bytes: number;
  /** publishData, best of 5. */
  publishMs: number;
  /** Every table's Parquet made in one loader context, first run. */
  parquetLoadersMs: number;
  /** Whether the second run gave the same bytes for every table. */
  parquetDeterministic: boolean;
}

export async function measureDataPackage(log: (line: string) => void): Promise<DataPackageMetrics> {
  if (!existsSync(join(CACHE_STASH, "data", "parquet"))) throw new Error("no loader outputs in the build's cache: run `npm run build` first");
  const ledger = await readLedger(RAW_DIR, PROJECT_ROOT);
  const tables = outputTables(ledger);
  const scratch = await mkdtemp(join(tmpdir(), "bench-data-package-"));
  try {
    if (existsSync(join(DIST_DIR, "_file", "data"))) await cp(join(DIST_DIR, "_file", "data"), join(scratch, "_file", "data"), { recursive: true });
    let publishMs = Infinity;
    let files = 0;
    let bytes = 0;
    for (let run = 0; run < 5; run++) {
      await rm(join(scratch, "downloads"), { recursive: true, force: true });
      const published = await publishData(scratch, CACHE_STASH, { tables, titles: new Map(), sources: ledger.sources, version: "bench", created: new Date(0) });
      publishMs = Math.min(publishMs, published.ms);
      files = published.files.length;
      bytes = published.files.reduce((sum, f) => sum + f.bytes, 0);
    }
    const context = createLoaderContext();
    try {
      const make = async () => Promise.all(tables.map(async (t) => context.parquet(t.columns, t.rows())));
      const started = performance.now();
      const first = await make();
      const parquetLoadersMs = performance.now() - started;
      const second = await make();
      const parquetDeterministic = first.every((bytes, i) => bytes.equals(second[i]!));
      const metrics = { files, bytes, publishMs, parquetLoadersMs, parquetDeterministic };
      log(`  ${files} files, ${bytes} bytes in downloads/, written in ${Math.round(publishMs)} ms (best of 5); ${tables.length} Parquet files made in ${Math.round(parquetLoadersMs)} ms by the loaders, ${parquetDeterministic ? "the same bytes" : "DIFFERENT bytes"} the second time`);
      return metrics;
    } finally {
      await context.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
