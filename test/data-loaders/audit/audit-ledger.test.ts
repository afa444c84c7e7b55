import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { auditLedger, type AuditRow } from "../../../data-loaders/audit/audit-ledger.ts";
import { halfWidth, printedDecimals, valuesAgree } from "../../../data-loaders/parse/precision.ts";
import { NO_SHARE_SET, TEXT_CHECKS, type TextCheck } from "../../../data-loaders/audit/specs.ts";
import { impliedCounts, partWholeColumns, tableChecks } from "../../../data-loaders/audit/tables.ts";
import { checkIds, checkKind, tablesWithoutShares, textChecks } from "../../../data-loaders/audit/text.ts";
import { AUDIT_FILE } from "../../../data-loaders/publish/dictionary.ts";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { writeOutputs } from "../../../data-loaders/publish/write-outputs.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { queryOutputs } from "../../../site/loader/ledger-database.ts";
import { compareSides, pinnedReadings, type Judgement } from "../../../data-loaders/audit/reconciliation.ts";
import type { ReconciliationEntry } from "../../../data-loaders/normalize/reconciliation.ts";
import { normalizeStatistic, type DocumentId, type Statistic } from "../../../data-loaders/normalize/statistic.ts";
import { parseTable, type PrintedTable } from "../../../data-loaders/normalize/table.ts";
import { parseUnits } from "../../../data-loaders/parse/units.ts";

const UNITS = parseUnits(readFileSync(join(RAW_DIR, "units.tsv"), "utf8"), "raw/units.tsv");

type Fields = { id: string; printed: string; unit: string } & Partial<Record<string, string>>;

/** A statistic normalized exactly as the ledger would, from the few fields a test cares about. */
function stat(fields: Fields, document: DocumentId = "thesis"): Statistic {
  const row = {
    line: 2,
    fields: {
      locator: "test", page: "", line: "1", subject: "Testville", measure: "m", qualifier: "", period: "",
      cited_source: "", quote: fields.printed, table: "", row: "", column: "", note: "",
      ...fields,
    } as Record<string, string>,
  };
  return normalizeStatistic(row, { file: "test.tsv", document, units: UNITS });
}

/** A statistic in a table cell (or, with row "", in a column header). */
function cell(id: string, row: string, column: string, printed: string, unit: string, quote = printed): Statistic {
  return stat({ id, printed, unit, quote, table: "Table #9", row, column });
}

function table(cells: readonly (readonly [string, string, string])[]): PrintedTable {
  const text = ["# table: Table #9", "# lines: 1-9", "row\tcolumn\tcell", ...cells.map((c) => c.join("\t"))].join("\n");
  return parseTable(text, "raw/thesis/tables/table-9.tsv", "thesis");
}

const byId = (rows: readonly AuditRow[], id: string) => {
  const row = rows.find((r) => r.check_id === id);
  assert.ok(row, `no row ${id} among ${rows.map((r) => r.check_id).join(", ")}`);
  return row;
};

describe("printed precision", () => {
  it("reads the decimals and the scale of the printed number", () => {
    assert.equal(printedDecimals("55,0"), 1);
    assert.equal(printedDecimals("10,000"), 0);
    assert.equal(printedDecimals("12.3%"), 1);
    assert.equal(halfWidth(stat({ id: "a", printed: "55,0", unit: "percent" })), 0.05);
    assert.equal(halfWidth(stat({ id: "b", printed: "$125 million", unit: "USD" })), 500000);
    assert.equal(halfWidth(stat({ id: "c", printed: "172.4 million", unit: "pairs" })), 50000);
    assert.equal(halfWidth(stat({ id: "d", printed: "five", unit: "firms" })), 0);
  });

  it("tells values that can be the same from values that cannot", () => {
    const usd = (id: string, printed: string) => stat({ id, printed, unit: "USD" });
    assert.equal(valuesAgree(usd("a", "$125 million"), usd("b", "$125 million")).agree, true);
    assert.equal(valuesAgree(usd("a", "$124 million"), usd("b", "$125 million")).agree, false);
    const pct = (id: string, printed: string) => stat({ id, printed, unit: "percent" });
    assert.equal(valuesAgree(pct("a", "12 percent"), pct("b", "12.3%")).agree, true);
    assert.equal(valuesAgree(stat({ id: "a", printed: "101,000+", unit: "workers" }), stat({ id: "b", printed: "101533", unit: "workers" })).agree, true);
  });

  it("finds the whole counts a percentage of N can stand for", () => {
    assert.deepEqual(impliedCounts(stat({ id: "a", printed: "61,9", unit: "percent" }), 21).counts, [13]);
    assert.deepEqual(impliedCounts(stat({ id: "a", printed: "53,0", unit: "percent" }), 17), { counts: [], nearest: 9 });
  });
});

describe("total", () => {
  const t = table([
    ["North", "Region / Firms", "1"],
    ["South", "Region / Firms", "2"],
    ["Total", "Region / Firms", "3"],
    ["North", "Region / Workers", "10"],
    ["South", "Region / Workers", "20"],
    ["Total", "Region / Workers", "40"],
  ]);
  const stats = [
    cell("n.f", "North", "Region / Firms", "1", "firms"),
    cell("s.f", "South", "Region / Firms", "2", "firms"),
    cell("t.f", "Total", "Region / Firms", "3", "firms"),
    cell("n.w", "North", "Region / Workers", "10", "workers"),
    cell("s.w", "South", "Region / Workers", "20", "workers"),
    cell("t.w", "Total", "Region / Workers", "40", "workers"),
  ];
  const rows = tableChecks(t, stats, UNITS);

  it("passes a Total row that is the sum of the rows above it", () => {
    const row = byId(rows, "total:t.f");
    assert.deepEqual([row.kind, row.status, row.printed_value, row.computed_value, row.tolerance, row.cells], ["total", "pass", 3, 3, 0, "t.f,n.f,s.f"]);
  });

  it("fails one that is not, saying by how much", () => {
    const row = byId(rows, "total:t.w");
    assert.deepEqual([row.status, row.printed_value, row.computed_value], ["fail", 40, 30]);
    assert.equal(row.message, "Region, Workers: the printed total 40 is 10 more than the sum of the two rows above it, 30.");
  });
});

describe("whole_count, subgroup_n, subgroup_sum, weighted_average", () => {
  const columns = ["All N=10 (%)", "Small N=4 (%)", "Large N=6 (%)"];
  const header = (id: string, column: string, n: string) => cell(id, "", column, `N=${n}`, "respondents", column);
  const build = (all: string, small: string, large: string, largeN = "6") => {
    const cols = [columns[0]!, columns[1]!, `Large N=${largeN} (%)`];
    const t = table([
      ["Cooperate", cols[0]!, all],
      ["Cooperate", cols[1]!, small],
      ["Cooperate", cols[2]!, large],
    ]);
    const stats = [
      header("n.all", cols[0]!, "10"),
      header("n.small", cols[1]!, "4"),
      header("n.large", cols[2]!, largeN),
      cell("p.all", "Cooperate", cols[0]!, all, "percent"),
      cell("p.small", "Cooperate", cols[1]!, small, "percent"),
      cell("p.large", "Cooperate", cols[2]!, large, "percent"),
    ];
    return tableChecks(t, stats, UNITS);
  };
  // 1 of 4 small firms and 3 of 6 large firms: 4 of 10 firms.
  const good = build("40,0", "25,0", "50,0");

  it("whole_count: passes a percentage some whole count of N prints as, fails one none does", () => {
    const row = byId(good, "whole_count:p.small");
    assert.deepEqual([row.status, row.printed_value, row.computed_value, row.tolerance, row.cells], ["pass", 25, 25, 0.05, "p.small,n.small"]);
    const bad = byId(build("40,0", "33,0", "50,0"), "whole_count:p.small");
    assert.equal(bad.status, "fail");
    assert.match(bad.message, /no whole count fits: the nearest, 1 of 4, is 25 percent/);
  });

  it("whole_count: takes N from the cell when the cell prints it, as Table #7 does", () => {
    const t = table([["Quality", "Domestic (%)", "67.2 (N=61)"], ["Quality", "Export (%)", "80.5 (N=25)"]]);
    const stats = [
      cell("d", "Quality", "Domestic (%)", "67.2", "percent", "67.2 (N=61)"),
      cell("d.n", "Quality", "Domestic (%)", "N=61", "respondents", "67.2 (N=61)"),
      cell("e", "Quality", "Export (%)", "80.5", "percent", "80.5 (N=25)"),
      cell("e.n", "Quality", "Export (%)", "N=25", "respondents", "80.5 (N=25)"),
    ];
    const rows = tableChecks(t, stats, UNITS);
    assert.equal(byId(rows, "whole_count:d").status, "pass");
    assert.equal(byId(rows, "whole_count:e").status, "fail");
    assert.equal(byId(rows, "subgroup_sum:thesis-table-9").status, "not_applicable");
  });

  it("subgroup_n: passes groups whose Ns add up to the all-firms N, fails others", () => {
    const row = byId(good, "subgroup_n:thesis-table-9");
    assert.deepEqual([row.status, row.printed_value, row.computed_value, row.cells], ["pass", 10, 10, "n.all,n.small,n.large"]);
    const bad = byId(build("40,0", "25,0", "50,0", "5"), "subgroup_n:thesis-table-9");
    assert.deepEqual([bad.status, bad.computed_value], ["fail", 9]);
  });

  it("subgroup_sum: passes implied counts that add up to the all-firms count, fails others", () => {
    const row = byId(good, "subgroup_sum:p.all");
    assert.deepEqual([row.status, row.printed_value, row.computed_value], ["pass", 4, 4]);
    const bad = byId(build("50,0", "25,0", "50,0"), "subgroup_sum:p.all");
    assert.deepEqual([bad.status, bad.printed_value, bad.computed_value], ["fail", 5, 4]);
  });

  it("weighted_average: passes an all-firms percentage the N-weighted groups give, fails others", () => {
    const row = byId(good, "weighted_average:p.all");
    assert.deepEqual([row.status, row.printed_value, row.computed_value, row.tolerance], ["pass", 40, 40, 0.1]);
    const bad = byId(build("50,0", "25,0", "50,0"), "weighted_average:p.all");
    assert.deepEqual([bad.status, bad.computed_value], ["fail", 40]);
  });
});

describe("part_whole across column groups", () => {
  const t = table([
    ["Shoes", "Valley / Firms", "5"],
    ["Shoes", "State / Firms", "8"],
    ["Tanning", "Valley / Firms", "9"],
    ["Tanning", "State / Firms", "8"],
  ]);
  const stats = [
    cell("v.shoes", "Shoes", "Valley / Firms", "5", "firms"),
    cell("s.shoes", "Shoes", "State / Firms", "8", "firms"),
    cell("v.tan", "Tanning", "Valley / Firms", "9", "firms"),
    cell("s.tan", "Tanning", "State / Firms", "8", "firms"),
  ];
  const rows = partWholeColumns(t, stats, { part: "Valley", whole: "State", why: "the valley is in the state" });

  it("passes a part no larger than its whole, fails one larger", () => {
    assert.equal(byId(rows, "part_whole:v.shoes").status, "pass");
    const bad = byId(rows, "part_whole:v.tan");
    assert.equal(bad.status, "fail");
    assert.match(bad.message, /Valley 9 is more than State 8/);
  });
});

describe("checks of the text (specs)", () => {
  const run = (check: TextCheck, stats: Statistic[], tables: PrintedTable[] = []) => {
    const rows = textChecks(stats, tables, [check]);
    assert.equal(rows.length, 1);
    return rows[0]!;
  };
  const base = { table: null, what: "Testville" };

  it("derivation, percent_of: passes '27% of 172.4 million (or about 46.5 million)', fails a wrong product", () => {
    const check: TextCheck = { ...base, check: "percent_of", key: "k", share: "s", whole: "w", result: "r" };
    const stats = (result: string) => [
      stat({ id: "s", printed: "27%", unit: "percent" }),
      stat({ id: "w", printed: "172.4 million", unit: "pairs" }),
      stat({ id: "r", printed: result, unit: "pairs" }),
    ];
    const ok = run(check, stats("about 46.5 million"));
    assert.deepEqual([ok.check_id, ok.kind, ok.status, ok.computed_value, ok.cells], ["derivation:k", "derivation", "pass", 46548000, "s,w,r"]);
    assert.equal(run(check, stats("about 56.5 million")).status, "fail");
  });

  it("derivation, share_lost: passes a printed loss within the levels' range, fails one outside", () => {
    const check: TextCheck = { ...base, check: "share_lost", key: "k", from: "f", to: "t", share: "s" };
    const stats = (share: string) => [
      stat({ id: "f", printed: "500-600", unit: "members" }),
      stat({ id: "t", printed: "280", unit: "members" }),
      stat({ id: "s", printed: share, unit: "percent" }),
    ];
    assert.equal(run(check, stats("nearly 50 percent")).status, "pass");
    assert.equal(run(check, stats("nearly 70 percent")).status, "fail");
  });

  it("derivation, not_applicable: says why, and shows the arithmetic it can do", () => {
    const check: TextCheck = { ...base, check: "not_applicable", kind: "derivation", key: "k", ids: ["a", "b"], compute: "multiple", reason: "no rate is printed" };
    const row = run(check, [stat({ id: "a", printed: "40", unit: "members" }), stat({ id: "b", printed: "80", unit: "members" })]);
    assert.deepEqual([row.status, row.computed_value, row.printed_value, row.tolerance], ["not_applicable", 2, null, null]);
    assert.match(row.message, /no rate is printed/);
  });

  it("share_sum: passes shares of one whole that add up to 100, fails ones that do not", () => {
    const check: TextCheck = { ...base, check: "share_sum", key: "k", shares: ["a", "b", "c"], whole: "all", why: "size classes" };
    const stats = (a: string) => [stat({ id: "a", printed: a, unit: "percent" }), stat({ id: "b", printed: "3%", unit: "percent" }), stat({ id: "c", printed: "1%", unit: "percent" })];
    const ok = run(check, stats("96%"));
    assert.deepEqual([ok.status, ok.printed_value, ok.computed_value, ok.tolerance], ["pass", 100, 100, 1.5]);
    assert.equal(run(check, stats("90%")).status, "fail");
  });

  it("share_sum of a part: passes shares under 100, fails shares over it", () => {
    const check: TextCheck = { ...base, check: "share_sum", key: "k", shares: ["a", "b"], whole: "part", why: "two states" };
    const stats = (a: string) => [stat({ id: "a", printed: a, unit: "percent" }), stat({ id: "b", printed: "50%", unit: "percent" })];
    assert.equal(run(check, stats("23%")).status, "pass");
    assert.equal(run(check, stats("60%")).status, "fail");
  });

  it("share_sum: a table without shares gets a not_applicable row saying why", () => {
    const t = table([["A", "Firms", "1"]]);
    const rows = tablesWithoutShares([cell("a", "A", "Firms", "1", "firms")], [t], new Set());
    assert.deepEqual(rows.map((r) => [r.check_id, r.status]), [["share_sum:thesis-table-9", "not_applicable"]]);
    assert.match(rows[0]!.message, /prints no percentages/);
    assert.deepEqual(tablesWithoutShares([], [t], new Set(["Table #9"])), []);
  });

  it("part_whole: passes parts that fit in the whole, fails parts that do not", () => {
    const check: TextCheck = { ...base, check: "part_whole", key: "k", parts: ["a", "b"], whole: "w", why: "of these firms" };
    const stats = (b: string) => [stat({ id: "a", printed: "200", unit: "firms" }), stat({ id: "b", printed: b, unit: "firms" }), stat({ id: "w", printed: "roughly 3000", unit: "firms" })];
    const ok = run(check, stats("600"));
    assert.deepEqual([ok.status, ok.printed_value, ok.computed_value], ["pass", 3000, 800]);
    assert.equal(run(check, stats("2900")).status, "fail");
  });

  it("total, sum: passes a count equal to its listed parts, fails 'six' listed as 2 + 4 + a trade fair body", () => {
    const stats = (total: string) => [
      stat({ id: "t", printed: total, unit: "associations" }),
      stat({ id: "a", printed: "two", unit: "associations", quote: "two professional associations, four institutes, and a trade fair body (FENAC)" }),
      stat({ id: "b", printed: "four", unit: "associations" }),
    ];
    const check: TextCheck = { ...base, check: "sum", key: "k", total: "t", parts: ["a", "b"], words: { value: 1, printed: "a trade fair body (FENAC)", in: "a" } };
    assert.equal(run(check, stats("seven")).status, "pass");
    const bad = run(check, stats("six"));
    assert.deepEqual([bad.kind, bad.status, bad.printed_value, bad.computed_value], ["total", "fail", 6, 7]);
    const invented: TextCheck = { ...check, words: { value: 1, printed: "a museum", in: "a" } };
    assert.throws(() => run(invented, stats("seven")), /not in the quote/);
  });

  it("total, row_count: passes a printed count of a table's rows, fails a wrong one", () => {
    const t = table([["A", "Industry", "Shoes"], ["B", "Industry", "Leather"]]);
    const check: TextCheck = { ...base, check: "row_count", key: "k", count: "c", tableKey: "thesis-table-9" };
    assert.equal(run(check, [stat({ id: "c", printed: "two", unit: "associations" })], [t]).status, "pass");
    assert.equal(run(check, [stat({ id: "c", printed: "four", unit: "associations" })], [t]).status, "fail");
  });

  it("whole_count in the text: passes 61.7% of 60, fails 61.6% of 60", () => {
    const check: TextCheck = { ...base, check: "whole_count", key: "k", share: "p", n: "n" };
    const stats = (p: string) => [stat({ id: "p", printed: p, unit: "percent" }), stat({ id: "n", printed: "60", unit: "respondents" })];
    assert.equal(run(check, stats("61.7%")).status, "pass");
    assert.equal(run(check, stats("61.6%")).status, "fail");
  });

  it("skips a check none of whose statistics exist (another raw folder), stops on one with some missing", () => {
    const check: TextCheck = { ...base, check: "whole_count", key: "k", share: "p", n: "n" };
    assert.deepEqual(textChecks([], [], [check]), []);
    assert.throws(() => textChecks([stat({ id: "p", printed: "61.7%", unit: "percent" })], [], [check]), /no statistic n/);
  });
});

describe("restatement and reconciliation rows", () => {
  const usd = (id: string, printed: string, period = "", document: DocumentId = "survey", unit = "USD") =>
    stat({ id, printed, unit, period, locator: id.startsWith("t1") ? "Table-1" : "text" }, document);
  const as = (c: Judgement["class"], inQuestion: Judgement["inQuestion"] = "both"): Judgement => ({ class: c, inQuestion, reviewer: "judged" });

  it("restatement: passes the same value, unit and period; a missing period on one side is allowed", () => {
    const row = compareSides("survey", "k", "Sialkot, exports", [usd("a", "$125 million", "1995-96")], [usd("t1.a", "$125 million")], as("restatement"));
    assert.deepEqual([row.check_id, row.kind, row.status, row.class, row.printed_value, row.computed_value], ["restatement:k", "restatement", "pass", "restatement", 125e6, 125e6]);
    assert.match(row.message, /no period shared: a period is printed on one side only/);
  });

  it("restatement: fails a different value, a different unit, or a different period", () => {
    const value = compareSides("survey", "k", "x", [usd("a", "$125 million")], [usd("b", "$124 million")], as("restatement"));
    assert.equal(value.status, "fail");
    assert.match(value.message, /differs by 1 million from/);
    const unit = compareSides("thesis", "k", "x", [stat({ id: "a", printed: "30%", unit: "percent_change" })], [stat({ id: "b", printed: "30,0", unit: "percent" })], as("restatement"));
    assert.equal(unit.status, "fail");
    assert.match(unit.message, /is in another unit than/);
    const period = compareSides("survey", "k", "x", [usd("a", "$125 million", "1995")], [usd("b", "$125 million", "1996")], as("restatement"));
    assert.equal(period.status, "fail");
  });

  it("a scope difference is explained, never a failure, whatever the values (D2)", () => {
    const row = compareSides("cross", "k", "x", [usd("a", "about 46.5 million", "", "survey", "pairs")], [usd("b", "5 million pairs", "", "thesis", "pairs")], as("scope"));
    assert.deepEqual([row.kind, row.status, row.class], ["reconciliation", "explained", "scope"]);
    assert.match(row.message, /no period printed on either side/);
    assert.doesNotMatch(row.message, /same unit and period/);
  });

  it("a contradiction fails and puts in question only the side the reviewer names", () => {
    const row = compareSides("cross", "k", "x", [usd("a", "1673", "", "survey", "firms")], [usd("b", "693", "", "thesis", "firms")], as("across_documents", "left"));
    assert.deepEqual([row.status, row.class, row.in_question, row.cells], ["fail", "across_documents", "a", "a,b"]);
  });

  it("reads an open bound as the exact number its own document restates it as (D3: 101,000+ is 101533)", () => {
    const open = stat({ id: "text", printed: "101,000+", unit: "workers" });
    const exact = stat({ id: "t1", printed: "101533", unit: "workers" });
    const survey = stat({ id: "s", printed: "170,500", unit: "workers" }, "survey");
    const entry: ReconciliationEntry = { id: "e", scope: "thesis", subject: "s", measure: "m", left_ids: ["text"], right_ids: ["t1"], classification: "agree", reason: "rounding", class: "restatement", in_question: "both", explanation: "x", raw_file: "f", raw_line: 1 };
    const pins = pinnedReadings([entry], new Map([open, exact].map((x) => [x.id, x])));
    assert.equal(pins.get("text")?.id, "t1");
    const row = compareSides("cross", "k", "x", [survey], [open], as("across_documents"), pins);
    assert.match(row.message, /"170,500" .* differs by 68967 from "101,000\+" .*read as "101533"/);
    assert.doesNotMatch(row.message, /agrees with/);
  });

});

describe("the audit of the real documents", () => {
  let ledger: Ledger;
  let rows: AuditRow[];
  before(async () => {
    ledger = await readLedger(RAW_DIR);
    rows = auditLedger(ledger);
  });

  it("shows the transcriber's finding: Rio Grande do Sul's workers total is printed 133677 but its sectors sum to 133627", () => {
    const row = byId(rows, "total:thesis.t1.total.rgs.workers");
    assert.deepEqual([row.kind, row.table, row.status, row.printed_value, row.computed_value, row.tolerance], ["total", "Table #1", "fail", 133677, 133627, 0]);
    assert.equal(row.message, "Rio Grande do Sul, Workers: the printed total 133677 is 50 more than the sum of the five sectors, 133627.");
    for (const id of ["total:thesis.t1.total.rgs.firms", "total:thesis.t1.total.sinos.firms", "total:thesis.t1.total.sinos.workers"]) {
      assert.equal(byId(rows, id).status, "pass", id);
    }
  });

  it("checks Table #6's groups: 21 + 22 + 17 = 60, and finds the rows that do not add up", () => {
    assert.equal(byId(rows, "subgroup_n:thesis-table-6").status, "pass");
    assert.equal(byId(rows, "whole_count:thesis.t6.exchange-of-information.large-firms").status, "fail");
    assert.equal(byId(rows, "subgroup_sum:thesis.t6.change-suppliers-less-often.all-firms").status, "fail");
    assert.equal(byId(rows, "weighted_average:thesis.t6.change-suppliers-less-often.all-firms").status, "fail");
    assert.equal(byId(rows, "weighted_average:thesis.t6.exchange-of-information.all-firms").status, "pass");
  });

  it("has unique check ids, known kinds and statuses, and cells that are ledger statistics", () => {
    const ids = new Set(ledger.statistics.map((s) => s.id));
    assert.equal(new Set(rows.map((r) => r.check_id)).size, rows.length);
    for (const row of rows) {
      for (const id of row.cells === "" ? [] : row.cells.split(",")) assert.ok(ids.has(id), `${row.check_id}: ${id}`);
      assert.ok(row.message.length > 0);
      if (row.status === "not_applicable") assert.equal(row.tolerance, null, row.check_id);
    }
  });

  it("evaluates every reviewer check and gives every printed table a share_sum row", () => {
    for (const check of TEXT_CHECKS) byId(rows, `${checkKind(check)}:${check.key}`);
    const ids = new Set(ledger.statistics.map((s) => s.id));
    for (const check of TEXT_CHECKS) for (const id of checkIds(check)) assert.ok(ids.has(id), id);
    for (const t of ledger.tables) {
      assert.ok(rows.some((r) => r.kind === "share_sum" && r.table === t.table), t.table);
      const percents = ledger.statistics.some((s) => s.document === t.document && s.table === t.table && s.unit === "percent");
      const own = rows.some((r) => r.check_id === `share_sum:${t.key}`);
      if (percents && own) assert.ok(NO_SHARE_SET[t.key], `${t.key} prints percentages: say why none partitions a whole`);
    }
  });

  it("gives every reconciliation entry one audit row", () => {
    for (const entry of ledger.reconciliation!) {
      const kind = entry.scope === "cross" ? "reconciliation" : "restatement";
      byId(rows, `${kind}:${entry.id}`);
    }
  });

  it("writes audit.parquet with the dictionary's columns", async () => {
    const out = await mkdtemp(join(tmpdir(), "audit-"));
    await writeOutputs(ledger, out);
    const described = await queryOutputs(out, "SELECT column_name, column_type FROM (DESCRIBE audit)");
    assert.deepEqual(described.map((d) => [d.column_name, d.column_type]), AUDIT_FILE.columns.map((c) => [c.name, c.type]));
    const [finding] = await queryOutputs(out, "SELECT printed_value, computed_value, status FROM audit WHERE check_id = 'total:thesis.t1.total.rgs.workers'");
    assert.deepEqual(finding, { printed_value: 133677, computed_value: 133627, status: "fail" });
  });
});
