import type { Statistic } from "../normalize/statistic.ts";
import { describe, periodRelation, type ReconciliationEntry, type Scope } from "../normalize/reconciliation.ts";
import { valuesAgree } from "../parse/precision.ts";
import { fmt } from "./numbers.ts";
import type { AuditRow, AuditStatus } from "./row.ts";

/**
 * The audit rows of the reviewer's reconciliation (raw/reconciliation.tsv, read by
 * normalize/reconciliation.ts): kind `reconciliation` for `cross` entries (pass when the
 * values agree for the same measure, unit and period; fail when they differ; not applicable
 * when unit or period differ, or a period is not printed), kind `restatement` for in-document
 * entries (value, unit and period compared; a missing period on one side is allowed, since a
 * table often leaves out the year its text gives).
 */

/**
 * Compares two sides of statistics: kind `reconciliation` across the documents, kind
 * `restatement` within one (see the module comment). `judgement` closes the message.
 */
export function compareSides(
  scope: Scope,
  checkKey: string,
  head: string,
  left: readonly Statistic[],
  right: readonly Statistic[],
  judgement: string,
): AuditRow {
  const all = left.flatMap((a) => right.map((b) => ({ a, b, relation: periodRelation(a, b), unit: a.unit === b.unit, ...valuesAgree(a, b) })));
  const cells = [...left, ...right].map((s) => s.id).join(",");
  const first = all[0]!;
  if (scope === "cross") {
    const comparable = all.filter((p) => p.unit && (p.relation === "same" || p.relation === "none"));
    const check_id = `reconciliation:${checkKey}`;
    if (comparable.length === 0) {
      const why = all.some((p) => p.unit)
        ? all.some((p) => p.unit && p.relation === "different")
          ? "they are printed for different periods"
          : "one side prints no period"
        : "they are in different units";
      const text = all.map((p) => `${describe(p.a)} vs ${describe(p.b)}`).join("; ");
      return {
        check_id, kind: "reconciliation", table: null, cells, printed_value: first.a.value, computed_value: first.b.value, tolerance: null, status: "not_applicable",
        message: `${head}: the values are not compared because ${why}: ${text}. ${judgement}`,
      };
    }
    const differ = comparable.filter((p) => !p.agree);
    const shown = differ[0] ?? comparable[0]!;
    const status: AuditStatus = differ.length === 0 ? "pass" : "fail";
    const text = comparable.map((p) => `${describe(p.a)} ${p.agree ? "agrees with" : `differs by ${fmt(p.gap)} from`} ${describe(p.b)}`).join("; ");
    return {
      check_id, kind: "reconciliation", table: null, cells, printed_value: shown.a.value, computed_value: shown.b.value, tolerance: shown.tolerance, status,
      message: `${head}: same unit and period: ${text} (allowed gap: the printed rounding of both). ${judgement}`,
    };
  }
  const problems = all.flatMap((p) => {
    const found: string[] = [];
    if (!p.unit) found.push(`the unit differs (${p.a.unit} vs ${p.b.unit})`);
    else if (!p.agree) found.push(`the value differs by ${fmt(p.gap)}`);
    if (p.relation === "different") found.push(`the period differs (${p.a.period} vs ${p.b.period})`);
    return found.length > 0 ? [`${describe(p.a)} vs ${describe(p.b)}: ${found.join(", ")}`] : [];
  });
  const shown = all.find((p) => !p.unit || !p.agree || p.relation === "different") ?? first;
  const missing = all.some((p) => p.relation === "one_missing") ? " One side prints no period; the other's is taken to apply." : "";
  return {
    check_id: `restatement:${checkKey}`,
    kind: "restatement",
    table: null,
    cells,
    printed_value: shown.a.value,
    computed_value: shown.b.value,
    tolerance: shown.unit ? shown.tolerance : null,
    status: problems.length === 0 ? "pass" : "fail",
    message:
      problems.length === 0
        ? `${head}: ${all.map((p) => `${describe(p.a)} is restated as ${describe(p.b)}`).join("; ")}: same value (within the printed rounding), unit and period.${missing} ${judgement}`
        : `${head}: ${problems.join("; ")}.${missing} ${judgement}`,
  };
}

/** The audit row of one reconciliation entry. */
export function compareEntry(entry: ReconciliationEntry, byId: ReadonlyMap<string, Statistic>): AuditRow {
  const get = (id: string) => byId.get(id) ?? (() => { throw new Error(`invalid reconciliation entry ${entry.id}: no statistic ${id}`); })();
  return compareSides(
    entry.scope,
    entry.id,
    `${entry.subject}, ${entry.measure.replaceAll("_", " ")}`,
    entry.left_ids.map(get),
    entry.right_ids.map(get),
    `Classified ${entry.classification} (${entry.reason}) in ${entry.raw_file}:${entry.raw_line}.`,
  );
}
