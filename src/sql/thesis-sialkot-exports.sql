-- Sialkot's surgical-instrument exports as the two documents state them in their text: the
-- values in US dollars with the period each is printed for, and the thesis's one percent
-- change of export volumes. These are scattered statements, not a series: the thesis's
-- Figures #7 and #8 (images absent from the text) drew series that neither document prints.
-- Table-1 of the survey repeats the $125 million of 1995-1996; only the text's statement is drawn.
-- `panel` says which axis a number can share: dollars, or percent change.
-- Which numbers: the view sialkot_export_statements (src/sql/shared/definitions.sql), which
-- thesis-sialkot-in-text.sql leaves out of its list.
SELECT
  CASE WHEN unit = 'USD' THEN 'dollars' ELSE 'percent change' END AS panel,
  * EXCLUDE (reading) -- the chart shows each number as printed
FROM sialkot_export_statements
ORDER BY panel, year_start, document, id
