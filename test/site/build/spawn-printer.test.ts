import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { startPrinterProcess } from "../../../site/build/spawn-printer.ts";

describe("the printer process", () => {
  it("starts Chromium when told, reports a failed print with its cause, and ends", { timeout: 60_000 }, async () => {
    const folder = await mkdtemp(join(tmpdir(), "printer-"));
    const printer = startPrinterProcess();
    try {
      assert.ok((await printer.launch()) >= 0);
      // A folder without the pages: the composition cannot read the overview's page.
      const { composed, printed } = printer.print(folder, { parts: [{ path: "/", name: "R", printed: true }], title: "R", documents: ["D"], subject: "S", dateMs: 0 });
      await assert.rejects(composed, new RegExp(`${join(folder, "index.html").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`));
      await assert.rejects(printed);
    } finally {
      await printer.end();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("opens Chromium's page for the folder it is told at launch, and prints that folder's pages from it", { timeout: 60_000 }, async () => {
    const folder = await mkdtemp(join(tmpdir(), "printer-"));
    const printer = startPrinterProcess();
    try {
      assert.ok((await printer.launch(folder)) >= 0);
      // The page is written after the launch: the page opened then reads nothing until the print.
      await writeFile(join(folder, "index.html"), '<!DOCTYPE html><html lang="en"><head><title>R</title></head><body><main id="observablehq-main"><h1>Report</h1><p>Printed after the launch.</p></main></body></html>');
      const { composed, printed } = printer.print(folder, { parts: [{ path: "/", name: "R", printed: true }], title: "R", documents: ["D"], subject: "S", dateMs: 0 });
      await composed;
      const summary = await printed;
      assert.equal(summary.parts, 1);
      assert.ok(summary.pages >= 2, "the contents page and the part");
      assert.equal((await readFile(join(folder, "report.pdf"))).subarray(0, 5).toString("latin1"), "%PDF-");
    } finally {
      await printer.end();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
