-- Thesis, Table #4: every printed rating, one row per cell, with its place in the printed grid
-- (row = dimension of governance, column = market). The ledger reads each rating on
-- the 1..5 scale of data-loaders/parse/ordinal.ts (low 1, medium low 2, medium 3, medium high 4,
-- high 5); a printed range ("Medium to High") has value NULL and its two ends in
-- value_low and value_high.
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
FROM thesis_table_4 AS t
JOIN statistics AS s ON s.id = t.statistic_id
ORDER BY t.row_order, t.column_order
