import { findReading } from "./readings.ts";

/**
 * How precise a printed number is. A printed number stands for every true value
 * that rounds to it: "53,0" for [52.95, 53.05], "27%" for [26.5, 27.5], "$125 million" for
 * [124.5, 125.5] million. Nothing here changes a value; it only says how precise the print is.
 */

/** The fields of a statistic that say how precise its print is. */
export interface PrintedNumber {
  document: string;
  printed: string;
  value: number | null;
  value_low: number | null;
  value_high: number | null;
}

/** The text a statistic's number is read from: the printed words, or the reading of a typo. */
export function readable(s: Pick<PrintedNumber, "document" | "printed">): string {
  return findReading(s.document, s.printed)?.reading ?? s.printed;
}

// The first number in printed words, as quantity.ts reads it: grouped thousands ("10,000",
// "400 000"), or digits with a decimal point or a decimal comma of one or two digits ("55,0").
const FIRST_NUMBER = /\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d,.])|\d+(?:\.\d+|,\d{1,2}(?!\d))?/;

/** Digits after the decimal mark of the first printed number (0 for "133677", 1 for "55,0"). */
export function printedDecimals(printed: string): number | null {
  const match = FIRST_NUMBER.exec(printed);
  if (!match) return null;
  const decimal = /[.,](\d{1,2})$/.exec(match[0]) ?? /\.(\d+)$/.exec(match[0]);
  if (!decimal) return 0;
  return decimal[1]!.length;
}

/**
 * Half of the last printed digit, in the statistic's base units: 0.05 for "55,0", 0.5 for
 * "133677", 500000 for "$125 million", 50000000 for "$1.5 Billion". Zero for numbers printed
 * in words ("five", "two thirds"), which name their value exactly.
 */
export function halfWidth(s: PrintedNumber): number {
  const text = readable(s);
  const match = FIRST_NUMBER.exec(text);
  if (!match) return 0;
  const decimals = printedDecimals(text) ?? 0;
  const token = Number(match[0].replace(/[ ,](?=\d{3}\b)/g, "").replace(",", "."));
  const base = s.value ?? s.value_low ?? s.value_high;
  // The scale the words put on the printed digits ("million" = 1e6): the stored value over the digits.
  const scale = base === null || token === 0 ? 1 : Math.abs(base) / token;
  return Number((0.5 * 10 ** -decimals * scale).toPrecision(12));
}

/** The values a statistic's words allow, before rounding: [low, high], open ends as ±Infinity. */
function bounds(s: Pick<PrintedNumber, "value_low" | "value_high">): [number, number] {
  return [s.value_low ?? -Infinity, s.value_high ?? Infinity];
}

/**
 * Whether two printed numbers can stand for the same value: their bounds overlap, or the gap
 * between them is smaller than their rounding allows together. The comparison is strict, so
 * "$124 million" and "$125 million" (gap 1 million, rounding 0.5 + 0.5 million) differ.
 */
export function valuesAgree(a: PrintedNumber, b: PrintedNumber): { agree: boolean; gap: number; tolerance: number } {
  const [aLow, aHigh] = bounds(a);
  const [bLow, bHigh] = bounds(b);
  const gap = Math.max(aLow, bLow) - Math.min(aHigh, bHigh);
  const tolerance = halfWidth(a) + halfWidth(b);
  return { agree: gap <= 0 || gap < tolerance - 1e-9 * Math.max(1, tolerance), gap: Math.max(0, gap), tolerance };
}
