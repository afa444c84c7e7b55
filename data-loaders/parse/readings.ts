/**
 * Printed numbers that are typos, each read as what it stands for. The raw layer keeps the
 * typo; the statistic records both the printed text and this reading, with the reason.
 */
export interface Reading {
  document: "survey" | "thesis";
  printed: string;
  reading: string;
  reason: string;
}

const READINGS: readonly Reading[] = [
  {
    document: "thesis",
    printed: "N025",
    reading: "N=25",
    reason: "Table #7 prints every other International Market cell as (N=25); the 0 stands where '=' belongs",
  },
  {
    document: "survey",
    printed: "245.2",
    reading: "245.2 million",
    reason: "the survey prints 'fell from 245.2 to 199.6 million pairs': the one 'million' scales both numbers",
  },
  {
    document: "thesis",
    printed: "roughtly 69 percent",
    reading: "roughly 69 percent",
    reason: "'roughtly' is a misspelling of 'roughly'",
  },
];

export function findReading(document: string, printed: string): Reading | undefined {
  return READINGS.find((r) => r.document === document && r.printed === printed);
}
