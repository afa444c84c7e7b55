-- Thesis, chapter 5 (Sialkot) and section 7.2 (linkages in the Sialkot cluster): every number
-- stated in the running text, and in note 10 (on ISO 9000, which the chapter's "ISO 9000" at
-- line 3336 refers to), in the order of the text. The two export numbers the page charts
-- (exports "up until 1992" and the rebound "by late 1997", the view sialkot_export_statements
-- that thesis-sialkot-exports.sql draws) are left out, as are Table #6's cells. The view
-- in_text_statistics (src/sql/shared/definitions.sql) holds the text's numbers as pages list them.
SELECT * EXCLUDE (document, raw_file, raw_line)
FROM in_text_statistics
WHERE document = 'thesis'
  AND (locator LIKE '5.%' OR locator LIKE '7.2 %' OR locator = 'note 10')
  AND id NOT IN (SELECT id FROM sialkot_export_statements)
ORDER BY line, raw_file, raw_line
