-- Survey, Table-1 "Economic Significance of Clusters": every count of firms and workers
-- that the Employment column prints, one row per number, with the cluster it belongs to.
-- Shares (Jalisco's 23%, Guanajuato's 50%) are left out: they are not counts.
SELECT
  trim(regexp_extract(t.row_label, '^[^,(]+')) AS cluster,
  CAST(t.row_order AS INTEGER) AS row_order,
  s.id,
  s.subject,
  s.measure,
  s.unit,
  s.printed,
  s.value,
  s.value_low,
  s.value_high,
  s.qualifier,
  s.period
FROM survey_table_1 AS t
JOIN statistics AS s ON s.id = t.statistic_id
WHERE t.column_label = 'Employment' AND s.unit IN ('firms', 'workers')
ORDER BY t.row_order, s.unit, coalesce(s.value, s.value_low), s.id
