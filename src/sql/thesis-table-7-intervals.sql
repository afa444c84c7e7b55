-- Thesis, Table #7 "Post-Liberalization Cooperation with Buyers" (Guadalajara; Rabellotti 1999,
-- p. 1577): every printed percentage with the number of respondents printed in the same cell
-- ("67.2 (N=61)"), and a 95% Wilson score interval computed from the two. The interval is ours,
-- not the thesis's: it treats each market's respondents as a simple random sample of firms,
-- which the thesis does not claim. "N025" (Information exchange, International Market) is read
-- as N=25; that statistic's `reading` column says so, and n_reading carries it here.
--
-- The macros wilson_low and wilson_high (src/sql/shared/definitions.sql, with the formula) take
-- the proportion p = percentage / 100 observed in n firms; the bounds are returned in percent.
WITH cells AS (
  SELECT
    CAST(t.row_order AS INTEGER) AS row_order,
    CAST(t.column_order AS INTEGER) AS group_order,
    t."row" AS row_label,
    t."column" AS group_label,
    s.id, s.printed, s.reading, s.value, s.value_low, s.value_high, s.qualifier, s.unit
  FROM thesis_table_7 AS t
  JOIN statistics AS s ON s.id = t.statistic_id
),
proportions AS (
  SELECT
    pct.row_order, pct.row_label, pct.group_order, pct.group_label,
    pct.id, pct.printed, pct.value, pct.value_low, pct.value_high, pct.qualifier,
    cnt.id AS n_id, cnt.printed AS n_printed, cnt.reading AS n_reading, CAST(cnt.value AS DOUBLE) AS n,
    pct.value / 100 AS p
  FROM cells AS pct
  JOIN cells AS cnt ON cnt.row_order = pct.row_order AND cnt.group_order = pct.group_order AND cnt.unit = 'respondents'
  WHERE pct.unit = 'percent'
)
SELECT
  row_order, row_label, group_order, group_label,
  id, printed, value, value_low, value_high, qualifier,
  n_id, n_printed, n_reading, n,
  100 * wilson_low(p, n) AS wilson_low,
  100 * wilson_high(p, n) AS wilson_high
FROM proportions
ORDER BY row_order, group_order
