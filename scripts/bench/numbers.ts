// The number pages' cost (site/numbers/number-pages.ts): the build fills one template per
// statistic after Framework has built the site. Measured here on their own, in a scratch copy
// of dist/numbers/index.html: reading the ledger and seeds, then writing every page, best of 3.
// (Framework building the same pages as Markdown cost about 75 ms each, +21 s a build, when
// measured on this machine before choosing.)
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { readSeeds } from "../../data-loaders/normalize/sources.ts";
import { PROJECT_ROOT, RAW_DIR } from "../../data-loaders/paths.ts";
import { fillTemplate, NUMBERS_PLACEHOLDER, numberContext, reportVersion, writeNumberPages } from "../../site/numbers/number-pages.ts";
import { DIST_DIR } from "./build.ts";

export interface NumberPagesMetrics {
  pages: number;
  readMs: number;
  writeMs: number;
  perPageMs: number;
}

export async function measureNumberPages(log: (line: string) => void): Promise<NumberPagesMetrics> {
  const scratch = await mkdtemp(join(tmpdir(), "bench-numbers-"));
  try {
    await mkdir(join(scratch, "numbers"));
    // The built index, emptied back to the template the build fills.
    const template = fillTemplate(await readFile(join(DIST_DIR, "numbers", "index.html"), "utf8"), "Every number", NUMBERS_PLACEHOLDER);
    const reading = performance.now();
    const [ledger, seeds] = await Promise.all([readLedger(RAW_DIR, PROJECT_ROOT), readSeeds(RAW_DIR, PROJECT_ROOT)]);
    const context = numberContext(ledger, seeds, reportVersion(PROJECT_ROOT), false);
    const readMs = performance.now() - reading;
    let writeMs = Infinity;
    let pages = 0;
    for (let run = 0; run < 3; run++) {
      await writeFile(join(scratch, "numbers", "index.html"), template);
      const result = await writeNumberPages(scratch, context, template);
      pages = result.pages;
      writeMs = Math.min(writeMs, result.ms);
    }
    const metrics = { pages, readMs, writeMs, perPageMs: writeMs / pages };
    log(`  ${pages} pages: ledger, seeds and audit read in ${Math.round(readMs)} ms; written in ${Math.round(writeMs)} ms (${metrics.perPageMs.toFixed(2)} ms a page)`);
    return metrics;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
