import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { analyseBuildLog, changedText, DATA_CHANGE } from "../../scripts/bench/build.ts";

describe("the bench's data change", () => {
  it("sets one field of one statistic's row, and changes nothing else", async () => {
    const text = await readFile(DATA_CHANGE.file, "utf8");
    const changed = changedText(text);
    const before = text.split("\n");
    const after = changed.split("\n");
    const differing = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    assert.equal(differing.length, 1);
    const header = before.find((l) => l.startsWith("id\t"))!.split("\t");
    const [was, now] = [before[differing[0]!]!.split("\t"), after[differing[0]!]!.split("\t")];
    assert.equal(now[0], DATA_CHANGE.id);
    header.forEach((name, i) => assert.equal(now[i] ?? "", name === DATA_CHANGE.field ? DATA_CHANGE.to : (was[i] ?? ""), name));
  });

  it("refuses a file without the row, and a change already made", async () => {
    const text = await readFile(DATA_CHANGE.file, "utf8");
    assert.throws(() => changedText(`id\tnote\nother\tx\n`), /no row/);
    assert.throws(() => changedText(changedText(text)), /no row/);
  });
});

describe("the bench's reading of a build log", () => {
  it("finds the loader process's summary and what Framework ran itself", () => {
    const lines = [
      { at: 900, text: "load /audit in 600ms" },
      { at: 3000, text: "loader outputs rebuilt: ran 71 loaders in 2500 ms, in one process (charts: 2 drawn, 20 reused, 2 old drawings dropped)" },
      { at: 3500, text: "built 12 pages in src" },
      { at: 3600, text: "copy src/data/x.py.json → load /data/x.json → [missing] success 1 kB in 120ms" },
      { at: 5000, text: "render /index → dist/index.html" },
      { at: 5100, text: "number pages: where each number is shown, from 10 pages, in 80 ms" },
      { at: 5200, text: "number pages: 279 written in 290 ms" },
      { at: 5250, text: "pdf: report.pdf, 30 pages, 600 kB, 13 parts, 20 tables, 30 figures, 900 endnotes; step 1500 ms (composed 500 ms, printed 700 ms; Chromium started beside Framework in 600 ms)" },
      { at: 5300, text: "finalized 12 pages" },
    ];
    const { loaders, phases, pdf, numberPages } = analyseBuildLog(lines, 5400);
    assert.deepEqual(pdf, { stepMs: 1500, composedMs: 500, printedMs: 700 });
    assert.deepEqual(numberPages, { pages: 279, ms: 290 });
    assert.deepEqual(analyseBuildLog(lines.slice(0, 3), 3600).pdf, null, "no PDF line, no PDF time");
    assert.deepEqual(loaders.inProcess, { count: 71, ms: 2500, drawn: 2, reused: 20 });
    assert.deepEqual(loaders.framework, { count: 1, ms: 120, slowest: [{ name: "/data/x.json", ms: 120 }] });
    assert.equal(phases.reduce((sum, p) => sum + p.ms, 0), 5400);
    assert.equal(phases.find((p) => p.name.includes("PDF"))?.ms, 250, "finalizing and the PDF, up to its line");
  });
});
