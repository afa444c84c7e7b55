-- Survey: every number stated in the running text and footnotes (not in Table-1), grouped by
-- the cluster it is about. Country-level numbers go with the cluster the sentence discusses;
-- the numbers of the section "Shocks to Cluster Exports" form their own group. The view
-- in_text_statistics (src/sql/shared/definitions.sql) holds the text's numbers as pages list them.
SELECT
  CASE
    WHEN locator = 'Shocks to Cluster Exports' THEN 'Trade-liberalization shocks'
    WHEN subject IN ('Sinos Valley', 'Brazil') THEN 'Sinos Valley'
    WHEN subject IN ('Guadalajara', 'Leon', 'Guadalajara and Leon', 'Mexico', 'Jalisco', 'Guanajuato') THEN 'Guadalajara and Leon'
    WHEN subject IN ('Sialkot', 'Ludhiana', 'Tiruppur', 'Agra', 'Palar Valley', 'Gamarra', 'Torreon') THEN subject
    ELSE 'Other'
  END AS cluster_group,
  * EXCLUDE (document, raw_file, raw_line)
FROM in_text_statistics
WHERE document = 'survey'
ORDER BY line, id
