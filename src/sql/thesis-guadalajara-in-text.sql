-- Thesis, chapter 6 (Guadalajara) and section 7.3 (linkages in Guadalajara footwear): every
-- number stated in the running text, in the order of the text. The numbers the page charts
-- are left out: the share of imports in Mexico's footwear consumption (Figure #9's stand-in),
-- and Guadalajara's pairs and the Camara del Calzado's exporting firms around the devaluation
-- (Figure #10's stand-in): the views mexico_footwear_statements and devaluation_statements
-- that the two charts' queries draw. Tables #3 and #7 are shown as printed. The view
-- in_text_statistics (src/sql/shared/definitions.sql) holds the text's numbers as pages list them.
SELECT * EXCLUDE (document, raw_file, raw_line)
FROM in_text_statistics
WHERE document = 'thesis'
  AND (locator LIKE '6.%' OR locator LIKE '7.3 %')
  AND id NOT IN (SELECT id FROM mexico_footwear_statements)
  AND id NOT IN (SELECT id FROM devaluation_statements)
ORDER BY line, raw_file, raw_line
