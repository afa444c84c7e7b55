-- Thesis, chapter 5 (Sialkot) and section 7.2 (linkages in the Sialkot cluster): every number
-- stated in the running text, and in note 10 (on ISO 9000, which the chapter's "ISO 9000" at
-- line 3336 refers to), in the order of the text. The two export numbers the page charts
-- (exports "up until 1992" and the rebound "by late 1997") are left out, as are Table #6's cells.
SELECT
  id,
  subject,
  replace(measure, '_', ' ') AS measure,
  printed,
  unit,
  period,
  cited_source,
  locator,
  CAST(line AS INTEGER) AS line
FROM statistics
WHERE document = 'thesis'
  AND "table" IS NULL
  AND (locator LIKE '5.%' OR locator LIKE '7.2 %' OR locator = 'note 10')
  AND NOT (subject = 'Sialkot' AND measure IN ('exports', 'export_volume_change'))
ORDER BY line, raw_file, raw_line
