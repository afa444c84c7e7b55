// Synthetic raw statistics rows for the scaling benchmark, in the raw format (raw/README.md).
// Every id starts with `synthetic.`; the rows are written only to a temporary folder, never to
// raw/ nor anywhere the report reads.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { STATISTICS_HEADER } from "../../data-loaders/normalize/statistic.ts";

/** A printed number with its unit, qualifier column and the words around it in the quote. */
interface Template {
  unit: string;
  printed: (i: number) => string;
  qualifier?: string;
  measure: string;
}

// Varied units, kinds and printed qualifiers, each of which the parser accepts.
const TEMPLATES: readonly Template[] = [
  { unit: "firms", measure: "firms", printed: (i) => `${100 + (i % 9000)}` },
  { unit: "workers", measure: "workers", printed: (i) => `about ${(1000 + (i % 90000)).toLocaleString("en-US")}` },
  { unit: "workers", measure: "workers", printed: (i) => `between ${200 + (i % 500)} and ${800 + (i % 500)}` },
  { unit: "firms", measure: "firms", printed: (i) => `at least ${10 + (i % 600)}` },
  { unit: "percent", measure: "share_of_exports", printed: (i) => `${i % 101}%` },
  { unit: "percent_change", measure: "exports_growth", printed: (i) => `${1 + (i % 90)} percent` },
  { unit: "USD", measure: "exports", printed: (i) => `$${1 + (i % 999)} million` },
  { unit: "pairs", measure: "output", printed: (i) => `more than ${1 + (i % 300)} million pairs` },
  { unit: "multiple", measure: "growth", printed: (i) => `${2 + (i % 20)} times` },
  { unit: "year", measure: "year_established", printed: (i) => `${1900 + (i % 100)}` },
  { unit: "ordinal_1_5", measure: "cooperation", printed: (i) => ["low", "medium low", "medium", "medium high", "high"][i % 5]! },
  { unit: "members", measure: "membership", printed: (i) => `${50 + (i % 400)}`, qualifier: "expected" },
];
const PERIODS = ["", "1993", "1995-96", "1996/97", "late 1980s", "by the end of 1997", "1990s"];
const SUBJECTS = ["Synthetic Valley", "Synthetic Town", "Synthetic Region", "Synthetic Cluster"];

/** One synthetic row's fields, in header order. */
function syntheticRow(i: number): string[] {
  const template = TEMPLATES[i % TEMPLATES.length]!;
  const printed = template.printed(i);
  const subject = SUBJECTS[i % SUBJECTS.length]!;
  const fields: Record<(typeof STATISTICS_HEADER)[number], string> = {
    id: `synthetic.${String(i).padStart(7, "0")}`,
    locator: "Synthetic section",
    page: i % 3 === 0 ? String(1 + (i % 300)) : "",
    line: String(1 + (i % 5000)),
    subject,
    measure: template.measure,
    printed,
    unit: template.unit,
    qualifier: template.qualifier ?? "",
    period: PERIODS[i % PERIODS.length]!,
    cited_source: i % 2 === 0 ? "Synthetic (2000), p 1" : "",
    quote: `In ${subject} the synthetic benchmark row ${i} states ${printed} for its ${template.measure.replaceAll("_", " ")}.`,
    table: "",
    row: "",
    column: "",
    note: "synthetic benchmark row, not from either document",
  };
  return STATISTICS_HEADER.map((name) => fields[name]);
}

/** Writes `count` synthetic rows as one raw statistics file (header first) at `path`. */
export async function writeSyntheticTsv(path: string, count: number): Promise<void> {
  const out = createWriteStream(path, { encoding: "utf8" });
  out.write(`# Synthetic benchmark rows (scripts/bench): not from either document.\n${STATISTICS_HEADER.join("\t")}\n`);
  let chunk = "";
  for (let i = 1; i <= count; i++) {
    chunk += `${syntheticRow(i).join("\t")}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}
