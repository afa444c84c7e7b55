-- Thesis, Table #6 "Improvements in Cooperation with Suppliers" (Sialkot; Nadvi 1999, p. 1614):
-- every printed percentage, with the firm-size group's N from its column header, and a 95%
-- Wilson score interval computed from the two. The interval is ours, not the thesis's: it
-- treats each group as a simple random sample of firms, which the thesis does not claim.
--
-- Wilson score interval for a proportion p = percentage / 100 observed in n firms, z = 1.959964
-- (the 97.5% point of the standard normal):
--   centre = (p + z²/(2n)) / (1 + z²/n)
--   half   = z / (1 + z²/n) * sqrt(p(1 - p)/n + z²/(4n²))
--   [centre - half, centre + half], returned in percent. At p = 0 the lower bound is exactly 0
--   and at p = 1 the upper bound exactly 100; floating point would miss them by 1e-14.
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
         c.value / 100 AS p, 1.959963984540054 AS z
  FROM cells AS c
  JOIN sizes AS z USING (column_label)
)
SELECT
  row_order, row_label, group_order, group_label,
  id, printed, value, value_low, value_high, qualifier,
  n_id, n_printed, n_reading, n,
  CASE WHEN p = 0 THEN 0
       ELSE 100 * greatest(0, ((p + z * z / (2 * n)) - z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)) END AS wilson_low,
  CASE WHEN p = 1 THEN 100
       ELSE 100 * least(1, ((p + z * z / (2 * n)) + z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)) END AS wilson_high
FROM proportions
ORDER BY row_order, group_order
