import { RawInputError } from "../errors.ts";
import { parseTsv } from "./tsv.ts";

const UNIT_KINDS = ["count", "rate", "money", "percent", "percent_change", "multiple", "year", "ordinal"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  unit: string;
  kind: UnitKind;
  description: string;
}

/** Reads raw/units.tsv, the controlled vocabulary every statistic's unit must come from. */
export function parseUnits(text: string, file: string): Map<string, Unit> {
  const units = new Map<string, Unit>();
  for (const { line, fields } of parseTsv(text, file, ["unit", "kind", "description"]).rows) {
    const kind = fields.kind as UnitKind;
    if (!UNIT_KINDS.includes(kind)) throw new RawInputError(file, line, "kind", fields.kind!, `expected one of ${UNIT_KINDS.join(", ")}`);
    if (units.has(fields.unit!)) throw new RawInputError(file, line, "unit", fields.unit!, "listed twice");
    units.set(fields.unit!, { unit: fields.unit!, kind, description: fields.description! });
  }
  return units;
}

/**
 * The largest value a unit of each open-ended kind can take (raw/README.md, "Bounds"). A count
 * or a rate above 10^12 (a hundred times the world's population, forty years of the world's
 * shoe production) cannot be a number about clusters; nor can money above 10^16 (the world's
 * yearly output, about 10^14 dollars, in the cheapest currency of units.tsv, at about 300 to the
 * dollar), a rise of more than 10^6 percent, or a multiple above 10^4. Such a value is a
 * mistyped exponent or scale word, so it stops the build rather than reach a chart.
 */
const KIND_MAXIMA = { count: 1e12, rate: 1e12, money: 1e16, percent_change: 1e6, multiple: 1e4 } as const;

const tooLarge = (kind: keyof typeof KIND_MAXIMA, value: number) =>
  value > KIND_MAXIMA[kind] ? `a ${kind.replace("_", " ")} cannot exceed ${KIND_MAXIMA[kind].toExponential()}` : null;

/** Why `value` is out of range for a unit of this kind, or null when it is in range. */
export function rangeProblem(kind: UnitKind, value: number): string | null {
  if (!Number.isFinite(value)) return "not a finite number";
  switch (kind) {
    case "count":
      return value < 0 || !Number.isInteger(value) ? "a count must be a whole number ≥ 0" : tooLarge(kind, value);
    case "rate":
    case "money":
      return value < 0 ? `a ${kind} must be ≥ 0` : tooLarge(kind, value);
    case "percent":
      return value < 0 || value > 100 ? "a percentage must lie in 0..100" : null;
    case "percent_change":
      return value < -100 ? "a fall cannot exceed 100 percent" : tooLarge(kind, value);
    case "multiple":
      return value <= 0 ? "a multiple must be > 0" : tooLarge(kind, value);
    case "year":
      return value < 1800 || value > 2100 || !Number.isInteger(value) ? "a year must be a whole number in 1800..2100" : null;
    case "ordinal":
      return value < 1 || value > 5 ? "an ordinal rating must lie in 1..5" : null;
  }
}
