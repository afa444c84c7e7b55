import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
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
});
