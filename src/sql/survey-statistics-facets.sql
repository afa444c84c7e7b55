-- Survey: every statistic with the facets a reader filters by: the cluster it belongs to and
-- that cluster's country, as the survey names them (e.g. "Sialkot, Pakistan", "Palar Valley,
-- India", "Torreon, Mexico" in its Table-1 and section I), its measure and its unit. A number
-- about no one cluster (the count of a journal's issues on clusters) is "no single cluster", and
-- one about no one country "no single country": filter options say what they hold.
WITH placed AS (
  SELECT
    *,
    CASE
      WHEN "table" IS NOT NULL THEN trim(regexp_extract(row_label, '^[^,(]+'))
      WHEN locator = 'Shocks to Cluster Exports' THEN 'Trade-liberalization shocks'
      WHEN subject IN ('Sinos Valley', 'Brazil') THEN 'Sinos Valley'
      WHEN subject IN ('Guadalajara', 'Leon', 'Guadalajara and Leon', 'Mexico', 'Jalisco', 'Guanajuato') THEN 'Guadalajara and Leon'
      WHEN subject IN ('Sialkot', 'Ludhiana', 'Tiruppur', 'Agra', 'Palar Valley', 'Gamarra', 'Torreon') THEN subject
      ELSE 'no single cluster'
    END AS place
  FROM statistics
  WHERE document = 'survey'
)
SELECT
  id,
  CASE WHEN place IN ('Guadalajara', 'Leon') THEN 'Guadalajara and Leon' ELSE place END AS cluster,
  CASE
    WHEN place = 'Sialkot' THEN 'Pakistan'
    WHEN place IN ('Ludhiana', 'Tiruppur', 'Agra', 'Palar Valley') THEN 'India'
    WHEN place = 'Sinos Valley' THEN 'Brazil'
    WHEN place IN ('Guadalajara', 'Leon', 'Guadalajara and Leon', 'Torreon') THEN 'Mexico'
    WHEN place = 'Gamarra' THEN 'Peru'
    WHEN subject IN ('Mexico', 'India', 'United States', 'Brazil') THEN subject
    ELSE 'no single country'
  END AS country,
  replace(measure, '_', ' ') AS measure,
  unit,
  CASE WHEN "table" IS NULL THEN 'text' ELSE "table" END AS place_in_survey
FROM placed
ORDER BY id
