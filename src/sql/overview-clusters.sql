-- Overview map: one row per country that has a cluster the documents name, with the clusters
-- listed and the worker count that sizes the country's symbol.
--
-- The documents give no coordinates; the map places one symbol per country (at the country's
-- centroid, computed from the world-atlas geometry in site/charts/overview-map.ts), never at a
-- cluster. The list below maps each cluster to the country the text itself places it in, with
-- the seed line where it does so (survey = 000_…txt, thesis = 002_…txt). `country` is spelled
-- as world-atlas's countries-110m.json names it, so the map can find its shape.
--
-- Size rule: a country's symbol is sized by the LARGEST worker count the documents print for
-- any one of its clusters (measures of a whole cluster's or sector's workforce only: workers,
-- employees, footwear_workers, cluster_workers; per-firm thresholds such as "more than 500
-- employees" each are left out). Counts of different years and scopes are never summed. On a
-- tie the table cell wins (Table-1's "200,000 workers" over the same number in the text), then
-- the id. A country none of whose clusters has a printed worker count gets no number.
WITH clusters(ord, country, cluster, sector, documents, placed_at) AS (
  VALUES
    -- survey lines 116-121: "Among the clusters that have been studied include surgical instruments
    -- in Sialkot, Pakistan, footwear in Sinos Valley, Brazil, cotton knitwear in Tiruppur, India, …"
    -- thesis line 2443 (Sinos Valley, "in Brazil"), 3133 ("Sialkot, Pakistan"), 3550-3552 (Guadalajara,
    -- "capital of the state of Jalisco", north-west of Mexico City).
    (1, 'Pakistan', 'Sialkot', 'surgical instruments', 'survey and thesis', 'survey line 116; thesis line 3133'),
    (2, 'Brazil', 'Sinos Valley', 'footwear', 'survey and thesis', 'survey line 117; thesis line 2443'),
    (3, 'India', 'Tiruppur', 'cotton knitwear', 'survey', 'survey line 117'),
    (4, 'India', 'Ludhiana', 'woolen knitwear', 'survey', 'survey line 118'),
    (5, 'Mexico', 'Guadalajara', 'footwear', 'survey and thesis', 'survey line 118; thesis lines 3550-3552'),
    (6, 'Mexico', 'Leon', 'footwear', 'survey', 'survey line 118'),
    (7, 'India', 'Agra', 'footwear', 'survey', 'survey line 119'),
    (8, 'Peru', 'Gamarra', 'clothing', 'survey', 'survey line 119'),
    (9, 'Brazil', 'Santa Catarina', 'textiles, ceramic tiles, metal engineering', 'survey', 'survey line 120'),
    (10, 'India', 'Palar Valley', 'leather tanning', 'survey', 'survey line 121'),
    (11, 'Mexico', 'Torreon', 'blue jeans', 'survey', 'survey line 121'),
    -- survey footnote 4, lines 149-151, the case studies of McCormick (1999). "fish in Lake Victoria"
    -- (line 150) names no country, so it is not mapped.
    (12, 'Kenya', 'Eastlands', 'garments', 'survey (footnote 4)', 'survey line 149'),
    (13, 'Kenya', 'Kamukunji', 'metal products', 'survey (footnote 4)', 'survey line 150'),
    (14, 'Kenya', 'Ziwani', 'vehicle repair', 'survey (footnote 4)', 'survey line 150'),
    (15, 'Ghana', 'Suame', 'vehicle repair and metal work', 'survey (footnote 4)', 'survey line 151'),
    (16, 'South Africa', 'Western Cape', 'clothing', 'survey (footnote 4)', 'survey line 151')
),
-- Every printed count of a cluster's workforce. `subject` names the cluster as the raw files do;
-- states (Rio Grande do Sul, Jalisco, Guanajuato) are not clusters and do not match.
employment AS (
  SELECT c.country, s.*
  FROM statistics AS s
  JOIN clusters AS c ON c.cluster = s.subject
  WHERE s.unit = 'workers' AND s.measure IN ('workers', 'employees', 'footwear_workers', 'cluster_workers')
),
largest AS (
  SELECT *, row_number() OVER (PARTITION BY country ORDER BY coalesce(value, value_low) DESC, ("table" IS NULL), id) AS rank
  FROM employment
),
countries AS (
  SELECT
    country,
    min(ord) AS ord,
    string_agg(cluster || ' (' || sector || ')', '; ' ORDER BY ord) AS clusters,
    CAST(count(*) AS INTEGER) AS cluster_count,
    -- the clusters the thesis studies too (its three case studies)
    coalesce(string_agg(cluster, '; ' ORDER BY ord) FILTER (WHERE documents = 'survey and thesis'), '') AS thesis_clusters,
    bool_and(documents = 'survey (footnote 4)') AS footnote_only
  FROM clusters
  GROUP BY country
)
SELECT
  k.country,
  k.clusters,
  k.cluster_count,
  k.thesis_clusters,
  k.footnote_only,
  CAST((SELECT count(*) FROM employment AS e WHERE e.country = k.country) AS INTEGER) AS worker_counts_printed,
  l.id,
  l.subject AS sized_by_cluster,
  l.document,
  l.locator,
  l.measure,
  l.printed,
  l.value,
  l.value_low,
  l.value_high,
  l.qualifier,
  l.period
FROM countries AS k
LEFT JOIN largest AS l ON l.country = k.country AND l.rank = 1
ORDER BY k.ord
