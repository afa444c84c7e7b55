-- Thesis, chapter 6 (Guadalajara) and section 7.3 (linkages in Guadalajara footwear): every
-- number stated in the running text, in the order of the text. The numbers the page charts
-- are left out: the share of imports in Mexico's footwear consumption (Figure #9's stand-in),
-- and Guadalajara's pairs and the Camara del Calzado's exporting firms around the devaluation
-- (Figure #10's stand-in). Tables #3 and #7 are shown as printed.
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
  AND (locator LIKE '6.%' OR locator LIKE '7.3 %')
  AND NOT (subject = 'Mexico' AND measure = 'import_share_of_footwear_consumption')
  AND NOT (subject = 'Guadalajara' AND measure IN ('footwear_output', 'footwear_exports'))
  AND NOT (subject = 'Camara de la Industria Del Calzado de Jalisco' AND measure = 'exporting_firms')
ORDER BY line, raw_file, raw_line
