-- Mexico's footwear imports and production as the two documents print them: the survey's
-- imports (pairs, 1987 and 1991) and national production (172.4 million pairs in 1994, and a
-- fall "from 245.2 to 199.6 million pairs" with no year printed), and the thesis's share of
-- imports in domestic consumption (0.1% "prior to 1987", "a third" in 1991). These stand in for
-- the thesis's Figure #9, whose image is absent and whose series neither document prints.
-- `panel` says which axis a number can share: pairs in a dated year, a share in percent, or
-- pairs with no year (never placed on a year axis). Table-1's copy of the 1994 production is
-- left out; the text's statement is drawn.
-- Which numbers: the view mexico_footwear_statements (src/sql/shared/definitions.sql), which
-- thesis-guadalajara-in-text.sql leaves out of its list.
SELECT
  CASE
    WHEN unit = 'percent' THEN 'share'
    WHEN year_start IS NULL THEN 'undated'
    ELSE 'pairs'
  END AS panel,
  *
FROM mexico_footwear_statements
ORDER BY panel, year_start, value DESC, id
