-- Thesis, the Sinos Valley case: every number stated in the running text (not in a table) of
-- chapter 4 (lines 2409-3124: sections 4.1 to 4.6, on the Sinos Valley, Brazil, the US
-- market and the cluster's associations) and of section 7.1 (lines 4077-4246, the cluster's
-- linkages in Part III), in the order of the text. The rule is the section each number's
-- locator names: '4.x …' or '7.1 …'. Tables #1, #2, #4 and #5 are shown as printed. The view
-- in_text_statistics (src/sql/shared/definitions.sql) holds the text's numbers as pages list them.
SELECT
  split_part(locator, ' ', 1) AS section_number,
  locator AS section,
  * EXCLUDE (locator, document, raw_file, raw_line)
FROM in_text_statistics
WHERE document = 'thesis'
  AND (locator LIKE '4.%' OR locator LIKE '7.1 %')
ORDER BY line, raw_file, raw_line
