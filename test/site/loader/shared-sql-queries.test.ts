// The queries written with the shared views and macros (src/sql/shared/definitions.sql), run
// with real DuckDB and checked against the ledger itself: each gives every statistic it should,
// with the columns it had, and the in-text lists leave out exactly what the charts beside them draw.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import type { Statistic } from "../../../data-loaders/normalize/statistic.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { LedgerDatabase, type Row } from "../../../site/loader/ledger-database.ts";
import { SQL_DIR } from "../../../site/paths.ts";

const pick = <K extends keyof Statistic>(s: Statistic, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, s[k]])) as Pick<Statistic, K>;
const byText = (a: Statistic, b: Statistic) => a.line - b.line || (a.raw_file < b.raw_file ? -1 : a.raw_file > b.raw_file ? 1 : 0) || a.raw_line - b.raw_line;
const without = (row: Row, ...keys: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

/** A statistic as the in-text lists show it. */
const listed = (s: Statistic) => ({ ...pick(s, ["id", "subject"]), measure: s.measure.replaceAll("_", " "), ...pick(s, ["printed", "unit", "period", "cited_source", "locator", "line"]) });

const DATED = ["id", "document", "subject", "measure", "printed", "reading", "unit", "value", "value_low", "value_high", "qualifier", "period", "year_start", "year_end", "cited_source", "quote", "line"] as const;

describe("the queries that use the shared views and macros, against the ledger", () => {
  let ledger: Ledger;
  let database: LedgerDatabase;
  let text: Statistic[];
  const run = async (file: string) => database.query(await readFile(join(SQL_DIR, file), "utf8"));
  before(async () => {
    ledger = await readLedger(RAW_DIR);
    database = await LedgerDatabase.open(ledger);
    text = ledger.statistics.filter((s) => s.table === null);
  });
  after(() => database.close());

  /** The text's statistics a chart draws, by subject and measures, with the query's rows. */
  async function charted(file: string, subject: (s: Statistic) => boolean, extra: readonly string[], leftOut: readonly string[]) {
    const rows = await run(file);
    const expected = text.filter(subject).sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.ok(expected.length > 0, file);
    assert.deepEqual(
      rows.map((r) => without(r, ...extra)).sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)),
      expected.map((s) => without(pick(s, DATED) as Row, ...leftOut)),
      file,
    );
    for (const r of rows) assert.deepEqual(Object.keys(r).slice(0, extra.length), [...extra], `${file}: ${extra.join(", ")} first`);
  }

  it("thesis-sialkot-exports.sql draws every statement of Sialkot's exports in the text, in both documents", () =>
    charted("thesis-sialkot-exports.sql", (s) => s.subject === "Sialkot" && ["exports", "export_volume_change"].includes(s.measure), ["panel"], ["reading"]));

  it("thesis-guadalajara-imports.sql draws every statement of Mexico's footwear imports and production in the text", () =>
    charted("thesis-guadalajara-imports.sql", (s) => s.subject === "Mexico" && ["shoe_imports", "shoe_production", "import_share_of_footwear_consumption"].includes(s.measure), ["panel"], []));

  it("thesis-guadalajara-devaluation.sql draws the thesis's statements around the devaluation", () =>
    charted(
      "thesis-guadalajara-devaluation.sql",
      (s) =>
        s.document === "thesis" &&
        ((s.subject === "Camara de la Industria Del Calzado de Jalisco" && s.measure === "exporting_firms") || (s.subject === "Guadalajara" && ["footwear_output", "footwear_exports"].includes(s.measure))),
      ["panel", "side"],
      ["reading"],
    ));

  /** An in-text list: every text statistic of its sections, in the text's order, but those the charts beside it draw. */
  async function inText(file: string, inSections: (s: Statistic) => boolean, charts: readonly string[]) {
    const drawn = new Set((await Promise.all(charts.map(run))).flat().map((r) => r.id));
    assert.ok(charts.length === 0 || drawn.size > 0);
    const rows = await run(file);
    const sections = text.filter((s) => s.document === "thesis" && inSections(s)).sort(byText);
    assert.deepEqual(rows, sections.filter((s) => !drawn.has(s.id)).map(listed), file);
    return { rows, leftOut: sections.filter((s) => drawn.has(s.id)) };
  }

  it("thesis-sialkot-in-text.sql lists chapter 5, section 7.2 and note 10 but the export numbers the chart draws", async () => {
    const { leftOut } = await inText("thesis-sialkot-in-text.sql", (s) => s.locator.startsWith("5.") || s.locator.startsWith("7.2 ") || s.locator === "note 10", ["thesis-sialkot-exports.sql"]);
    assert.ok(leftOut.length > 0, "the chart draws numbers of these sections");
  });

  it("thesis-guadalajara-in-text.sql lists chapter 6 and section 7.3 but the numbers the two charts draw", async () => {
    const { leftOut } = await inText("thesis-guadalajara-in-text.sql", (s) => s.locator.startsWith("6.") || s.locator.startsWith("7.3 "), [
      "thesis-guadalajara-imports.sql",
      "thesis-guadalajara-devaluation.sql",
    ]);
    assert.ok(leftOut.length > 0, "the charts draw numbers of these sections");
  });

  it("thesis-sinos-valley-in-text.sql lists chapter 4 and section 7.1 with the section number first", async () => {
    const rows = await run("thesis-sinos-valley-in-text.sql");
    const expected = text.filter((s) => s.document === "thesis" && (s.locator.startsWith("4.") || s.locator.startsWith("7.1 "))).sort(byText);
    assert.ok(expected.length > 0);
    assert.deepEqual(
      rows,
      expected.map((s) => {
        const { locator, ...rest } = listed(s);
        return { section_number: String(locator).split(" ")[0], section: locator, ...rest };
      }),
    );
    assert.deepEqual(Object.keys(rows[0]!).slice(0, 3), ["section_number", "section", "id"]);
  });

  it("survey-in-text-by-cluster.sql lists every number of the survey's text, by line and id, with its group", async () => {
    const rows = await run("survey-in-text-by-cluster.sql");
    const expected = text.filter((s) => s.document === "survey").sort((a, b) => a.line - b.line || (a.id < b.id ? -1 : 1));
    assert.ok(expected.length > 0);
    assert.deepEqual(rows.map((r) => without(r, "cluster_group")), expected.map(listed));
    assert.ok(rows.every((r) => typeof r.cluster_group === "string" && Object.keys(r)[0] === "cluster_group"));
  });

  for (const n of [4, 8]) {
    it(`thesis-table-${n}-ratings.sql gives each cell of Table #${n} that holds a rating, with its statistic, in the printed order`, async () => {
      const rows = await run(`thesis-table-${n}-ratings.sql`);
      const byId = new Map(ledger.statistics.map((s) => [s.id, s]));
      const cells = ledger.tidyTables.get(`thesis-table-${n}`)!.filter((c) => c.statistic_id !== null);
      cells.sort((a, b) => a.row_order - b.row_order || a.column_order - b.column_order);
      assert.ok(cells.length > 0);
      assert.ok(rows.every((r) => r.subject !== undefined && String(r.id).startsWith("thesis.")));
      assert.deepEqual(
        rows,
        cells.map((c) => ({
          row_label: c.row_label,
          row_order: c.row_order,
          column_label: c.column_label,
          column_order: c.column_order,
          ...pick(byId.get(c.statistic_id!)!, ["id", "subject", "measure", "unit", "printed", "value", "value_low", "value_high", "qualifier", "cited_source"]),
        })),
      );
    });
  }
});
