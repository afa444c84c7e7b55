// The PDF edition's cost (site/pdf/): the step the build runs after finalizing the pages, measured
// on its own from the dist/ already built, three times: Chromium's start and its page's opening
// (which the build overlaps with Framework's work), putting the document together, printing it,
// fixing its dates and /ID.
// Each print must give dist/report.pdf's bytes again. The cold build and the rebuild of the build
// part include this step.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readSeeds } from "../../data-loaders/normalize/sources.ts";
import { PROJECT_ROOT, RAW_DIR } from "../../data-loaders/paths.ts";
import { sourceDateEpochMs } from "../../site/build/build.ts";
import { launchChromium } from "../../site/pdf/chromium.ts";
import { openPrinter, pdfPageCount, REPORT_PDF } from "../../site/pdf/print-report.ts";
import { readingOrder, readSidebarConfig } from "../../site/pdf/reading-order.ts";
import { reportSubject } from "../../site/pdf/report-subject.ts";
import { DIST_DIR } from "./build.ts";

export interface PdfMetrics {
  bytes: number;
  pages: number;
  tables: number;
  figures: number;
  endnotes: number;
  /** Median over the runs, ms. */
  launchMs: number;
  composeMs: number;
  printMs: number;
  /** The step as the build runs it, Chromium already started and its page open: compose, print, fix. */
  stepMs: number;
  runs: number;
  /** Every run gave dist/report.pdf's bytes. */
  sameBytes: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measurePdf(log: (line: string) => void, runs = 3): Promise<PdfMetrics> {
  const built = await readFile(join(DIST_DIR, REPORT_PDF)).catch(() => {
    throw new Error(`no dist/${REPORT_PDF}: run with the build part, or \`npm run build\` first`);
  });
  const config = await readSidebarConfig(PROJECT_ROOT);
  const documents = (await readSeeds(RAW_DIR, PROJECT_ROOT)).map((s) => s.source.title);
  const timings: { launchMs: number; composeMs: number; printMs: number; stepMs: number }[] = [];
  let sameBytes = true;
  let last: Awaited<ReturnType<Awaited<ReturnType<typeof openPrinter>>["print"]>> | undefined;
  for (let run = 0; run < runs; run++) {
    const launching = performance.now();
    const browser = await launchChromium();
    const launchMs = performance.now() - launching;
    try {
      // Opened before the step, as the build opens it when it starts Chromium.
      const printer = await openPrinter(browser, DIST_DIR);
      const started = performance.now();
      await printer.compose({
        parts: readingOrder(config),
        title: config.title,
        documents,
        subject: reportSubject(documents),
        dateMs: sourceDateEpochMs(PROJECT_ROOT),
      });
      last = await printer.print();
      timings.push({ launchMs, composeMs: last.composeMs, printMs: last.printMs, stepMs: performance.now() - started });
      await printer.close();
      sameBytes &&= last.pdf.equals(built);
    } finally {
      await browser.close();
    }
  }
  const metrics: PdfMetrics = {
    bytes: built.length,
    pages: pdfPageCount(built),
    tables: last!.tables,
    figures: last!.figures,
    endnotes: last!.endnotes,
    launchMs: median(timings.map((t) => t.launchMs)),
    composeMs: median(timings.map((t) => t.composeMs)),
    printMs: median(timings.map((t) => t.printMs)),
    stepMs: median(timings.map((t) => t.stepMs)),
    runs,
    sameBytes,
  };
  log(`  ${REPORT_PDF}: ${Math.round(metrics.bytes / 1000)} kB, ${metrics.pages} pages, ${metrics.tables} tables, ${metrics.figures} figures, ${metrics.endnotes} endnotes; step ${Math.round(metrics.stepMs)} ms (composed ${Math.round(metrics.composeMs)} ms, printed ${Math.round(metrics.printMs)} ms), Chromium's start ${Math.round(metrics.launchMs)} ms (overlapped in the build); ${sameBytes ? "the same bytes every run" : "BYTES DIFFER from dist/report.pdf"}`);
  return metrics;
}
