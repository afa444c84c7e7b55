-- Thesis, Table #8: every printed rating, one row per cell, with its place in the printed grid
-- (row = success criterion, column = cluster). The ledger reads each rating on
-- the 1..5 scale of data-loaders/parse/ordinal.ts (low 1, medium low 2, medium 3, medium high 4,
-- high 5); a printed range ("Medium to High") has value NULL and its two ends in
-- value_low and value_high.
-- printed_cells (src/sql/shared/definitions.sql) joins each cell to its statistic.
SELECT *
FROM printed_cells('thesis_table_8')
ORDER BY row_order, column_order
