-- Sialkot's surgical-instrument exports as the two documents state them in their text: the
-- values in US dollars with the period each is printed for, and the thesis's one percent
-- change of export volumes. These are scattered statements, not a series: the thesis's
-- Figures #7 and #8 (images absent from the text) drew series that neither document prints.
-- Table-1 of the survey repeats the $125 million of 1995-1996; only the text's statement is drawn.
-- `panel` says which axis a number can share: dollars, or percent change.
SELECT
  CASE WHEN unit = 'USD' THEN 'dollars' ELSE 'percent change' END AS panel,
  id,
  document,
  subject,
  measure,
  printed,
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
WHERE subject = 'Sialkot'
  AND "table" IS NULL
  AND measure IN ('exports', 'export_volume_change')
ORDER BY panel, year_start, document, id
