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
  "most",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * pass and fail judge a check; `explained` is a comparison whose sides differ for a reason the
 * reviewer records (another year, scope, source or unit): context, never a failure.
 */
export const AUDIT_STATUSES = ["pass", "fail", "explained", "not_applicable"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/**
 * What kind of problem (or non-problem) a check looks for, as a reader sees it:
 * - arithmetic: a printed total, share or count that the document's own numbers contradict;
 * - internal: two statements of one document that cannot both hold;
 * - across_documents: the two documents disagree on the same subject, measure and period;
 * - scope: they report different things (year, scope, source, unit): shown for context, never a failure;
 * - restatement: the same number printed again, consistently.
 */
export const FINDING_CLASSES = ["arithmetic", "internal", "across_documents", "scope", "restatement"] as const;
export type FindingClass = (typeof FINDING_CLASSES)[number];

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
  /** The class of what the check looks for (see FINDING_CLASSES). */
  class: FindingClass;
  /** The statistic ids whose printed value the check puts in question (a subset of `cells`), comma-separated. */
  in_question: string;
  /** For a reviewer: what was checked, how, and where the judgement is recorded. */
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
  /** The ids whose printed value is in question; default: the first of `cells`, the printed number checked. */
  inQuestion?: readonly string[];
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
    class: "arithmetic",
    in_question: (input.inQuestion ?? input.cells.slice(0, 1)).join(","),
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
    class: "arithmetic",
    in_question: "",
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
