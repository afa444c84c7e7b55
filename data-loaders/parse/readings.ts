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
  {
    document: "thesis",
    printed: "to 50%",
    reading: "up to 50%",
    reason: "'accounted for to 50%' lacks a word before 'to': read as 'up to 50%', so 50% is an upper bound, not an exact share",
  },
  {
    document: "thesis",
    printed: "over a US$ 100 million",
    reading: "over US$ 100 million",
    reason: "the 'a' before the amount is a slip; 'over' makes US$ 100 million a lower bound",
  },
  {
    document: "thesis",
    printed: "between 30 to 80",
    reading: "between 30 and 80",
    reason: "'between 30 to 80' mixes the two ways of printing a range; both ends are printed",
  },
  {
    document: "thesis",
    printed: "over the past twenty-five years",
    reading: "twenty-five years",
    reason: "'over the past' says during which years, not that the span is more than twenty-five years",
  },
];

export function findReading(document: string, printed: string): Reading | undefined {
  return READINGS.find((r) => r.document === document && r.printed === printed);
}
