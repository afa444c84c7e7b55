-- Overview: the headline numbers, a handful of the documents' key statistics, in this order.
-- Each is chosen for what it says about the clusters the two documents share or about the
-- thesis's question (what business associations do); every one links to its quote.
-- An id that is no longer in the ledger stops the build rather than vanish from the page.
WITH headline(ord, id) AS (
  VALUES
    -- The survey's first "key figure" of the economic importance of clusters (Sialkot, in both documents).
    (1, 'survey.sialkot.exports-1995-96'),
    -- The largest workforce either document prints for one cluster (Ludhiana), from the survey's text.
    (2, 'survey.ludhiana.workers-1991'),
    -- How concentrated an industry can be in clusters: 2900 of Mexico's 4500 shoe enterprises.
    (3, 'survey.guadalajara-leon.shoe-firms-1991'),
    -- Joint action through a business association (SIMA): firms certified after the 1994 FDA import ban.
    (4, 'survey.sialkot.firms-certified'),
    -- The thesis's three clusters, by size: the Sinos Valley's workers (Table #1, total row) ...
    (5, 'thesis.t1.total.sinos.workers'),
    -- ... and its weight in Brazil's footwear exports ...
    (6, 'thesis.p1.sinos-valley.share-of-national-exports'),
    -- ... Sialkot's firms ...
    (7, 'thesis.p2.sialkot.firms'),
    -- ... and Guadalajara's footwear firms.
    (8, 'thesis.p2.guadalajara.footwear-firms'),
    -- The thesis's subject, in one number: footwear BAs in Guadalajara lost nearly half their members.
    (9, 'thesis.p2.guadalajara.share-of-ba-enrollment-lost')
)
SELECT
  CAST(h.ord AS INTEGER) AS ord,
  coalesce(s.id, error('overview-headlines.sql: no statistic ' || h.id)) AS id,
  s.document,
  s.subject,
  replace(s.measure, '_', ' ') AS measure,
  s.printed,
  s.unit,
  s.period,
  s.cited_source,
  s.locator,
  CAST(s.line AS INTEGER) AS line,
  s.quote,
  s."table",
  s.row_label,
  s.column_label
FROM headline AS h
LEFT JOIN statistics AS s ON s.id = h.id
ORDER BY h.ord
