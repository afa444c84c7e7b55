-- Thesis, Table #1 (ACI (2000)): firms and workers per sector, in Rio Grande do Sul and in the
-- Sinos Valley, one row per printed number with the sector and region it belongs to.
-- The "Total" row is left out: a chart of the sectors would draw it as one more sector. Its
-- printed numbers stay as printed in the table (one of them is not the sum of its column;
-- the audit page checks every total).
SELECT
  t.row_label AS sector,
  CAST(t.row_order AS INTEGER) AS row_order,
  split_part(t.column_label, ' / ', 1) AS region,
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
FROM thesis_table_1 AS t
JOIN statistics AS s ON s.id = t.statistic_id
WHERE t.row_label <> 'Total'
ORDER BY t.row_order, t.column_order
