-- The census (census.parquet): how many numbers each document prints, by what accounts for
-- each (`statistic`: the ledger holds it; any other status: why the ledger leaves it out), and
-- who decided (the ledger, a rule of data-loaders/normalize/census.ts, or a reviewer's row of
-- raw/<document>/census.tsv). The last row counts them all.
SELECT
  coalesce(status, 'all numbers') AS status,
  CAST(count(*) FILTER (WHERE document = 'survey') AS INTEGER) AS survey,
  CAST(count(*) FILTER (WHERE document = 'thesis') AS INTEGER) AS thesis,
  CAST(count(*) AS INTEGER) AS total,
  CAST(count(*) FILTER (WHERE decided_by LIKE 'rule:%') AS INTEGER) AS by_rule,
  CAST(count(*) FILTER (WHERE decided_by LIKE 'raw/%') AS INTEGER) AS by_decision
FROM census
GROUP BY ROLLUP (status)
ORDER BY status IS NULL, status = 'statistic' DESC, total DESC, status
