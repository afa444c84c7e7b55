// dist/report.pdf: the whole report as one PDF, printed by Chromium from the built pages.
// The pages' HTML goes to Chromium with the script that composes them; what they link to
// (stylesheets) Chromium reads from the folder through a request handler under a made-up origin
// (no server, no port: a port would end up in the PDF's links and change its bytes), and every
// other request is refused, so printing needs no network. The PDF is then given fixed dates, a
// subject and a content-derived /ID (fix-pdf.ts): two builds of one commit give the same bytes.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { pathSegments } from "../serve/static-server.ts";
import { COMPOSE_IN_PAGE, PRINT_WINDOW_WIDTH, partPrefix, type ComposeOptions, type ComposeSummary } from "./compose-report.ts";
import { fixPdf } from "./fix-pdf.ts";
import { pageFile } from "./reading-order.ts";

/** Where the PDF is published, relative to dist/. */
export const REPORT_PDF = "report.pdf";

/** An origin that resolves nowhere: every request to it is answered from the folder. */
const ORIGIN = "http://report.invalid";
const EMPTY_PAGE = `${ORIGIN}/__report-pdf__`;

/** What the print made. */
export interface PrintedReport extends ComposeSummary {
  pdf: Buffer;
  /** The PDF's pages. */
  pages: number;
  /** Milliseconds: putting the document together, and Chromium printing it. */
  composeMs: number;
  printMs: number;
}

/** A file of `folder` for a request path, or null. */
async function fileFor(folder: string, path: string): Promise<string | null> {
  try {
    const file = join(folder, ...pathSegments(path));
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** The number of pages of a PDF as Skia writes it (one `/Type /Page` object each). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/** What the PDF says about itself besides the composition's options. */
export type PrintOptions = ComposeOptions & { subject: string; dateMs: number };

/** A page of Chromium made ready to print the site of one folder (openPrinter). */
export interface Printer {
  /**
   * Puts the folder's pages, which must be final by now, together as one document (once).
   * Chromium's share of the work starts as this settles.
   */
  compose(options: PrintOptions): Promise<void>;
  /** Prints the composed document as one PDF. */
  print(): Promise<PrintedReport>;
  /** Closes the page and its context. */
  close(): Promise<void>;
}

/**
 * Opens a page of `browser` on the site in `folder` (which may still be being built: nothing is
 * read until `print`), in print media. The build opens it beside Framework's build, so that
 * printing starts at once when the pages are final.
 */
export async function openPrinter(browser: Browser, folder: string): Promise<Printer> {
  // The window's width is one the document is hidden at (compose-report.ts).
  const context = await browser.newContext({ javaScriptEnabled: true, colorScheme: "light", viewport: { width: PRINT_WINDOW_WIDTH, height: 720 } });
  try {
    const refused: string[] = [];
    await context.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) {
        refused.push(url.href);
        return route.abort("blockedbyclient");
      }
      if (url.href === EMPTY_PAGE) return route.fulfill({ contentType: "text/html; charset=utf-8", body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title></title></head><body></body></html>' });
      const file = await fileFor(folder, url.pathname);
      return file ? route.fulfill({ path: file }) : route.fulfill({ status: 404, body: "" });
    });
    const page = await context.newPage();
    await page.goto(EMPTY_PAGE);
    // In print media from the start: the document is laid out as it prints, and the print does
    // not restyle it for print and back for the screen (a second each way for this document).
    await page.emulateMedia({ media: "print" });
    let composed: { options: PrintOptions; summary: ComposeSummary; composeMs: number } | null = null;
    return {
      async compose(options) {
        const composing = performance.now();
        const files = options.parts.map((p) => pageFile(p.path));
        // The pages go in with the script, not as requests: answering a request takes a turn of
        // this process's event loop, which the build keeps busy with the number pages meanwhile.
        const pages = await Promise.all(files.map((file) => readFile(join(folder, file), "utf8")));
        const summary = (await page.evaluate(`(${COMPOSE_IN_PAGE})(${JSON.stringify({ ...options, prefixes: options.parts.map((p) => partPrefix(p.path)), files, pages })})`)) as ComposeSummary;
        composed = { options, summary, composeMs: performance.now() - composing };
      },
      async print() {
        if (composed === null) throw new Error("printing the PDF: nothing composed to print");
        const { options, summary, composeMs } = composed;
        const printing = performance.now();
        // Untagged. Tagged (issue 12 asks for it, and Chromium writes the outline only from the
        // structure tree: untagged, `outline: true` gives none) was measured: 7.5 MB instead of 2.9,
        // and two prints of one dist/ differed in bytes even after fix-pdf.ts renumbers the
        // structure's node ids (npm run bench -- --only=pdf), so both wait.
        const raw = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: false });
        const printMs = performance.now() - printing;
        if (refused.length > 0) throw new Error(`printing the PDF asked for what is not in the site: ${refused.slice(0, 3).join(", ")}`);
        const pdf = fixPdf(raw, {
          title: options.title,
          subject: options.subject,
          dateMs: options.dateMs,
          creator: `${options.title}: its pages printed by Chromium ${browser.version()}`,
        });
        return { ...summary, pdf, pages: pdfPageCount(pdf), composeMs, printMs };
      },
      close: () => context.close(),
    };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/**
 * Prints the site in `folder` (a finished build: its pages' static HTML) as one PDF, with
 * `browser` (started by the caller, who closes it).
 */
export async function printReport(browser: Browser, folder: string, options: PrintOptions): Promise<PrintedReport> {
  const printer = await openPrinter(browser, folder);
  try {
    await printer.compose(options);
    return await printer.print();
  } finally {
    await printer.close();
  }
}
