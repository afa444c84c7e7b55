-- Thesis, Part III (lines 3950-4776, "7. Final Discussion and the Application of the
-- Theoretical Framework" up to the notes): for each of its sections, how many numbers its
-- running text states (table cells apart) and where in this report they are listed. The
-- sections and the lines they start on are the thesis's own headings; a section whose text
-- states no number shows 0.
WITH sections(section_order, section, first_line, last_line, shown_on) AS (
  VALUES
    (0, '7. Final Discussion and the Application of the Theoretical Framework', 3950, 4076, ''),
    (1, '7.1 Backward, Forward, and Horizontal Linkages in the Sinos Valley Footwear Cluster', 4077, 4246, 'Sinos Valley'),
    (2, '7.2 Backward, Forward, and Horizontal Linkages in the Sialkot Cluster', 4247, 4398, 'Sialkot'),
    (3, '7.3 Backward, Forward, and Horizontal Linkages in Guadalajara Footwear', 4399, 4582, 'Guadalajara'),
    (4, '7.4 Final Discussion – the use of the Success Criteria', 4583, 4776, '')
)
SELECT
  s.section,
  s.first_line AS first_line,
  CAST(count(st.id) AS INTEGER) AS numbers_in_text,
  CASE WHEN count(st.id) = 0 THEN '' ELSE s.shown_on END AS listed_on
FROM sections AS s
LEFT JOIN statistics AS st
  ON st.document = 'thesis' AND st."table" IS NULL AND st.line BETWEEN s.first_line AND s.last_line
GROUP BY s.section_order, s.section, s.first_line, s.last_line, s.shown_on
ORDER BY s.section_order
