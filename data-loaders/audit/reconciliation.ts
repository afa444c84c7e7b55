import type { Statistic } from "../normalize/statistic.ts";
import { periodRelation, type ReconciliationEntry, type Relation, type Scope, type Side } from "../normalize/reconciliation.ts";
import { valuesAgree } from "../parse/precision.ts";
import { fmt } from "./numbers.ts";
import type { AuditRow, AuditStatus, FindingClass } from "./row.ts";

/**
 * The audit rows of comparisons between two sides of statistics: the reviewer's pairs
 * (raw/reconciliation.tsv, read by normalize/reconciliation.ts) and the pairs the systematic
 * search finds (audit/search.ts). Kind `reconciliation` across the documents, `restatement`
 * within one. The reviewer's class decides the status: a `scope` pair is `explained` (context,
 * never a failure), a `restatement` passes when value and unit agree and no printed period
 * differs, and an `internal` or `across_documents` pair is a contradiction: `fail`.
 */

/** How a pair is judged: its class, whose printed values are in question, and the reviewer's words. */
export interface Judgement {
  class: FindingClass;
  inQuestion: Side;
  /** Closes the message: where the judgement is recorded, for a reviewer. */
  reviewer: string;
}

/** The period words of a comparison: never "same period" when nothing is printed (D22). */
export function periodWords(relations: readonly Relation[]): string {
  if (relations.every((r) => r === "same")) return "the same period is printed on both sides";
  if (relations.every((r) => r === "none")) return "no period printed on either side";
  if (relations.some((r) => r === "different")) return "they are printed for different periods";
  return "no period shared: a period is printed on one side only";
}

const periodOf = (s: Statistic) => s.period ?? "no period printed";
const describe = (s: Statistic) => `"${s.printed}" (${s.document}, ${s.locator}; ${periodOf(s)}; ${s.unit})`;

/**
 * Readings the reviewer pins: a number printed with an open bound ("101,000+") that an `agree`
 * entry of its own document restates exactly (Table #1's 101533) is that number, so a
 * comparison uses the exact one (D3: "+" is not an unbounded upper end).
 */
export function pinnedReadings(entries: readonly ReconciliationEntry[], byId: ReadonlyMap<string, Statistic>): Map<string, Statistic> {
  const pins = new Map<string, Statistic>();
  const open = (s: Statistic) => s.value_low === null || s.value_high === null;
  for (const e of entries) {
    if (e.scope === "cross" || e.classification !== "agree") continue;
    for (const a of e.left_ids.map((id) => byId.get(id)!)) {
      for (const b of e.right_ids.map((id) => byId.get(id)!)) {
        if (open(a) && !open(b)) pins.set(a.id, b);
        if (open(b) && !open(a)) pins.set(b.id, a);
      }
    }
  }
  return pins;
}

/** Compares two sides of statistics (see the module comment); `pins` maps an open-bounded number to its exact reading. */
export function compareSides(
  scope: Scope,
  checkKey: string,
  head: string,
  left: readonly Statistic[],
  right: readonly Statistic[],
  judgement: Judgement,
  pins: ReadonlyMap<string, Statistic> = new Map(),
): AuditRow {
  const read = (s: Statistic) => pins.get(s.id) ?? s;
  const shown = (s: Statistic) => (pins.has(s.id) ? `${describe(s)}, read as ${describe(pins.get(s.id)!)}` : describe(s));
  const all = left.flatMap((a) =>
    right.map((b) => {
      const [x, y] = [read(a), read(b)];
      return { a, b, relation: periodRelation(x, y), unit: x.unit === y.unit, ...(x.unit === y.unit ? valuesAgree(x, y) : { agree: false, gap: 0, tolerance: 0 }), x, y };
    }),
  );
  const cells = [...left, ...right].map((s) => s.id);
  const questioned = judgement.inQuestion === "left" ? left : judgement.inQuestion === "right" ? right : [...left, ...right];
  const differing = all.find((p) => !p.unit || !p.agree || p.relation === "different");
  const first = differing ?? all[0]!;
  const consistent = all.every((p) => p.unit && p.agree && p.relation !== "different");
  const status: AuditStatus =
    judgement.class === "scope" ? "explained" : judgement.class === "restatement" ? (consistent ? "pass" : "fail") : "fail";
  const pairs = all
    .map((p) => `${shown(p.a)} ${!p.unit ? "is in another unit than" : p.agree ? "agrees with" : `differs by ${fmt(p.gap)} from`} ${shown(p.b)}`)
    .join("; ");
  const tables = [...new Set([...left, ...right].map((s) => s.table).filter((t): t is string => t !== null))];
  return {
    check_id: `${scope === "cross" ? "reconciliation" : "restatement"}:${checkKey}`,
    kind: scope === "cross" ? "reconciliation" : "restatement",
    // A restatement of a table cell belongs to that table too (D23), not only to the text.
    table: tables.length > 0 ? tables.join(", ") : null,
    cells: cells.join(","),
    printed_value: first.x.value,
    computed_value: first.y.value,
    tolerance: first.unit ? first.tolerance : null,
    status,
    class: judgement.class,
    in_question: questioned.map((s) => s.id).join(","),
    message: `${head}: compared ${pairs}; ${periodWords(all.map((p) => p.relation))}. ${judgement.reviewer}`,
  };
}

/** The audit row of one reconciliation entry. */
export function compareEntry(entry: ReconciliationEntry, byId: ReadonlyMap<string, Statistic>, pins: ReadonlyMap<string, Statistic> = new Map()): AuditRow {
  const get = (id: string) => byId.get(id) ?? (() => { throw new Error(`invalid reconciliation entry ${entry.id}: no statistic ${id}`); })();
  return compareSides(
    entry.scope,
    entry.id,
    `${entry.subject}, ${entry.measure.replaceAll("_", " ")}`,
    entry.left_ids.map(get),
    entry.right_ids.map(get),
    {
      class: entry.class,
      inQuestion: entry.in_question,
      reviewer: `Judged ${entry.class.replace("_", " ")} (${entry.classification.replace("_", " ")}, ${entry.reason.replaceAll("_", " ")}) in ${entry.raw_file}:${entry.raw_line}.`,
    },
    pins,
  );
}
