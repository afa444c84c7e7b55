import { ParseError, RawInputError } from "../errors.ts";
import { parseOrdinal } from "../parse/ordinal.ts";
import { parsePeriod } from "../parse/period.ts";
import { QUALIFIERS, boundsOf, parseQuantity, type Qualifier, type Quantity } from "../parse/quantity.ts";
import { findReading } from "../parse/readings.ts";
import { collapseWhitespace } from "../parse/text.ts";
import type { TsvRow } from "../parse/tsv.ts";
import { rangeProblem, type Unit } from "../parse/units.ts";

/** The documents the report reproduces, in the order the report takes them (raw/sources.tsv describes each). */
export const DOCUMENTS = ["survey", "thesis"] as const;
export type DocumentId = (typeof DOCUMENTS)[number];

/** The header every raw statistics file starts with (see raw/README.md). */
export const STATISTICS_HEADER = [
  "id", "locator", "page", "line", "subject", "measure", "printed", "unit", "qualifier",
  "period", "cited_source", "quote", "table", "row", "column", "note",
] as const;

/** One number of one document, normalized, with everything needed to trace it back. */
export interface Statistic {
  id: string;
  document: DocumentId;
  locator: string;
  page: number | null;
  line: number;
  subject: string;
  measure: string;
  printed: string;
  /** What a printed typo is read as (see readings.ts); null when the print is read as is. */
  reading: string | null;
  value: number | null;
  value_low: number | null;
  value_high: number | null;
  unit: string;
  qualifier: Qualifier;
  period: string | null;
  year_start: number | null;
  year_end: number | null;
  cited_source: string | null;
  quote: string;
  table: string | null;
  row_label: string | null;
  column_label: string | null;
  note: string | null;
  raw_file: string;
  raw_line: number;
}

export interface StatisticContext {
  file: string;
  document: DocumentId;
  units: ReadonlyMap<string, Unit>;
}

const CURRENCY_UNITS: Record<string, readonly string[]> = {
  dollar: ["USD", "USD_per_pair"],
  USD: ["USD", "USD_per_pair"],
  rupee: ["INR", "PKR"],
  MXN: ["MXN"],
  BRL: ["BRL"],
};

const orNull = (s: string): string | null => (s === "" ? null : s);

function wholeNumber(text: string, fail: (reason: string) => never): number {
  if (!/^\d+$/.test(text)) fail("expected a whole number");
  return Number(text);
}

/** Bounds of a value given on the 1..5 scale or as a year, in the shape of a Quantity. */
function interval(low: number, high: number): Pick<Quantity, "value" | "low" | "high" | "qualifier"> {
  return low === high
    ? { value: low, low, high, qualifier: "exact" }
    : { value: null, low, high, qualifier: "range" };
}

/**
 * Turns one raw statistics row into a Statistic: parses the printed number by its unit's kind,
 * checks it against the quote and the unit's range, and parses the period. Any problem throws
 * a RawInputError naming the file, line, field and value.
 */
export function normalizeStatistic(row: TsvRow, context: StatisticContext): Statistic {
  const { file, document, units } = context;
  const f = row.fields;
  const fail = (field: string, reason: string): never => {
    throw new RawInputError(file, row.line, field, f[field] ?? "", reason);
  };
  const parsing = <T>(field: string, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof ParseError) return fail(field, error.message);
      throw error;
    }
  };

  if (!/^[a-z0-9][a-z0-9.-]*$/.test(f.id!)) fail("id", "expected lower-case [a-z0-9.-]");
  for (const field of ["locator", "subject", "measure", "printed", "unit"] as const) {
    if (f[field] === "") fail(field, "is empty");
  }
  if (f.quote === "") fail("quote", "is empty: every number needs its verbatim words");
  if (!/^[a-z0-9_]+$/.test(f.measure!)) fail("measure", "expected snake_case");
  const unit = units.get(f.unit!) ?? fail("unit", `not in raw/units.tsv`);
  // A note is found by its number: "footnote abc" would send the reader nowhere.
  if (/^(?:foot)?notes?\b/i.test(f.locator!) && !/^(?:footnote|note) [1-9]\d*$/.test(f.locator!)) fail("locator", "expected 'footnote N' or 'note N', N a whole number from 1");
  const page = f.page === "" ? null : wholeNumber(f.page!, (r) => fail("page", r));
  if (page === 0) fail("page", "expected a whole number from 1");
  const line = wholeNumber(f.line!, (r) => fail("line", r));
  if (line === 0) fail("line", "expected a whole line number from 1");

  const quote = collapseWhitespace(f.quote!);
  if (!quote.includes(collapseWhitespace(f.printed!))) fail("quote", `does not contain the printed number "${f.printed}"`);

  const reading = findReading(document, f.printed!);
  const readable = reading?.reading ?? f.printed!;

  let bounds: Pick<Quantity, "value" | "low" | "high" | "qualifier">;
  if (unit.kind === "ordinal") {
    const rating = parsing("printed", () => parseOrdinal(readable));
    bounds = interval(rating.low, rating.high);
  } else if (unit.kind === "year") {
    const years = parsing("printed", () => parsePeriod(readable)) ?? fail("printed", "no year");
    bounds = interval(years.start, years.end);
  } else {
    let q = parsing("printed", () => parseQuantity(readable));
    if (q === "missing") return fail("printed", "n.a. is not a number: the table file keeps it, the ledger does not");
    if (q.currency && !CURRENCY_UNITS[q.currency]!.includes(unit.unit)) fail("unit", `the printed number is in ${q.currency}`);
    if (q.percent && !["percent", "percent_change", "rate"].includes(unit.kind)) fail("unit", "the printed number is a percentage");
    if (q.multiple && unit.kind !== "multiple") fail("unit", "the printed number is a multiple ('times')");
    if (unit.kind === "multiple" && !q.multiple && q.rest !== "") fail("printed", "a multiple is printed with 'times'");
    if (q.fraction && unit.kind !== "percent") fail("unit", "a fraction in words is a share: use percent");
    // "a 30% decrease" is a change of -30 percent.
    const sign = unit.kind === "percent_change" && /^(?:decrease|decline|fall|drop|reduction)\b/.test(q.rest) ? -1 : 1;
    if (sign < 0) q = { ...q, value: q.value === null ? null : -q.value, low: q.high === null ? null : -q.high, high: q.low === null ? null : -q.low };
    // A share printed in words ("four-fifths") is stored on the 0..100 scale like every percentage.
    const toPercent = (v: number | null) => (v === null || !q.fraction ? v : Number((v * 100).toPrecision(15)));
    bounds = { value: toPercent(q.value), low: toPercent(q.low), high: toPercent(q.high), qualifier: q.qualifier };
  }

  if (f.qualifier !== "") {
    if (!(QUALIFIERS as readonly string[]).includes(f.qualifier!)) fail("qualifier", `expected one of ${QUALIFIERS.join(", ")}`);
    if (bounds.qualifier !== "exact" && bounds.qualifier !== f.qualifier) fail("qualifier", `the printed words already say '${bounds.qualifier}'`);
    const qualifier = f.qualifier as Qualifier;
    if (qualifier === "range") fail("qualifier", "a range is printed as 'X-Y' or 'between X and Y'");
    // A bound stated away from the number ("over a US$ 100 million") opens the interval on one side.
    bounds = qualifier === "approximately" || qualifier === "expected" || bounds.value === null ? { ...bounds, qualifier } : { value: bounds.value, ...boundsOf(qualifier, bounds.value), qualifier };
  }
  for (const v of [bounds.value, bounds.low, bounds.high]) {
    const problem = v === null ? null : rangeProblem(unit.kind, v);
    if (problem) fail("printed", `${problem}; unit ${unit.unit}`);
  }

  const period = parsing("period", () => parsePeriod(f.period!));
  const tableFields = [f.table, f.row, f.column];
  if (f.table === "" && tableFields.some((x) => x !== "")) fail("table", "row/column given without a table");
  if (f.table !== "" && f.column === "") fail("column", "a table cell needs its printed column label");

  return {
    id: f.id!,
    document,
    locator: f.locator!,
    page,
    line,
    subject: f.subject!,
    measure: f.measure!,
    printed: f.printed!,
    reading: reading ? `${reading.reading} (${reading.reason})` : null,
    value: bounds.value,
    value_low: bounds.low,
    value_high: bounds.high,
    unit: unit.unit,
    qualifier: bounds.qualifier,
    period: orNull(f.period!),
    year_start: period?.start ?? null,
    year_end: period?.end ?? null,
    cited_source: orNull(f.cited_source!),
    quote,
    table: orNull(f.table!),
    row_label: orNull(f.row!),
    column_label: orNull(f.column!),
    note: orNull(f.note!),
    raw_file: file,
    raw_line: row.line,
  };
}
