-- Survey: every number stated in the running text and footnotes (not in Table-1), grouped by
-- the cluster it is about. Country-level numbers go with the cluster the sentence discusses;
-- the numbers of the section "Shocks to Cluster Exports" form their own group.
SELECT
  CASE
    WHEN locator = 'Shocks to Cluster Exports' THEN 'Trade-liberalization shocks'
    WHEN subject IN ('Sinos Valley', 'Brazil') THEN 'Sinos Valley'
    WHEN subject IN ('Guadalajara', 'Leon', 'Guadalajara and Leon', 'Mexico', 'Jalisco', 'Guanajuato') THEN 'Guadalajara and Leon'
    WHEN subject IN ('Sialkot', 'Ludhiana', 'Tiruppur', 'Agra', 'Palar Valley', 'Gamarra', 'Torreon') THEN subject
    ELSE 'Other'
  END AS cluster_group,
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
WHERE document = 'survey' AND "table" IS NULL
ORDER BY line, id
