import type { Statistic } from "../normalize/statistic.ts";
import { normalizeLabel, type PrintedTable } from "../normalize/table.ts";
import type { Unit } from "../parse/units.ts";
import { halfWidth, printedDecimals, readable } from "../parse/precision.ts";
import { fmt, precisionWords, within } from "./numbers.ts";
import { countWord, judged, labelWords, notApplicable, type AuditRow } from "./row.ts";

/**
 * Checks that follow from the shape of a printed table alone, with no reviewer input:
 *
 * - `total`: a row labelled "Total" against the sum of the rows above it, column by column;
 * - `whole_count`: a percentage printed with the N of its group (in its cell, as Table #7
 *   prints "67.2 (N=61)", or in its column header, as Table #6 prints "All Firms N=60 (%)")
 *   must be k/N for some whole number of firms k, given its printed precision;
 * - `subgroup_n`, `subgroup_sum`, `weighted_average`: where one header N column is "All …"
 *   and the other header N columns are its groups, the groups' Ns must add up to the all-firms
 *   N, the groups' implied counts to the all-firms count, and the N-weighted average of the
 *   groups' percentages to the all-firms percentage.
 */

const isTotal = (row: string) => /^\s*total\s*$/i.test(row);
const isAll = (column: string) => /^\s*all\b/i.test(column);
const RESPONDENTS = "respondents";

/** What the rows of a table are, for messages: Table #1's rows are sectors. */
const ROW_NOUNS: Record<string, string> = { "thesis-table-1": "sectors" };

function cellStats(stats: readonly Statistic[], row: string | null, column: string): Statistic[] {
  return stats.filter((s) => s.row_label === row && s.column_label === column);
}

/** The N a percentage cell is a share of: printed in the same cell, or in its column header. */
function groupN(stats: readonly Statistic[], share: Statistic): Statistic | null {
  const inCell = cellStats(stats, share.row_label, share.column_label!).filter((s) => s.unit === RESPONDENTS);
  if (inCell.length === 1) return inCell[0]!;
  const inHeader = cellStats(stats, null, share.column_label!).filter((s) => s.unit === RESPONDENTS);
  return inHeader.length === 1 ? inHeader[0]! : null;
}

/** Whole counts k of n whose percentage 100·k/n prints as `share` at its printed precision. */
export function impliedCounts(share: Statistic, n: number): { counts: number[]; nearest: number } {
  const p = share.value!;
  const h = halfWidth(share);
  const nearest = Math.min(n, Math.max(0, Math.round((p * n) / 100)));
  const counts: number[] = [];
  for (let k = Math.max(0, Math.floor(((p - h) * n) / 100)); k <= Math.min(n, Math.ceil(((p + h) * n) / 100)); k++) {
    if (within((100 * k) / n, p, h)) counts.push(k);
  }
  return { counts, nearest };
}

function totalChecks(table: PrintedTable, stats: readonly Statistic[], units: ReadonlyMap<string, Unit>): AuditRow[] {
  const rows: AuditRow[] = [];
  const partRows = table.rows.filter((r) => !isTotal(r));
  const noun = ROW_NOUNS[table.key] ?? "rows above it";
  for (const totalRow of table.rows.filter(isTotal)) {
    for (const column of table.columns) {
      for (const total of cellStats(stats, totalRow, column)) {
        if (units.get(total.unit)?.kind !== "count" || total.value === null) continue;
        const where = labelWords(column);
        const parts = partRows.map((r) => ({ row: r, stats: cellStats(stats, r, column).filter((s) => s.unit === total.unit) }));
        const missing = parts.filter((p) => p.stats.length !== 1 || p.stats[0]!.value === null);
        const id = `total:${total.id}`;
        if (missing.length > 0) {
          rows.push(
            notApplicable(id, "total", table.table, [total.id], `${where}: the rows ${missing.map((m) => `"${m.row}"`).join(", ")} print no single number in ${total.unit}, so the printed total ${total.printed} cannot be added up.`, { printed: total.value }),
          );
          continue;
        }
        const values = parts.map((p) => p.stats[0]!);
        const sum = values.reduce((acc, s) => acc + s.value!, 0);
        const diff = total.value - sum;
        const count = `the ${countWord(values.length)} ${noun}`;
        rows.push(
          judged({
            check_id: id,
            kind: "total",
            table: table.table,
            cells: [total.id, ...values.map((s) => s.id)],
            printed: total.value,
            computed: sum,
            tolerance: 0,
            pass: `${where}: the printed total ${total.printed} equals the sum of ${count} (counts add up exactly, so no gap is allowed).`,
            fail: `${where}: the printed total ${total.printed} is ${fmt(Math.abs(diff))} ${diff > 0 ? "more" : "less"} than the sum of ${count}, ${fmt(sum)}.`,
          }),
        );
      }
    }
  }
  return rows;
}

function wholeCountChecks(table: PrintedTable, stats: readonly Statistic[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const share of stats) {
    if (share.unit !== "percent" || share.row_label === null || share.value === null) continue;
    const n = groupN(stats, share);
    if (!n || n.value === null) continue;
    rows.push(wholeCountRow(`whole_count:${share.id}`, table.table, `${share.row_label}, ${labelWords(normalizeLabel(share.column_label!))}`, share, n));
  }
  return rows;
}

/** The whole_count check of one percentage `share` of a group of `n` (used for tables and text). */
export function wholeCountRow(checkId: string, table: string | null, where: string, share: Statistic, n: Statistic): AuditRow {
  const size = n.value!;
  const h = halfWidth(share);
  const { counts, nearest } = impliedCounts(share, size);
  const k = counts.length > 0 ? counts.reduce((best, c) => (Math.abs(c - (share.value! * size) / 100) < Math.abs(best - (share.value! * size) / 100) ? c : best)) : nearest;
  const computed = (100 * k) / size;
  const precision = precisionWords(printedDecimals(readable(share)) ?? 0);
  const exact = fmt((share.value! * size) / 100);
  const percent = /%|per\s?cent/i.test(share.printed) ? share.printed : `${share.printed} percent`;
  return judged({
    check_id: checkId,
    kind: "whole_count",
    table,
    cells: [share.id, n.id],
    printed: share.value!,
    computed,
    tolerance: h,
    pass: `${where} (N=${size}): ${percent} of ${size} is ${exact}; ${k} of ${size} is ${fmt(computed)} percent, which prints as ${share.printed} to ${precision} (allowed gap ${fmt(h)}, half the last printed digit).`,
    fail: `${where} (N=${size}): ${percent} of ${size} is ${exact}, and no whole count fits: the nearest, ${k} of ${size}, is ${fmt(computed)} percent, ${fmt(Math.abs(computed - share.value!))} away from the printed ${share.printed}, more than the ${fmt(h)} that ${precision} allows.`,
  });
}

function subgroupChecks(table: PrintedTable, stats: readonly Statistic[]): AuditRow[] {
  const headerNs = stats.filter((s) => s.row_label === null && s.unit === RESPONDENTS && s.value !== null);
  const cellNs = stats.filter((s) => s.row_label !== null && s.unit === RESPONDENTS);
  const all = headerNs.filter((s) => isAll(s.column_label!));
  if (all.length !== 1) {
    if (headerNs.length === 0 && cellNs.length === 0) return [];
    const groups = [...new Set([...headerNs, ...cellNs].map((s) => labelWords(normalizeLabel(s.column_label!))))];
    return [
      notApplicable(
        `subgroup_sum:${table.key}`,
        "subgroup_sum",
        table.table,
        [],
        `${table.table} prints Ns for ${groups.join(" and ")} but no all-firms column, so there is no total for the groups' Ns, counts or percentages to add up to.`,
      ),
    ];
  }
  const allN = all[0]!;
  const subNs = headerNs.filter((s) => s !== allN);
  const order = (s: Statistic) => table.columns.indexOf(s.column_label!);
  subNs.sort((a, b) => order(a) - order(b));
  const names = subNs.map((s) => labelWords(normalizeLabel(s.column_label!)));
  const sumN = subNs.reduce((acc, s) => acc + s.value!, 0);
  const rows: AuditRow[] = [
    judged({
      check_id: `subgroup_n:${table.key}`,
      kind: "subgroup_n",
      table: table.table,
      cells: [allN.id, ...subNs.map((s) => s.id)],
      printed: allN.value!,
      computed: sumN,
      tolerance: 0,
      pass: `The group sizes ${subNs.map((s) => s.value).join(" + ")} (${names.join(", ")}) add up to the all-firms N=${allN.value} (counts: no gap allowed).`,
      fail: `The group sizes ${subNs.map((s) => s.value).join(" + ")} (${names.join(", ")}) add up to ${sumN}, not the all-firms N=${allN.value}.`,
    }),
  ];
  for (const row of table.rows) {
    const allShare = cellStats(stats, row, allN.column_label!).find((s) => s.unit === "percent" && s.value !== null);
    if (!allShare) continue;
    const groups = subNs.map((n) => ({ n, share: cellStats(stats, row, n.column_label!).find((s) => s.unit === "percent" && s.value !== null) }));
    const absent = groups.filter((g) => !g.share);
    if (absent.length > 0) {
      const message = `"${row}": ${absent.map((g) => labelWords(normalizeLabel(g.n.column_label!))).join(", ")} print no percentage, so the groups cannot be added up.`;
      rows.push(notApplicable(`subgroup_sum:${allShare.id}`, "subgroup_sum", table.table, [allShare.id], message));
      rows.push(notApplicable(`weighted_average:${allShare.id}`, "weighted_average", table.table, [allShare.id], message));
      continue;
    }
    const parts = groups.map((g) => ({ n: g.n, share: g.share!, ...impliedCounts(g.share!, g.n.value!) }));
    const whole = impliedCounts(allShare, allN.value!);
    const cells = [allShare.id, ...parts.map((p) => p.share.id), allN.id, ...subNs.map((s) => s.id)];
    // Each percentage may stand for several whole counts; they agree if some choice of them adds up.
    const range = (c: { counts: number[]; nearest: number }) => (c.counts.length > 0 ? [Math.min(...c.counts), Math.max(...c.counts)] : [c.nearest, c.nearest]);
    const [wholeLow, wholeHigh] = range(whole) as [number, number];
    const partLow = parts.reduce((acc, p) => acc + range(p)[0]!, 0);
    const partHigh = parts.reduce((acc, p) => acc + range(p)[1]!, 0);
    const nearestSum = parts.reduce((acc, p) => acc + (p.counts.length === 1 ? p.counts[0]! : p.nearest), 0);
    const wholeCount = whole.counts.length === 1 ? whole.counts[0]! : whole.nearest;
    const unfit = [...parts.filter((p) => p.counts.length === 0).map((p) => `${p.share.printed} of ${p.n.value}`), ...(whole.counts.length === 0 ? [`${allShare.printed} of ${allN.value}`] : [])];
    const note = unfit.length > 0 ? ` (${unfit.join(" and ")} fits no whole count, so the nearest is used)` : "";
    const counts = parts.map((p) => `${p.counts.length === 1 ? p.counts[0] : p.nearest} of ${p.n.value}`).join(" + ");
    const slack = wholeHigh - wholeLow + (partHigh - partLow);
    const overlap = Math.max(wholeLow, partLow) <= Math.min(wholeHigh, partHigh);
    rows.push({
      check_id: `subgroup_sum:${allShare.id}`,
      kind: "subgroup_sum",
      table: table.table,
      cells: cells.join(","),
      printed_value: wholeCount,
      computed_value: nearestSum,
      tolerance: slack,
      status: overlap ? "pass" : "fail",
      class: "arithmetic",
      in_question: allShare.id,
      message: overlap
        ? `"${row}": the groups' implied counts ${counts} = ${nearestSum} firms match the all-firms ${allShare.printed} of ${allN.value} = ${wholeCount} firms${note}.`
        : `"${row}": the groups' implied counts ${counts} add up to ${nearestSum} firms, but the all-firms ${allShare.printed} of ${allN.value} is ${wholeCount} firms${note}.`,
    });
    const weight = parts.reduce((acc, p) => acc + p.n.value!, 0);
    const average = parts.reduce((acc, p) => acc + p.n.value! * p.share.value!, 0) / weight;
    const tolerance = parts.reduce((acc, p) => acc + p.n.value! * halfWidth(p.share), 0) / weight + halfWidth(allShare);
    const terms = parts.map((p) => `${p.n.value}×${p.share.printed}`).join(" + ");
    rows.push(
      judged({
        check_id: `weighted_average:${allShare.id}`,
        kind: "weighted_average",
        table: table.table,
        cells,
        printed: allShare.value!,
        computed: average,
        tolerance,
        pass: `"${row}": the N-weighted average of the groups, (${terms}) / ${weight} = ${fmt(average)}, matches the all-firms ${allShare.printed} within ${fmt(tolerance)} (the rounding of the printed percentages).`,
        fail: `"${row}": the N-weighted average of the groups, (${terms}) / ${weight} = ${fmt(average)}, is ${fmt(Math.abs(average - allShare.value!))} from the all-firms ${allShare.printed}, more than the ${fmt(tolerance)} that the rounding of the printed percentages allows.`,
      }),
    );
  }
  return rows;
}

/** Every check the shape of one printed table implies (see the module comment). */
export function tableChecks(table: PrintedTable, statistics: readonly Statistic[], units: ReadonlyMap<string, Unit>): AuditRow[] {
  const stats = statistics.filter((s) => s.document === table.document && s.table === table.table);
  return [...totalChecks(table, stats, units), ...wholeCountChecks(table, stats), ...subgroupChecks(table, stats)];
}

/**
 * `part_whole` checks between two column groups of one table, where the reviewer knows the
 * one place lies inside the other (Table #1: the Sinos Valley inside Rio Grande do Sul): each
 * cell of the part group must be at most the matching cell of the whole group.
 */
export function partWholeColumns(
  table: PrintedTable,
  statistics: readonly Statistic[],
  spec: { part: string; whole: string; why: string },
): AuditRow[] {
  const stats = statistics.filter((s) => s.document === table.document && s.table === table.table);
  const rows: AuditRow[] = [];
  for (const column of table.columns.filter((c) => c.startsWith(`${spec.part} / `))) {
    const wholeColumn = `${spec.whole} / ${column.slice(spec.part.length + 3)}`;
    if (!table.columns.includes(wholeColumn)) throw new Error(`invalid part_whole spec: ${table.table} has no column "${wholeColumn}"`);
    for (const row of table.rows) {
      for (const part of cellStats(stats, row, column)) {
        const whole = cellStats(stats, row, wholeColumn).find((s) => s.unit === part.unit);
        if (!whole) continue;
        const low = part.value_low ?? 0;
        const high = whole.value_high ?? Infinity;
        const ok = low <= high;
        rows.push({
          check_id: `part_whole:${part.id}`,
          kind: "part_whole",
          table: table.table,
          cells: [part.id, whole.id].join(","),
          printed_value: part.value,
          computed_value: whole.value,
          tolerance: 0,
          status: ok ? "pass" : "fail",
          class: "arithmetic",
          // Which of the two is wrong the table does not say: both are in question.
          in_question: [part.id, whole.id].join(","),
          message: ok
            ? `${row}, ${labelWords(column.slice(spec.part.length + 3))}: ${spec.part} ${part.printed} is at most ${spec.whole} ${whole.printed}, as a part must be (${spec.why}).`
            : `${row}, ${labelWords(column.slice(spec.part.length + 3))}: ${spec.part} ${part.printed} is more than ${spec.whole} ${whole.printed}, though it is a part of it (${spec.why}).`,
        });
      }
    }
  }
  return rows;
}
