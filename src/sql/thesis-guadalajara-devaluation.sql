-- What the thesis states about Guadalajara's exports around the peso devaluation it dates to
-- 1994 (line 3928), in place of its Figure #10 "Mexican Peso Real Exchange Rate", whose image is
-- absent and whose series neither document prints:
--   * Camara de la Industria Del Calzado de Jalisco's exporting firms, "from five to forty"
--     "between 1990 to 1995" (dated: drawn on a year axis);
--   * Guadalajara's "5 million pairs" manufactured "prior to the second Mexican financial
--     crises" and exports of "10 million pairs per year" "Following the currency devaluation"
--     (no year printed: drawn before and after the event, never on a year axis).
-- `side` is our reading of the sentence: which side of the devaluation the number stands on.
-- Which numbers: the view devaluation_statements (src/sql/shared/definitions.sql), which
-- thesis-guadalajara-in-text.sql leaves out of its list.
SELECT
  CASE WHEN year_start IS NULL THEN 'undated' ELSE 'dated' END AS panel,
  CASE
    WHEN measure = 'footwear_output' THEN 'before'
    WHEN measure = 'footwear_exports' THEN 'after'
  END AS side,
  * EXCLUDE (reading) -- the chart shows each number as printed
FROM devaluation_statements
ORDER BY panel, year_start, side DESC, id
