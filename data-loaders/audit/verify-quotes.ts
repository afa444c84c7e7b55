/**
 * Checks that the ledger's quotes stand verbatim in the source texts. It forgives only what
 * the PDF-to-text extraction does to a passage: line wraps, words hyphenated at a line end,
 * and runs of white space. Everything else (a typo, a straight for a curly apostrophe, a
 * dropped word) is a miss, reported with the nearest passage of the sources.
 */
import type { Statistic } from "../normalize/statistic.ts";
import { findQuote, nearestInSources, type Location, type NamedSource, type Passage } from "../normalize/quote-match.ts";

export { findQuote, nearestPassage, normalizeSource, type NamedSource } from "../normalize/quote-match.ts";

/** The fields of a statistic that a quote check reads. */
export type QuotedStatistic = Pick<Statistic, "id" | "line" | "quote" | "raw_file" | "raw_line">;

/** A statistic whose quote no source contains, with the passage closest to it. */
export interface Miss {
  statistic: QuotedStatistic;
  nearest: Passage | null;
}

/** The outcome of checking every quote: where each one was found, and the misses. */
export interface Verification {
  found: { statistic: QuotedStatistic; at: Location }[];
  misses: Miss[];
}

/** Looks up every statistic's quote in `sources`; for each miss, finds the nearest passage. */
export function verifyQuotes(statistics: readonly QuotedStatistic[], sources: readonly NamedSource[]): Verification {
  const result: Verification = { found: [], misses: [] };
  for (const statistic of statistics) {
    const at = findQuote(statistic.quote, sources, statistic.line);
    if (at) result.found.push({ statistic, at });
    else result.misses.push({ statistic, nearest: nearestInSources(statistic.quote, sources, statistic.line) });
  }
  return result;
}

/** A miss as a reviewer reads it: the id, its raw file:line, the quote, and the nearest passage. */
export function formatMiss({ statistic, nearest }: Miss): string {
  const where = nearest
    ? `${nearest.name}:${nearest.line} (${nearest.distance} edit${nearest.distance === 1 ? "" : "s"}): ${JSON.stringify(nearest.passage)}`
    : "(the sources are empty)";
  return [
    `MISS ${statistic.id} (${statistic.raw_file}:${statistic.raw_line})`,
    `  quote:   ${JSON.stringify(statistic.quote)}`,
    `  nearest: ${where}`,
  ].join("\n");
}
