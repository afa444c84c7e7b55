-- Thesis, Table #1 (ACI (2000)): firms and workers per sector, in Rio Grande do Sul and in the
-- Sinos Valley, one row per printed number with the sector and region it belongs to.
-- The "Total" row is left out: a chart of the sectors would draw it as one more sector. Its
-- printed numbers stay as printed in the table (one of them is not the sum of its column;
-- the audit page checks every total).
-- printed_cells (src/sql/shared/definitions.sql) joins each cell to its statistic.
SELECT
  row_label AS sector,
  row_order,
  split_part(column_label, ' / ', 1) AS region,
  * EXCLUDE (row_label, row_order, column_label)
FROM printed_cells('thesis_table_1')
WHERE row_label <> 'Total'
ORDER BY row_order, column_order
