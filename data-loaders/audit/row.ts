import { within } from "./numbers.ts";

/** What an audit row checks (see audit-ledger.ts for each kind). */
export const AUDIT_KINDS = [
  "total",
  "whole_count",
  "subgroup_n",
  "subgroup_sum",
  "weighted_average",
  "share_sum",
  "part_whole",
  "derivation",
  "restatement",
  "reconciliation",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_STATUSES = ["pass", "fail", "not_applicable"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** One arithmetic check of printed numbers: a finding, never a correction. */
export interface AuditRow {
  /** Stable and unique: `<kind>:<statistic id or check key>`. */
  check_id: string;
  kind: AuditKind;
  /** The printed table checked (`Table #1`, `Table-1`), or null for a check of the running text. */
  table: string | null;
  /** The statistic ids involved, comma-separated, in a stable order. */
  cells: string;
  printed_value: number | null;
  computed_value: number | null;
  /** The gap allowed between printed and computed values; the message says why. */
  tolerance: number | null;
  status: AuditStatus;
  message: string;
}

export interface CheckInput {
  check_id: string;
  kind: AuditKind;
  table: string | null;
  cells: readonly string[];
  printed: number;
  computed: number;
  tolerance: number;
  /** The message for each outcome; both are written, one is kept. */
  pass: string;
  fail: string;
}

/** A check whose status is |printed − computed| ≤ tolerance. */
export function judged(input: CheckInput): AuditRow {
  const ok = within(input.printed, input.computed, input.tolerance);
  return {
    check_id: input.check_id,
    kind: input.kind,
    table: input.table,
    cells: input.cells.join(","),
    printed_value: input.printed,
    computed_value: input.computed,
    tolerance: input.tolerance,
    status: ok ? "pass" : "fail",
    message: ok ? input.pass : input.fail,
  };
}

/** A row saying why a check cannot be made, with whatever numbers the documents do give. */
export function notApplicable(
  check_id: string,
  kind: AuditKind,
  table: string | null,
  cells: readonly string[],
  message: string,
  values: { printed?: number | null; computed?: number | null } = {},
): AuditRow {
  return {
    check_id,
    kind,
    table,
    cells: cells.join(","),
    printed_value: values.printed ?? null,
    computed_value: values.computed ?? null,
    tolerance: null,
    status: "not_applicable",
    message,
  };
}

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "five" for 5, digits beyond ten. */
export function countWord(n: number): string {
  return WORDS[n] ?? String(n);
}

/** A printed column label for a sentence: "Rio Grande do Sul / Workers" → "Rio Grande do Sul, Workers". */
export function labelWords(label: string): string {
  return label.replace(/\s*\/\s*/g, ", ").replace(/\s+/g, " ").trim();
}
