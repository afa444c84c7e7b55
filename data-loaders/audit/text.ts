import type { Statistic } from "../normalize/statistic.ts";
import type { PrintedTable } from "../normalize/table.ts";
import { collapseWhitespace } from "../parse/text.ts";
import { halfWidth } from "../parse/precision.ts";
import { fmt } from "./numbers.ts";
import { judged, labelWords, notApplicable, type AuditKind, type AuditRow } from "./row.ts";
import { NO_SHARE_SET, TEXT_CHECKS, type TextCheck } from "./specs.ts";
import { wholeCountRow } from "./tables.ts";

/** The statistic ids a check names, in the order the check lists them. */
export function checkIds(check: TextCheck): string[] {
  switch (check.check) {
    case "percent_of":
      return [check.share, check.whole, check.result];
    case "share_lost":
      return [check.from, check.to, check.share];
    case "share_sum":
      return check.shares;
    case "part_whole":
      return [...check.parts, check.whole];
    case "sum":
      return [check.total, ...check.parts];
    case "row_count":
      return [check.count];
    case "whole_count":
      return [check.share, check.n];
    case "not_applicable":
      return check.ids;
  }
}

export function checkKind(check: TextCheck): AuditKind {
  switch (check.check) {
    case "percent_of":
    case "share_lost":
      return "derivation";
    case "sum":
    case "row_count":
      return "total";
    case "not_applicable":
      return check.kind;
    default:
      return check.check;
  }
}

/** The midpoint and half-range of what a statistic's words allow, widened by its printed rounding. */
function spread(s: Statistic): { mid: number; half: number } {
  const h = halfWidth(s);
  if (s.value !== null && s.value_low === s.value && s.value_high === s.value) return { mid: s.value, half: h };
  // "nearly 50 percent": the value lies just below the printed number, which the words leave
  // open below; for arithmetic it counts as near the number, within its printed rounding.
  if (s.qualifier === "almost" && s.value !== null) return { mid: s.value, half: h };
  if (s.value_low === null || s.value_high === null) throw new Error(`invalid audit check: ${s.id} ("${s.printed}") has an open bound`);
  return { mid: (s.value_low + s.value_high) / 2, half: (s.value_high - s.value_low) / 2 + h };
}

const quoted = (s: Statistic) => `"${s.printed}"`;

function evaluate(check: TextCheck, byId: ReadonlyMap<string, Statistic>, tables: readonly PrintedTable[]): AuditRow {
  const get = (id: string) => byId.get(id)!;
  const kind = checkKind(check);
  const id = `${kind}:${check.key}`;
  const cells = checkIds(check);
  switch (check.check) {
    case "percent_of": {
      const [share, whole, result] = [get(check.share), get(check.whole), get(check.result)];
      const a = spread(share);
      const b = spread(whole);
      const computed = (a.mid * b.mid) / 100;
      const tolerance = (Math.abs(b.mid) * a.half + Math.abs(a.mid) * b.half + a.half * b.half) / 100 + spread(result).half;
      const head = `${check.what}: ${share.printed} of ${whole.printed} is ${fmt(computed)}`;
      return judged({
        check_id: id, kind, table: check.table, cells, printed: spread(result).mid, computed, tolerance, inQuestion: [result.id],
        pass: `${head}, and the document prints ${quoted(result)}: within ${fmt(tolerance)}, what the rounding of the three printed numbers allows.`,
        fail: `${head}, but the document prints ${quoted(result)}: ${fmt(Math.abs(computed - spread(result).mid))} apart, more than the ${fmt(tolerance)} that the rounding of the three printed numbers allows.`,
      });
    }
    case "share_lost": {
      const [from, to, share] = [get(check.from), get(check.to), get(check.share)];
      const f = spread(from);
      const t = spread(to);
      const low = 100 * (1 - (t.mid + t.half) / (f.mid - f.half));
      const high = 100 * (1 - (t.mid - t.half) / (f.mid + f.half));
      const computed = (low + high) / 2;
      const s = spread(share);
      const tolerance = (high - low) / 2 + s.half;
      const head = `${check.what}: a fall from ${from.printed} (${from.period ?? "no period"}) to ${to.printed} (${to.period ?? "no period"}) is a loss of ${fmt(low)} to ${fmt(high)} percent`;
      return judged({
        check_id: id, kind, table: check.table, cells, printed: s.mid, computed, tolerance, inQuestion: [share.id],
        pass: `${head}, which holds the printed ${quoted(share)} (${share.period ?? "no period"}); the allowed gap ${fmt(tolerance)} is half that range plus the rounding of the printed share.`,
        fail: `${head}, which does not hold the printed ${quoted(share)} (${share.period ?? "no period"}).`,
      });
    }
    case "share_sum": {
      const shares = check.shares.map(get);
      const spreads = shares.map(spread);
      const computed = spreads.reduce((acc, x) => acc + x.mid, 0);
      const tolerance = spreads.reduce((acc, x) => acc + x.half, 0);
      const terms = shares.map((s) => s.printed).join(" + ");
      if (check.whole === "all") {
        return judged({
          check_id: id, kind, table: check.table, cells, printed: 100, computed, tolerance, inQuestion: cells,
          pass: `${check.what}: ${terms} = ${fmt(computed)}, which is 100 within ${fmt(tolerance)}, the rounding of the printed shares (${check.why}).`,
          fail: `${check.what}: ${terms} = ${fmt(computed)}, not 100, even allowing ${fmt(tolerance)} for the rounding of the printed shares (${check.why}).`,
        });
      }
      const ok = computed - tolerance <= 100 + 1e-9;
      return {
        check_id: id, kind, table: check.table, cells: cells.join(","), printed_value: 100, computed_value: computed, tolerance, status: ok ? "pass" : "fail", class: "arithmetic", in_question: cells.join(","),
        message: ok
          ? `${check.what}: ${terms} = ${fmt(computed)} (allowing ${fmt(tolerance)} for ranges and rounding), at most 100 as parts of one whole must be (${check.why}).`
          : `${check.what}: ${terms} = ${fmt(computed)}, more than 100 even allowing ${fmt(tolerance)} for ranges and rounding, though they are parts of one whole (${check.why}).`,
      };
    }
    case "part_whole": {
      const parts = check.parts.map(get);
      const whole = get(check.whole);
      const low = parts.reduce((acc, s) => acc + (s.value_low ?? 0), 0);
      const high = whole.value_high ?? Infinity;
      const ok = low <= high;
      const terms = parts.map((s) => s.printed).join(" + ");
      const sum = parts.every((s) => s.value !== null) ? parts.reduce((acc, s) => acc + s.value!, 0) : null;
      return {
        // Whether the parts or the whole is misprinted the document does not say: all are in question.
        check_id: id, kind, table: check.table, cells: cells.join(","), printed_value: whole.value, computed_value: sum, tolerance: 0, status: ok ? "pass" : "fail", class: "arithmetic", in_question: cells.join(","),
        message: ok
          ? `${check.what}: ${terms}${parts.length > 1 && sum !== null ? ` = ${fmt(sum)}` : ""} is at most ${quoted(whole)}, as parts must be (${check.why}).`
          : `${check.what}: ${terms}${parts.length > 1 && sum !== null ? ` = ${fmt(sum)}` : ""} is more than ${quoted(whole)}, though ${parts.length > 1 ? "they are parts" : "it is a part"} of it (${check.why}).`,
      };
    }
    case "sum": {
      const total = get(check.total);
      const parts = check.parts.map(get);
      if (check.words) {
        const holder = get(check.words.in);
        if (!collapseWhitespace(holder.quote).includes(check.words.printed)) {
          throw new Error(`invalid audit check ${id}: "${check.words.printed}" is not in the quote of ${holder.id}`);
        }
      }
      const terms = [...parts.map((s) => `${s.printed} (${s.measure.replaceAll("_", " ")})`), ...(check.words ? [`${check.words.printed}`] : [])];
      const computed = parts.reduce((acc, s) => acc + s.value!, 0) + (check.words?.value ?? 0);
      const words = check.words ? `, counting "${check.words.printed}" as ${check.words.value}` : "";
      return judged({
        check_id: id, kind, table: check.table, cells, printed: total.value!, computed, tolerance: 0,
        pass: `${check.what}: the printed ${quoted(total)} equals its listed parts, ${terms.join(" + ")} = ${fmt(computed)}${words}.`,
        fail: `${check.what}: the text prints ${quoted(total)} but lists ${terms.join(" + ")} = ${fmt(computed)}${words}.`,
      });
    }
    case "row_count": {
      const count = get(check.count);
      const table = tables.find((t) => t.key === check.tableKey);
      if (!table) throw new Error(`invalid audit check ${id}: no table ${check.tableKey}`);
      return judged({
        check_id: id, kind, table: check.table, cells, printed: count.value!, computed: table.rows.length, tolerance: 0,
        pass: `${check.what}: the text's ${quoted(count)} matches the ${table.rows.length} rows of ${table.table}.`,
        fail: `${check.what}: the text says ${quoted(count)}, but ${table.table} prints ${table.rows.length} rows.`,
      });
    }
    case "whole_count":
      return wholeCountRow(id, check.table, check.what, get(check.share), get(check.n));
    case "not_applicable": {
      const stats = check.ids.map(get);
      const [a, b] = [stats[0]?.value ?? null, stats[1]?.value ?? null];
      let computed: number | null = null;
      let shown = "";
      if (check.compute === "ratio_percent" && a !== null && b !== null) {
        computed = (100 * a) / b;
        shown = ` (${stats[0]!.printed} of ${stats[1]!.printed} would be ${fmt(computed)} percent)`;
      } else if (check.compute === "multiple" && a !== null && b !== null) {
        computed = b / a;
        shown = ` (${stats[1]!.printed} is ${fmt(computed)} times ${stats[0]!.printed})`;
      } else if (check.compute === "sum" && stats.every((s) => s.value !== null)) {
        computed = stats.reduce((acc, s) => acc + s.value!, 0);
        shown = ` (${stats.map((s) => s.printed).join(" + ")} = ${fmt(computed)})`;
      }
      return notApplicable(id, kind, check.table, cells, `${check.what}: not checked: ${check.reason}${shown}.`, { computed });
    }
  }
}

/**
 * Evaluates the reviewer's checks (specs.ts) against a ledger. A check whose statistics are
 * all missing belongs to another raw folder (a test fixture) and is skipped; a check with only
 * some of them missing names a renamed or deleted id, and stops the audit.
 */
export function textChecks(statistics: readonly Statistic[], tables: readonly PrintedTable[], checks: readonly TextCheck[] = TEXT_CHECKS): AuditRow[] {
  const byId = new Map(statistics.map((s) => [s.id, s]));
  const rows: AuditRow[] = [];
  for (const check of checks) {
    const ids = checkIds(check);
    const missing = ids.filter((i) => !byId.has(i));
    if (missing.length === ids.length) continue;
    if (missing.length > 0) throw new Error(`invalid audit check ${checkKind(check)}:${check.key}: no statistic ${missing.join(", ")}`);
    rows.push(evaluate(check, byId, tables));
  }
  return rows;
}

/** A `not_applicable` share_sum row for each printed table that no share check covers, saying why. */
export function tablesWithoutShares(statistics: readonly Statistic[], tables: readonly PrintedTable[], covered: ReadonlySet<string>): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const table of tables) {
    if (covered.has(table.table)) continue;
    const stats = statistics.filter((s) => s.document === table.document && s.table === table.table);
    const percents = stats.filter((s) => s.unit === "percent");
    const units = [...new Set(stats.map((s) => labelWords(s.unit)))];
    const reason =
      NO_SHARE_SET[table.key] ??
      (stats.length === 0
        ? "it prints no numbers, only text"
        : percents.length === 0
          ? `it prints no percentages (its numbers are in ${units.join(", ")}), so no printed shares partition a whole`
          : "none of its percentages has been identified as parts of one whole");
    rows.push(notApplicable(`share_sum:${table.key}`, "share_sum", table.table, percents.map((s) => s.id), `${table.table}: no shares to add up: ${reason}.`));
  }
  return rows;
}
