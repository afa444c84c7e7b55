// The shared views and macros (src/sql/shared/definitions.sql): how the file is read, which
// definitions a query pulls in, and, with real DuckDB over the ledger, that each one loads on
// its own and gives what the SQL it replaces gave, written out in full.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { LedgerDatabase, queryLedger } from "../../../site/loader/ledger-database.ts";
import { createLoaderContext } from "../../../site/loader/loader-context.ts";
import { definitionsNamedBy, parseSharedDefinitions, readSharedDefinitions, SHARED_SQL_FILE, type SharedDefinition } from "../../../site/loader/shared-sql.ts";
import { SQL_DIR } from "../../../site/paths.ts";
import produceQueries from "../../../src/data/explore/queries.json.ts";
import produceDefinitions from "../../../src/data/explore/definitions.json.ts";

const FILE = "/project/src/sql/shared/x.sql";

describe("parseSharedDefinitions", () => {
  it("reads each CREATE statement with the comment just above it, not the file's header", () => {
    const text = [
      "-- The file's header.",
      "",
      "-- A view of two columns.",
      "CREATE VIEW two AS",
      "SELECT 1 AS a, 2 AS b;",
      "",
      "CREATE MACRO twice(x) AS 2 * x; -- no comment above",
      "",
      "-- A trailing comment.",
    ].join("\n");
    assert.deepEqual(parseSharedDefinitions(text, FILE), [
      { name: "two", kind: "view", sql: "-- A view of two columns.\nCREATE VIEW two AS\nSELECT 1 AS a, 2 AS b;" },
      { name: "twice", kind: "macro", sql: "CREATE MACRO twice(x) AS 2 * x; -- no comment above" },
    ]);
  });

  it("stops at a statement that is not a CREATE VIEW or MACRO, naming its line", () => {
    assert.throws(() => parseSharedDefinitions("CREATE VIEW a AS SELECT 1;\n\n-- drop\nDROP TABLE statistics;\n", FILE), {
      message: /x\.sql:4: invalid statement: "DROP TABLE statistics;" \(not a CREATE VIEW or CREATE MACRO\)$/,
    });
    assert.throws(() => parseSharedDefinitions("CREATE TABLE t AS SELECT 1;\n", FILE), /x\.sql:1: invalid statement/);
  });

  it("stops at a name defined twice, two statements on one line, a missing ';', or a use before the definition", () => {
    assert.throws(() => parseSharedDefinitions("CREATE VIEW a AS SELECT 1;\nCREATE VIEW A AS SELECT 2;\n", FILE), /x\.sql:2: invalid name: "a" \(defined twice\)/);
    assert.throws(() => parseSharedDefinitions("CREATE VIEW a AS SELECT 1; CREATE VIEW b AS SELECT 2;\n", FILE), /x\.sql:1: invalid statement: .*more than one statement/);
    assert.throws(() => parseSharedDefinitions("CREATE VIEW a AS SELECT 1;\n\nCREATE VIEW b AS\nSELECT 2\n", FILE), /x\.sql:3: invalid statement: "CREATE VIEW b AS" \(no ";" at the end of a line\)/);
    assert.throws(() => parseSharedDefinitions("CREATE VIEW a AS SELECT * FROM b;\nCREATE VIEW b AS SELECT 2;\n", FILE), /invalid order: "a" \(uses b, defined below it\)/);
  });
});

describe("definitionsNamedBy", () => {
  const defs: SharedDefinition[] = parseSharedDefinitions(
    ["CREATE VIEW base_rows AS SELECT * FROM statistics;", "CREATE VIEW some_rows AS SELECT * FROM base_rows;", "CREATE MACRO half(x) AS x / 2;"].join("\n"),
    FILE,
  );
  const names = (sql: string) => definitionsNamedBy(sql, defs).map((d) => d.name);

  it("adds what a definition uses, in the file's order, and nothing a query does not name", () => {
    assert.deepEqual(names("SELECT half(value) FROM some_rows"), ["base_rows", "some_rows", "half"]);
    assert.deepEqual(names("SELECT * FROM statistics"), []);
    assert.deepEqual(names("SELECT * FROM my_some_rows_x"), [], "a longer name is not the definition's");
  });
});

describe("the shared file", () => {
  it("defines the views and macros the queries share, each of its own kind", async () => {
    const defs = await readSharedDefinitions();
    assert.deepEqual(
      defs.map((d) => `${d.kind} ${d.name}`),
      [
        "view dated_statistics",
        "view sialkot_export_statements",
        "view mexico_footwear_statements",
        "view devaluation_statements",
        "view in_text_statistics",
        "macro printed_cells",
        "macro wilson_low",
        "macro wilson_high",
      ],
    );
    for (const d of defs) assert.match(d.sql, /^--/m, `${d.name} says what it is`);
  });

  it("is used by the queries, and is not itself one of the example queries", async () => {
    const queries = (await readdir(SQL_DIR)).filter((f) => f.endsWith(".sql"));
    const defs = await readSharedDefinitions();
    const texts = await Promise.all(queries.map((f) => readFile(`${SQL_DIR}/${f}`, "utf8")));
    for (const d of defs) {
      assert.ok(texts.some((t) => definitionsNamedBy(t, defs).includes(d)), `${d.name} is used by a query`);
    }
    assert.ok(!queries.some((f) => SHARED_SQL_FILE.endsWith(`/sql/${f}`)));
  });
});

describe("the shared views and macros in DuckDB, over the ledger", () => {
  let ledger: Ledger;
  let defs: SharedDefinition[];
  let database: LedgerDatabase;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
    defs = await readSharedDefinitions();
    database = await LedgerDatabase.open(ledger);
  });
  after(() => database.close());

  /** The rows of `shared` and of `written` (the same without the shared definitions), sorted alike. */
  async function same(shared: string, written: string, what: string) {
    const [a, b] = await Promise.all([database.query(shared), database.query(written)]);
    assert.ok(b.length > 0, `${what}: the written-out query has rows`);
    assert.deepEqual(a, b, what);
  }

  it("each loads alone in a fresh engine, which creates the tables and definitions it uses first", async () => {
    for (const d of defs) {
      const sql = d.kind === "view" ? `SELECT count(*) AS n FROM ${d.name}` : d.name === "printed_cells" ? "SELECT count(*) AS n FROM printed_cells('thesis_table_8')" : `SELECT ${d.name}(0.5, 10) AS n`;
      const [row] = await queryLedger(ledger, sql);
      assert.ok(Number(row!.n) > 0, d.name);
    }
  });

  it("a query that fails after creating a macro leaves it created once: the next query uses it", async () => {
    const broken = await LedgerDatabase.open(ledger);
    try {
      await assert.rejects(broken.query("SELECT * FROM printed_cells('no_such_table')"), /no_such_table/);
      assert.equal((await broken.query("SELECT count(*) AS n FROM printed_cells('thesis_table_4')"))[0]!.n, ledger.tidyTables.get("thesis-table-4")!.filter((c) => c.statistic_id !== null).length);
    } finally {
      await broken.close();
    }
  });

  it("dated_statistics is every statistic of the text with the dated-statistic columns", () =>
    same(
      "SELECT * FROM dated_statistics ORDER BY id",
      `SELECT id, document, subject, measure, printed, reading, unit, value, value_low, value_high, qualifier, period,
              CAST(year_start AS INTEGER) AS year_start, CAST(year_end AS INTEGER) AS year_end, cited_source, quote, CAST(line AS INTEGER) AS line
       FROM statistics WHERE "table" IS NULL ORDER BY id`,
      "dated_statistics",
    ));

  it("in_text_statistics is every statistic of the text, projected as the pages list them", () =>
    same(
      "SELECT * FROM in_text_statistics ORDER BY id",
      `SELECT id, subject, replace(measure, '_', ' ') AS measure, printed, unit, period, cited_source, locator, CAST(line AS INTEGER) AS line,
              document, raw_file, raw_line
       FROM statistics WHERE "table" IS NULL ORDER BY id`,
      "in_text_statistics",
    ));

  for (const table of ["thesis_table_4", "thesis_table_8", "thesis_table_6"]) {
    it(`printed_cells('${table}') joins each cell of the table to its statistic`, () =>
      same(
        `SELECT * FROM printed_cells('${table}') ORDER BY row_order, column_order, id`,
        `SELECT t.row_label, CAST(t.row_order AS INTEGER) AS row_order, t.column_label, CAST(t.column_order AS INTEGER) AS column_order,
                s.id, s.subject, s.measure, s.unit, s.printed, s.value, s.value_low, s.value_high, s.qualifier, s.cited_source
         FROM ${table} AS t JOIN statistics AS s ON s.id = t.statistic_id ORDER BY row_order, column_order, id`,
        table,
      ));
  }

  it("wilson_low and wilson_high give, bit for bit, the formula written out, for Tables #6 and #7 and the edges", async () => {
    const cases = `SELECT value / 100 AS p, CAST(n AS DOUBLE) AS n FROM (
        SELECT s.value, z.value AS n FROM thesis_table_6 AS t JOIN statistics AS s ON s.id = t.statistic_id
        JOIN statistics AS z ON z."table" = 'Table #6' AND z.row_label IS NULL AND z.unit = 'respondents' AND z.column_label = t.column_label
        WHERE s.unit = 'percent'
        UNION ALL
        SELECT pct.value, cnt.value FROM thesis_table_7 AS a JOIN statistics AS pct ON pct.id = a.statistic_id AND pct.unit = 'percent'
        JOIN thesis_table_7 AS b ON b.row_order = a.row_order AND b.column_order = a.column_order
        JOIN statistics AS cnt ON cnt.id = b.statistic_id AND cnt.unit = 'respondents'
        UNION ALL SELECT * FROM (VALUES (0.0, 22), (100.0, 17), (50.0, 100), (0.0, 1), (100.0, 1))
      )`;
    const z = "1.959963984540054";
    const rows = await database.query(
      `SELECT p, n, wilson_low(p, n) AS low, wilson_high(p, n) AS high,
              CASE WHEN p = 0 THEN 0 ELSE greatest(0, ((p + ${z} * ${z} / (2 * n)) - ${z} * sqrt(p * (1 - p) / n + ${z} * ${z} / (4 * n * n))) / (1 + ${z} * ${z} / n)) END AS low_written,
              CASE WHEN p = 1 THEN 1 ELSE least(1, ((p + ${z} * ${z} / (2 * n)) + ${z} * sqrt(p * (1 - p) / n + ${z} * ${z} / (4 * n * n))) / (1 + ${z} * ${z} / n)) END AS high_written
       FROM (${cases})`,
    );
    assert.equal(rows.length, 12 + 12 + 5);
    for (const r of rows) {
      assert.equal(r.low, r.low_written, `low at p=${r.p}, n=${r.n}`);
      assert.equal(r.high, r.high_written, `high at p=${r.p}, n=${r.n}`);
      if (r.p === 0) assert.equal(r.low, 0);
      if (r.p === 1) assert.equal(r.high, 1);
    }
  });

  it("wilson_low takes another confidence level through z", async () => {
    const [row] = await database.query("SELECT wilson_low(0.5, 100) AS at95, wilson_low(0.5, 100, z := 2.5758293035489) AS at99");
    assert.ok((row!.at99 as number) < (row!.at95 as number));
  });
});

describe("the Explore page's loaders", () => {
  const context = createLoaderContext();
  after(() => context.close());

  it("publish the shared definitions as read from the file, and offer only src/sql/*.sql as examples", async () => {
    assert.deepEqual(JSON.parse(String(await produceDefinitions({}, context))), await readSharedDefinitions());
    const examples = JSON.parse(String(await produceQueries({}, context))) as { file: string; rows: unknown[] }[];
    assert.deepEqual(
      examples.map((e) => e.file),
      (await readdir(SQL_DIR)).filter((f) => f.endsWith(".sql")).sort(),
    );
    assert.ok(!examples.some((e) => /shared|definitions/.test(e.file)));
  });
});
