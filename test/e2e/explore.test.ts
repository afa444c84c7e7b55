import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { outputTables } from "../../data-loaders/publish/output-tables.ts";
import { viewName } from "../../site/loader/ledger-database.ts";
import { readSharedDefinitions, type SharedDefinition } from "../../site/loader/shared-sql.ts";
import { builtPages, cellsSettled, DIST, useSite } from "./site.ts";

interface Example {
  file: string;
  sql: string;
  rows: Record<string, unknown>[];
}

async function published<T>(name: string): Promise<T> {
  const folder = join(DIST, "_file", "data", "explore");
  const file = (await readdir(folder)).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.json$`).test(f));
  assert.ok(file, `no published ${name}.json`);
  return JSON.parse(await readFile(join(folder, file), "utf8"));
}

const builtExamples = () => published<Example[]>("queries");

describe("the Explore page", () => {
  const site = useSite();

  async function openExplore(search = ""): Promise<Page> {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/explore${search}`, { waitUntil: "domcontentloaded" });
    await page.locator(".explorer").waitFor();
    return page;
  }

  async function status(page: Page): Promise<string> {
    await page.waitForFunction(() => {
      const text = document.querySelector(".explorer-status")?.textContent ?? "";
      return /rows \(showing|failed|Cancelled/.test(text);
    }, null, { timeout: 60_000 });
    return (await page.locator(".explorer-status").textContent()) ?? "";
  }

  const queryAll = (page: Page, sql: string) =>
    page.evaluate((text) => (document.querySelector(".explorer") as unknown as { queryAll(s: string): Promise<unknown[]> }).queryAll(text), sql);

  it("runs a query given in the URL on load, and its answer matches build-time DuckDB", async () => {
    const example = (await builtExamples()).find((e) => e.file === "survey-table-1-coverage.sql")!;
    const page = await openExplore(`?sql=${encodeURIComponent(example.sql)}`);
    assert.match(await status(page), new RegExp(`^${example.rows.length} rows`));
    const shown = await page.locator(".explorer-table tbody tr").count();
    assert.equal(shown, example.rows.length);
    assert.deepEqual(await queryAll(page, example.sql), example.rows);
    await page.close();
  });

  it("returns, in the browser, exactly what build-time DuckDB returned for every example query", async () => {
    const examples = await builtExamples();
    assert.ok(examples.length >= 3);
    const page = await openExplore();
    for (const example of examples) {
      assert.deepEqual(await queryAll(page, example.sql), example.rows, example.file);
    }
    await page.close();
  });

  it("reads every published field as the build wrote it: an empty string stays empty, NULL stays NULL", async () => {
    const page = await openExplore();
    const mismatches: string[] = [];
    let empty = 0;
    for (const table of outputTables(await readLedger(RAW_DIR))) {
      const name = viewName(table.path);
      const expected = table.rows() as Record<string, unknown>[];
      const shown = (await queryAll(page, `SELECT * FROM "${name}" ORDER BY rowid`)) as Record<string, unknown>[];
      assert.equal(shown.length, expected.length, name);
      expected.forEach((row, i) => {
        for (const column of table.columns) {
          const written = row[column.name] ?? null;
          const read = shown[i]![column.name];
          if (written === "") empty++;
          const same = written === null ? read === null : column.type === "VARCHAR" ? read === written : read === Number(written);
          if (!same) mismatches.push(`${name}, row ${i + 1}, ${column.name}: ${JSON.stringify(written)} read as ${JSON.stringify(read)}`);
        }
      });
    }
    assert.deepEqual(mismatches.slice(0, 20), []);
    assert.ok(empty > 0, "the published tables hold empty strings");
    await page.close();
  });

  it("keeps the URL in step with the query the reader runs", async () => {
    const page = await openExplore();
    const sql = "SELECT document, count(*)::INTEGER AS n FROM statistics GROUP BY document ORDER BY document";
    await page.locator("#sql-editor").fill(sql);
    await page.locator("button.run").click();
    assert.match(await status(page), /^2 rows/);
    assert.equal(new URL(page.url()).searchParams.get("sql"), sql);
    assert.ok(await page.locator(".explorer-chart svg rect").count() === 2, "a quick chart of the category and the number");
    await page.close();
  });

  it("reaches no URL and changes nothing: external reads, writes and settings fail", async () => {
    const page = await openExplore();
    const attempts = [
      `SELECT * FROM read_text('${site.origin}/explore')`,
      `SELECT * FROM read_csv('${site.origin}/_file/data/csv/units.csv')`,
      "SELECT * FROM read_csv('https://example.com/x.csv')",
      "DROP TABLE statistics",
      "SELECT 1; DROP TABLE statistics",
      "SET enable_external_access = true",
    ];
    for (const sql of attempts) {
      await page.locator("#sql-editor").fill(sql);
      await page.locator("button.run").click();
      assert.match(await status(page), /failed/, sql);
      assert.ok((await page.locator(".explorer-error").textContent())!.length > 0);
    }
    assert.deepEqual(await queryAll(page, "SELECT count(*)::INTEGER AS n FROM statistics").then((r) => (r as { n: number }[])[0]!.n > 0), true);
    await page.close();
  });

  it("creates the shared views and macros from src/sql/shared/definitions.sql: a reader's query uses them and cannot redefine them", async () => {
    const definitions = await published<SharedDefinition[]>("definitions");
    assert.deepEqual(definitions, await readSharedDefinitions(), "published as the file defines them");
    const page = await openExplore();
    assert.deepEqual(await page.locator("pre.shared-definition").allTextContents(), definitions.map((d) => d.sql), "shown on the page");
    const counts = async () => {
      const views = definitions.filter((d) => d.kind === "view").map((d) => `(SELECT count(*) FROM ${d.name})::INTEGER AS ${d.name}`);
      return (await queryAll(page, `SELECT ${views.join(", ")}, 100 * wilson_low(0.5, 100) AS low, (SELECT count(*) FROM printed_cells('thesis_table_4'))::INTEGER AS cells`))[0] as Record<string, number>;
    };
    const before = await counts();
    assert.ok(Object.values(before).every((n) => n > 0), JSON.stringify(before));
    assert.ok(Math.abs(before.low! - 40.38) < 5e-3, "the Wilson lower bound of 50% of 100");
    for (const sql of [
      "CREATE OR REPLACE VIEW in_text_statistics AS SELECT 1 AS id",
      "CREATE OR REPLACE MACRO wilson_low(p, n) AS 0",
      "DROP VIEW dated_statistics",
      "DROP MACRO TABLE printed_cells",
      "SELECT 1; CREATE OR REPLACE MACRO wilson_high(p, n) AS 1",
    ]) {
      await page.locator("#sql-editor").fill(sql);
      await page.locator("button.run").click();
      assert.match(await status(page), /failed/, sql);
    }
    assert.deepEqual(await counts(), before, "the definitions are unchanged");
    await page.close();
  });

  async function failure(page: Page, sql: string): Promise<string> {
    await page.locator("#sql-editor").fill(sql);
    await page.locator("button.run").click();
    assert.match(await status(page), /failed/, sql);
    return (await page.locator(".explorer-error").textContent()) ?? "";
  }

  it("names what the reader did: a statement that changes something, and several statements", async () => {
    const page = await openExplore();
    const changes: [string, string][] = [
      ["INSERT INTO statistics SELECT * FROM statistics", "INSERT"],
      ["CREATE TABLE t AS SELECT 1", "CREATE"],
      ["DROP TABLE statistics", "DROP"],
      ["SET enable_external_access = true", "SET"],
      ["COPY statistics TO 'out.csv'", "COPY"],
      ["ATTACH 'other.db'", "ATTACH"],
      ["INSTALL httpfs", "INSTALL"],
      ["LOAD httpfs", "LOAD"],
      ["PRAGMA version", "PRAGMA"],
      ["WITH x AS (SELECT 1) DELETE FROM statistics", "DELETE"],
    ];
    for (const [sql, verb] of changes) {
      const message = await failure(page, sql);
      assert.match(message, /^Only SELECT, WITH, DESCRIBE, SUMMARIZE and SHOW are allowed: /, sql);
      assert.ok(message.includes(` ${verb} `), `${sql}: ${message}`);
      assert.doesNotMatch(message, /near "\)"/, sql);
    }
    for (const sql of ["SELECT 1; SELECT 2", "SELECT 1; DROP TABLE statistics", "SELECT 1;\nSET threads = 1;"]) {
      assert.match(await failure(page, sql), /^One statement at a time: this query holds 2 statements/, sql);
    }
    await page.locator("#sql-editor").fill("DESCRIBE statistics; -- the columns");
    await page.locator("button.run").click();
    assert.match(await status(page), /^\d+ rows/, "one statement and a comment after its semicolon runs");
    assert.ok((await queryAll(page, "SELECT count(*)::INTEGER AS n FROM statistics"))[0], "the tables are still there");
    await page.close();
  });

  it("gives DuckDB's errors whole, without the wrapped query or advice the console forbids", async () => {
    const page = await openExplore();
    const misspelt = await failure(page, "SELECT * FROM statistcs");
    assert.match(misspelt, /statistcs does not exist/);
    assert.match(misspelt, /Did you mean "statistics"\?/);
    for (const [sql, extension] of [["SELECT json('{}')", "json"], ["SELECT * FROM read_parquet('x.parquet')", "parquet"], ["SELECT st_point(1, 2)", "spatial"]] as const) {
      const message = await failure(page, sql);
      assert.match(message, new RegExp(`\\b${extension}\\b.*cannot install or load|cannot install or load.*\\b${extension}\\b`, "s"), `${sql}: ${message}`);
      assert.doesNotMatch(message, /:$|\bINSTALL \w+;|\bLOAD \w+;|\bSET \w+/, `${sql}: ${message}`);
    }
    for (const sql of ["SELECT * FROM range(3) ORDER BY x", "SELECT 'abc'::INTEGER"]) {
      assert.doesNotMatch(await failure(page, sql), /LINE \d+:|SELECT \* FROM \(/, sql);
    }
    await page.close();
  });

  it("starts no second query while one runs: Ctrl+Enter waits for it or for Cancel", async () => {
    const page = await openExplore();
    const slow = "SELECT count(*) FROM range(100000000000) a";
    await page.locator("#sql-editor").fill(slow);
    await page.locator("button.run").click();
    await page.waitForFunction(() => document.querySelector(".explorer-status")?.textContent === "Running…", null, { timeout: 60_000 });
    assert.ok(await page.locator("button.run").isDisabled());
    await page.locator("#sql-editor").fill("SELECT 42 AS answer");
    await page.locator("#sql-editor").press("Control+Enter");
    // The key's handler runs before press() resolves: a second run would have put its SQL in the URL.
    assert.equal(new URL(page.url()).searchParams.get("sql"), slow);
    assert.equal(await page.locator(".explorer-status").textContent(), "Running…");
    await page.locator("button.cancel").click();
    assert.match(await status(page), /Cancelled/);
    await page.locator("#sql-editor").press("Control+Enter");
    assert.match(await status(page), /^1 rows/);
    assert.equal(new URL(page.url()).searchParams.get("sql"), "SELECT 42 AS answer");
    await page.close();
  });

  it("loads and runs a shared link whose ?sql= is 64 kB long", async () => {
    const sql = `SELECT 42 AS answer /* ${"a comment that makes a long link ".repeat(2048)} */`;
    assert.ok(encodeURIComponent(sql).length >= 64 * 1024);
    const page = await openExplore(`?sql=${encodeURIComponent(sql)}`);
    assert.match(await status(page), /^1 rows/);
    assert.equal(await page.locator(".explorer-table tbody td").first().textContent(), "42");
    await page.reload({ waitUntil: "domcontentloaded" });
    assert.match(await status(page), /^1 rows/, "and again on reload");
    await page.close();
  });

  it("pages a million-row result instead of rendering it whole", async () => {
    const page = await openExplore();
    await page.locator("#sql-editor").fill("SELECT range AS n FROM range(1000000)");
    await page.locator("button.run").click();
    assert.match(await status(page), /^1,000,000 rows \(showing 1–100\)/);
    assert.equal(await page.locator(".explorer-table tbody tr").count(), 100);
    await page.getByRole("button", { name: "Next →" }).click();
    assert.match(await status(page), /showing 101–200/);
    assert.equal(await page.locator(".explorer-table tbody tr").first().locator("td").textContent(), "100");
    await page.close();
  });

  it("cancels a query that runs too long, and runs the next one", async () => {
    const page = await openExplore();
    await page.locator("#sql-editor").fill("SELECT count(*) FROM range(100000000000) a");
    await page.locator("button.run").click();
    await page.waitForFunction(() => document.querySelector(".explorer-status")?.textContent === "Running…", null, { timeout: 60_000 });
    await page.locator("button.cancel").click();
    assert.match(await status(page), /Cancelled/);
    await page.locator("#sql-editor").fill("SELECT 42 AS answer");
    await page.locator("button.run").click();
    assert.match(await status(page), /^1 rows/);
    await page.close();
  });

  it("is the only page that fetches DuckDB's WASM, and a reader who only reads fetches none", async () => {
    for (const path of (await builtPages()).filter((p) => p !== "/explore")) {
      const context = await site.browser.newContext();
      const fetched: string[] = [];
      context.on("request", (request) => {
        if (/\.wasm$|duckdb/i.test(request.url())) fetched.push(request.url());
      });
      const page = await context.newPage();
      await page.goto(site.origin + path, { waitUntil: "networkidle" });
      await cellsSettled(page);
      // Read to the end, then wait until the page stands there and every cell has settled again:
      // whatever reading starts has asked for its files by then.
      await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" }));
      await page.waitForFunction(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight);
      await cellsSettled(page);
      assert.deepEqual(fetched, [], path);
      await context.close();
    }
  });
});
