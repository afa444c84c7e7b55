import { invalid } from "../errors.ts";

/**
 * The five-point scale of the thesis's ordinal tables (#4, #8). The tables print
 * three levels and their blends, so "medium high" sits between medium and high.
 */
const ORDINAL_LEVELS: Readonly<Record<string, number>> = {
  low: 1,
  "medium low": 2,
  medium: 3,
  "medium high": 4,
  high: 5,
};

// Printed misspellings read as the word they stand for; each is a reading, not a silent fix.
const READINGS: Readonly<Record<string, string>> = { meidum: "medium" };

export interface OrdinalRating {
  low: number;
  high: number;
}

function level(words: string, printed: string): number {
  const normalized = words
    .split(" ")
    .map((w) => READINGS[w] ?? w)
    .join(" ");
  const value = ORDINAL_LEVELS[normalized];
  if (value === undefined) invalid("ordinal rating", printed, `unknown level '${words}'`);
  return value;
}

/**
 * Parses `Low`, `Medium`, `High`, `Medium to High`, `High to medium high`,
 * `Meidum to high` into a range on the 1..5 scale (low ≤ high; a single level has low = high).
 */
export function parseOrdinal(printed: string): OrdinalRating {
  const s = printed.trim().toLowerCase().replace(/[\s-]+/g, " ");
  const parts = s.split(/ to /);
  if (parts.length > 2 || parts.some((p) => p === "")) invalid("ordinal rating", printed, "expected 'X' or 'X to Y'");
  const values = parts.map((p) => level(p.trim(), printed));
  return { low: Math.min(...values), high: Math.max(...values) };
}
