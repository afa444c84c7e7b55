// The build's printer process: Chromium, driven by playwright-core, in a process of its own, so
// that the build's own process, busy with Framework, neither loads playwright-core (a quarter
// of a second) nor handles Chromium's messages. Started by site/build/spawn-printer.ts as the
// build starts, from its bundle (site/build/run-bundled.js); it starts Chromium when told
// (`launch`) and opens its page for the folder the launch names, prints the site of a folder
// as dist/report.pdf when told (`print`, print-report.ts), and ends (`end`, or when the build
// does). Not meant to be run by hand.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { openPrinter, REPORT_PDF, type Printer, type PrintOptions } from "./print-report.ts";

/**
 * What the build tells the printer process. A launch may name the folder the build will print:
 * Chromium's page for it is opened then, not when the pages are final.
 */
export type PrinterOrder = { type: "launch"; folder?: string } | { type: "print"; folder: string; options: PrintOptions } | { type: "end" };

/** What the printer process tells the build. */
export type PrinterMessage =
  | { type: "launched"; ms: number }
  /** Chromium holds the pages: they may change from now on. */
  | { type: "composed" }
  | { type: "printed"; pages: number; bytes: number; parts: number; tables: number; figures: number; endnotes: number; composeMs: number; printMs: number }
  | { type: "error"; message: string };

const send = (message: PrinterMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
const failed = (error: unknown) => send({ type: "error", message: error instanceof Error ? error.message : String(error) });

let browser: Promise<Browser> | undefined;
let opened: { folder: string; printer: Promise<Printer> } | undefined;
/** Chromium's page for `folder`, opened once. */
const printerFor = (folder: string) => {
  if (opened?.folder !== folder) opened = { folder, printer: (browser ??= launchChromium()).then((b) => openPrinter(b, folder)) };
  return opened.printer;
};
const end = async () => {
  await browser?.then((b) => b.close()).catch(() => {});
  process.exit(0);
};

process.on("message", (order: PrinterOrder) => {
  if (order.type === "end") return void end();
  if (order.type === "launch") {
    const started = performance.now();
    browser ??= launchChromium();
    // A failure to open the page is reported when the print asks for it.
    if (order.folder !== undefined) printerFor(order.folder).catch(() => {});
    return void browser.then(() => send({ type: "launched", ms: Math.round(performance.now() - started) }), failed);
  }
  void (async () => {
    const printer = await printerFor(order.folder);
    await printer.compose(order.options);
    await send({ type: "composed" });
    const report = await printer.print();
    await writeFile(join(order.folder, REPORT_PDF), report.pdf);
    const { pdf, ...summary } = report;
    await send({ type: "printed", ...summary, bytes: pdf.length });
    // Closing the page takes a while (its document is the whole report); `end` closes the browser.
    void printer.close().catch(() => {});
  })().catch(failed);
});
// The build ended (it failed, or was killed).
process.once("disconnect", () => void end());
