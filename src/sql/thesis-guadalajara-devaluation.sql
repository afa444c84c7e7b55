-- What the thesis states about Guadalajara's exports around the peso devaluation it dates to
-- 1994 (line 3928), in place of its Figure #10 "Mexican Peso Real Exchange Rate", whose image is
-- absent and whose series neither document prints:
--   * Camara de la Industria Del Calzado de Jalisco's exporting firms, "from five to forty"
--     "between 1990 to 1995" (dated: drawn on a year axis);
--   * Guadalajara's "5 million pairs" manufactured "prior to the second Mexican financial
--     crises" and exports of "10 million pairs per year" "Following the currency devaluation"
--     (no year printed: drawn before and after the event, never on a year axis).
-- `side` is our reading of the sentence: which side of the devaluation the number stands on.
SELECT
  CASE WHEN year_start IS NULL THEN 'undated' ELSE 'dated' END AS panel,
  CASE
    WHEN measure = 'footwear_output' THEN 'before'
    WHEN measure = 'footwear_exports' THEN 'after'
  END AS side,
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
WHERE document = 'thesis'
  AND "table" IS NULL
  AND (
    (subject = 'Camara de la Industria Del Calzado de Jalisco' AND measure = 'exporting_firms')
    OR (subject = 'Guadalajara' AND measure IN ('footwear_output', 'footwear_exports'))
  )
ORDER BY panel, year_start, side DESC, id
