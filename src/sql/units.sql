-- The controlled vocabulary of units (raw/units.tsv), with how many statistics use each unit.
-- A unit that no statistic uses yet still shows, with 0.
SELECT
  u.unit,
  u.kind,
  u.description,
  CAST(count(s.id) AS INTEGER) AS statistics
FROM units AS u
LEFT JOIN statistics AS s ON s.unit = u.unit
GROUP BY u.unit, u.kind, u.description
ORDER BY u.kind, u.unit
