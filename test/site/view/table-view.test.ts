import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import type { PrintedTable } from "../../../data-loaders/normalize/table.ts";
import type { Statistic } from "../../../data-loaders/normalize/statistic.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { findingsByStatistic } from "../../../site/view/provenance.ts";
import { tableView } from "../../../site/view/table-view.ts";

describe("tableView on every printed table of the ledger", () => {
  let ledger: Ledger;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
  });
  const statisticsOf = (t: PrintedTable) => ledger.statistics.filter((s) => s.document === t.document && s.table === t.table);

  it("lays out the printed grid: every row and column label in printed order, each cell's text as printed, blank where nothing is printed", () => {
    for (const t of ledger.tables) {
      const view = tableView(ledger, t.key);
      assert.deepEqual([view.key, view.document, view.table, view.title, view.source, view.lines], [t.key, t.document, t.table, t.title, t.source, t.lines]);
      assert.deepEqual(view.columns, t.columns);
      assert.deepEqual(
        view.rows.map((r) => r.label),
        t.rows,
      );
      for (const row of view.rows) {
        assert.equal(row.cells.length, t.columns.length, `${t.key}, row ${row.label}`);
        row.cells.forEach((cell, i) => {
          const printed = t.cells.find((c) => c.row === row.label && c.column === t.columns[i]);
          assert.equal(cell.text, printed?.cell ?? "", `${t.key}, ${row.label} / ${t.columns[i]}`);
        });
      }
      // Every printed cell is shown once.
      assert.equal(view.rows.reduce((n, r) => n + r.cells.filter((c, i) => t.cells.some((p) => p.row === r.label && p.column === t.columns[i])).length, 0), t.cells.length);
    }
  });

  it("shows every number of a table once, in the cell or column header that prints it", () => {
    let numbers = 0;
    for (const t of ledger.tables) {
      const view = tableView(ledger, t.key);
      const shown: string[] = [];
      for (const row of view.rows) {
        row.cells.forEach((cell, i) => {
          for (const stat of cell.stats) {
            const s = ledger.statistics.find((x) => x.id === stat.id)!;
            assert.deepEqual([s.row_label, s.column_label, s.printed], [row.label, t.columns[i], stat.printed], stat.id);
            shown.push(stat.id);
          }
        });
      }
      for (const [column, stats] of Object.entries(view.headerStats)) {
        for (const stat of stats) {
          const s = ledger.statistics.find((x) => x.id === stat.id)!;
          assert.deepEqual([s.row_label, s.column_label], [null, column], stat.id);
          shown.push(stat.id);
        }
      }
      const expected = statisticsOf(t).map((s) => s.id);
      assert.deepEqual(shown.slice().sort(), expected.slice().sort(), t.key);
      numbers += expected.length;
    }
    assert.ok(numbers > 0);
    assert.ok(
      ledger.tables.some((t) => Object.keys(tableView(ledger, t.key).headerStats).length > 0),
      "some table prints a number in a column header (a group's N)",
    );
  });

  it("gives the provenance of every number of the table and no other, with its audit findings", () => {
    const findings = findingsByStatistic(ledger);
    for (const t of ledger.tables) {
      const view = tableView(ledger, t.key);
      const stats = statisticsOf(t);
      assert.deepEqual(Object.keys(view.provenance).sort(), stats.map((s) => s.id).sort(), t.key);
      for (const s of stats) {
        const p = view.provenance[s.id]!;
        assert.deepEqual([p.printed, p.quote, p.line, p.locator], [s.printed, s.quote, s.line, s.locator]);
        assert.deepEqual(p.findings, findings.get(s.id) ?? []);
      }
    }
  });

  it("refuses a key that names no table", () => {
    assert.throws(() => tableView(ledger, "thesis-table-99"), /invalid table key: thesis-table-99/);
  });
});

describe("tableView on a small made-up ledger", () => {
  const stat = (id: string, row: string | null, column: string, printed: string): Statistic =>
    ({ id, document: "survey", table: "Table-9", row_label: row, column_label: column, printed, quote: printed, line: 1, locator: "x", page: null, subject: "s", measure: "m", reading: null, unit: "count", period: null, cited_source: null, note: null }) as Statistic;
  const ledger = {
    units: new Map(),
    tidyTables: new Map(),
    statistics: [stat("a", "Firms", "1990", "12"), stat("b", "Firms", "1990", "about 12"), stat("n", null, "1990", "N=40"), stat("other", "Firms", "1991", "7")],
    tables: [
      {
        key: "survey-table-9",
        document: "survey",
        table: "Table-9",
        number: 9,
        title: "T",
        source: "S",
        lines: "1-2",
        notes: [],
        footnotes: [],
        stub: "Sector",
        row_groups: ["Labour"],
        rows: ["Firms", "Labour / Workers"],
        columns: ["1990", "1991"],
        cells: [
          { row: "Firms", column: "1990", cell: "12 (about 12)", raw_line: 2 },
          { row: "Labour / Workers", column: "1991", cell: "", raw_line: 3 },
        ],
        raw_file: "t.tsv",
      },
    ],
  } as unknown as Ledger;

  it("puts both numbers a cell prints in that cell, a header's N in headerStats, and only printed cells in the grid", () => {
    const view = tableView(ledger, "survey-table-9");
    assert.deepEqual(
      view.rows.map((r) => r.cells.map((c) => [c.text, c.stats.map((s) => s.id)])),
      [
        [
          ["12 (about 12)", ["a", "b"]],
          ["", []],
        ],
        [
          ["", []],
          ["", []],
        ],
      ],
    );
    assert.deepEqual(view.headerStats, { "1990": [{ id: "n", printed: "N=40" }] });
    assert.equal(view.stub, "Sector");
    // A row under a printed group keeps its full label as its key, and shows its own name under the group.
    assert.deepEqual(view.rows.map((r) => [r.label, r.group, r.name]), [["Firms", null, "Firms"], ["Labour / Workers", "Labour", "Workers"]]);
    assert.deepEqual(Object.keys(view.provenance).sort(), ["a", "b", "n", "other"]);
  });
});
