-- Survey, Table-1: for each printed column, how many clusters the table gives a number for,
-- how many cells read "n.a.", and how many numbers the column prints in all.
SELECT
  column_label AS "column",
  CAST(count(DISTINCT row_label) FILTER (WHERE statistic_id IS NOT NULL) AS INTEGER) AS clusters_with_numbers,
  CAST(count(DISTINCT row_label) FILTER (WHERE lower(trim(cell)) = 'n.a.') AS INTEGER) AS clusters_not_available,
  CAST(count(statistic_id) AS INTEGER) AS numbers
FROM survey_table_1
GROUP BY column_label, column_order
ORDER BY column_order
