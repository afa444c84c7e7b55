-- Bibliography: every statistic whose document cites a study for it, with what the page needs
-- to show the number and link to it. src/data/bibliography.json.ts parses `cited_source`
-- ("Nadvi (1999), p 1611", "Nadvi, 1999", "SMEDA, 2008, Ghani, 1996") into author, year and
-- pages with site/view/citations.ts, and adds the survey's footnotes.
SELECT
  id,
  document,
  subject,
  replace(measure, '_', ' ') AS measure,
  printed,
  period,
  cited_source,
  locator,
  CAST(line AS INTEGER) AS line,
  "table"
FROM statistics
WHERE cited_source IS NOT NULL AND trim(cited_source) <> ''
ORDER BY document, line, id
