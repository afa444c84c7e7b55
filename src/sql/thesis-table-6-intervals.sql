-- Thesis, Table #6 "Improvements in Cooperation with Suppliers" (Sialkot; Nadvi 1999, p. 1614):
-- every printed percentage, with the firm-size group's N from its column header, and a 95%
-- Wilson score interval computed from the two. The interval is ours, not the thesis's: it
-- treats each group as a simple random sample of firms, which the thesis does not claim.
--
-- The macros wilson_low and wilson_high (src/sql/shared/definitions.sql, with the formula) take
-- the proportion p = percentage / 100 observed in n firms; the bounds are returned in percent.
-- The N rows are statistics of Table #6 with no row label, whose column label is the column's.
WITH cells AS (
  SELECT
    CAST(t.row_order AS INTEGER) AS row_order,
    CAST(t.column_order AS INTEGER) AS group_order,
    t."row" AS row_label,
    t."column" AS group_label,
    t.column_label,
    s.id, s.printed, s.value, s.value_low, s.value_high, s.qualifier
  FROM thesis_table_6 AS t
  JOIN statistics AS s ON s.id = t.statistic_id
  WHERE s.unit = 'percent'
),
sizes AS (
  SELECT column_label, id AS n_id, printed AS n_printed, reading AS n_reading, value AS n
  FROM statistics
  WHERE document = 'thesis' AND "table" = 'Table #6' AND row_label IS NULL AND unit = 'respondents'
),
proportions AS (
  SELECT c.*, z.n_id, z.n_printed, z.n_reading, CAST(z.n AS DOUBLE) AS n,
         c.value / 100 AS p
  FROM cells AS c
  JOIN sizes AS z USING (column_label)
)
SELECT
  row_order, row_label, group_order, group_label,
  id, printed, value, value_low, value_high, qualifier,
  n_id, n_printed, n_reading, n,
  100 * wilson_low(p, n) AS wilson_low,
  100 * wilson_high(p, n) AS wilson_high
FROM proportions
ORDER BY row_order, group_order
