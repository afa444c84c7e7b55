-- Views and macros shared by the report's queries (src/sql/*.sql). Each one names a selection
-- or a formula that more than one query needs, so that it is written once: the queries that
-- use them say only what is theirs. Build-time DuckDB (site/loader/ledger-database.ts) creates
-- each one the first time a query names it; the Explore page creates them all in the reader's
-- browser after loading the tables, so the example queries run there unchanged and a reader's
-- query can use them too.
--
-- Format: one CREATE VIEW or CREATE MACRO per statement, each ending with ";" at the end of a
-- line, after the comment that says what it is; a statement may use only those above it.

-- Every number the running text states (not a printed table's cell), with the columns the
-- charts that place numbers on a year axis draw from (site/charts/timeline.ts, DatedStatistic).
-- `reading` says how a number printed without its scale is read ("245.2" as 245.2 million).
CREATE VIEW dated_statistics AS
SELECT
  id,
  document,
  subject,
  measure,
  printed,
  reading,
  unit,
  value,
  value_low,
  value_high,
  qualifier,
  period,
  CAST(year_start AS INTEGER) AS year_start,
  CAST(year_end AS INTEGER) AS year_end,
  cited_source,
  quote,
  CAST(line AS INTEGER) AS line
FROM statistics
WHERE "table" IS NULL;

-- What the text states about Sialkot's surgical-instrument exports, in both documents: the
-- values in US dollars and the thesis's percent change of export volumes. Drawn by
-- thesis-sialkot-exports.sql; thesis-sialkot-in-text.sql lists the chapter's other numbers.
CREATE VIEW sialkot_export_statements AS
SELECT *
FROM dated_statistics
WHERE subject = 'Sialkot' AND measure IN ('exports', 'export_volume_change');

-- What the two documents state about Mexico's footwear imports and production: the survey's
-- imports and production in pairs and the thesis's share of imports in domestic consumption.
-- Drawn by thesis-guadalajara-imports.sql; thesis-guadalajara-in-text.sql lists the other numbers.
CREATE VIEW mexico_footwear_statements AS
SELECT *
FROM dated_statistics
WHERE subject = 'Mexico' AND measure IN ('shoe_imports', 'shoe_production', 'import_share_of_footwear_consumption');

-- What the thesis states about Guadalajara's exports around the 1994 peso devaluation: the
-- Camara del Calzado's exporting firms, and Guadalajara's pairs manufactured before and
-- exported after. Drawn by thesis-guadalajara-devaluation.sql; thesis-guadalajara-in-text.sql
-- lists the other numbers.
CREATE VIEW devaluation_statements AS
SELECT *
FROM dated_statistics
WHERE document = 'thesis'
  AND (
    (subject = 'Camara de la Industria Del Calzado de Jalisco' AND measure = 'exporting_firms')
    OR (subject = 'Guadalajara' AND measure IN ('footwear_output', 'footwear_exports'))
  );

-- Every number the running text states (not a printed table's cell), as the pages list them:
-- the measure in words, the line as an integer. `document`, `raw_file` and `raw_line` are there
-- to choose and order the rows by; a listing leaves them out (SELECT * EXCLUDE (…)).
CREATE VIEW in_text_statistics AS
SELECT
  id,
  subject,
  replace(measure, '_', ' ') AS measure,
  printed,
  unit,
  period,
  cited_source,
  locator,
  CAST(line AS INTEGER) AS line,
  document,
  raw_file,
  raw_line
FROM statistics
WHERE "table" IS NULL;

-- The numbers of a printed table, one row per cell, with the cell's place in the printed grid:
-- `tidy_table` names the table's tidy view ('thesis_table_4'). Tables #4 and #8 print ratings
-- in the same grid of rows and columns and are drawn by the same chart.
CREATE MACRO printed_cells(tidy_table) AS TABLE
SELECT
  t.row_label,
  CAST(t.row_order AS INTEGER) AS row_order,
  t.column_label,
  CAST(t.column_order AS INTEGER) AS column_order,
  s.id,
  s.subject,
  s.measure,
  s.unit,
  s.printed,
  s.value,
  s.value_low,
  s.value_high,
  s.qualifier,
  s.cited_source
FROM query_table(tidy_table) AS t
JOIN statistics AS s ON s.id = t.statistic_id;

-- The 95% Wilson score interval for a proportion p observed in n cases, as proportions, for the
-- percentages of Tables #6 and #7. z = 1.959963984540054 is the 97.5% point of the standard
-- normal; pass z := … for another level.
--   centre = (p + z²/(2n)) / (1 + z²/n)
--   half   = z / (1 + z²/n) * sqrt(p(1 - p)/n + z²/(4n²))
--   [centre - half, centre + half], clipped to [0, 1]. At p = 0 the lower bound is exactly 0 and
--   at p = 1 the upper bound exactly 1; floating point would miss them by 1e-16.
CREATE MACRO wilson_low(p, n, z := 1.959963984540054) AS
  CASE WHEN p = 0 THEN 0
       ELSE greatest(0, ((p + z * z / (2 * n)) - z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)) END;

-- The upper bound of the same interval.
CREATE MACRO wilson_high(p, n, z := 1.959963984540054) AS
  CASE WHEN p = 1 THEN 1
       ELSE least(1, ((p + z * z / (2 * n)) + z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)) END;
