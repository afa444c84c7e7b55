import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { auditReport, type AuditReport } from "../../../data-loaders/audit/audit-ledger.ts";
import { findingsByNumber, findingsOf } from "../../../data-loaders/audit/findings.ts";
import { compareSides } from "../../../data-loaders/audit/reconciliation.ts";
import type { AuditRow, FindingClass } from "../../../data-loaders/audit/row.ts";
import { orderOfMagnitudeApart, searchLedger, type Comparison } from "../../../data-loaders/audit/search.ts";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import type { MostClaim } from "../../../data-loaders/normalize/passages.ts";
import type { PairClass, ReconciliationEntry } from "../../../data-loaders/normalize/reconciliation.ts";
import { normalizeStatistic, type DocumentId, type Statistic } from "../../../data-loaders/normalize/statistic.ts";
import { parseTable } from "../../../data-loaders/normalize/table.ts";
import { parseVocabulary } from "../../../data-loaders/normalize/vocabulary.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { parseUnits } from "../../../data-loaders/parse/units.ts";

const UNITS = parseUnits(readFileSync(join(RAW_DIR, "units.tsv"), "utf8"), "raw/units.tsv");

type Fields = { id: string; printed: string; unit?: string; subject?: string; measure?: string; period?: string; cited_source?: string; table?: string; row?: string; column?: string };

/** A statistic normalized as the ledger would, in a document, from the fields a test names. */
function stat(f: Fields, document: DocumentId = "thesis"): Statistic {
  const fields = {
    locator: "test", page: "", line: "1", subject: "Testville", measure: "firms", unit: "firms", qualifier: "", period: "", cited_source: "",
    quote: f.printed, table: "", row: "", column: "", note: "", ...f,
  } as Record<string, string>;
  return normalizeStatistic({ line: 2, fields }, { file: "test.tsv", document, units: UNITS });
}

const VOCABULARY = [
  "kind\tspelling\tkey\tpart_of\tnote",
  "subject\tTestville\ttestville\ttest-state\t",
  "subject\tTest State\ttest-state\t\t",
  "measure\tcluster_firms\tfirms\t\t",
  "measure\tfootwear_firms\tfootwear_firms\tfirms\t",
  "table\tthesis-table-1\trow\t\t",
].join("\n");

/** A ledger of the given statistics, reviewer's entries and claims, with the vocabulary above. */
function ledgerOf(statistics: Statistic[], reconciliation: ReconciliationEntry[] = [], claims: MostClaim[] = []): Ledger {
  const tables = statistics.some((s) => s.table === "Table #1")
    ? [parseTable(["# table: Table #1", "# lines: 1-9", "row\tcolumn\tcell", "A\tFirms\t1", "Total\tFirms\t1"].join("\n"), "raw/thesis/tables/table-1.tsv", "thesis")]
    : [];
  return {
    sources: [], units: UNITS, statistics, tables, tidyTables: new Map(), footnotes: [], citations: [], census: [], pages: [],
    vocabulary: parseVocabulary(VOCABULARY, "raw/vocabulary.tsv"), claims, contradictions: [], reconciliation,
  };
}

function entry(id: string, scope: "cross" | "survey" | "thesis", left: string[], right: string[], cls: PairClass): ReconciliationEntry {
  const classification = cls === "restatement" ? "agree" : "disagree";
  const reason = cls === "restatement" ? "same_value" : cls === "scope" ? "different_year" : "different_source";
  return { id, scope, subject: "Testville", measure: "firms", left_ids: left, right_ids: right, classification, reason, class: cls, in_question: "both", explanation: "Judged.", raw_file: "raw/reconciliation.tsv", raw_line: 9 };
}

function claim(id: string, measure: string, document: DocumentId = "survey"): MostClaim {
  return { id, document, line: 1, quote: "most of them", subject: "Testville", measure, note: null, raw_file: "raw/claims.tsv", raw_line: 2 };
}

const pair = (cs: readonly Comparison[], a: string, b: string) => {
  const c = cs.find((x) => (x.left_id === a && x.right_id === b) || (x.left_id === b && x.right_id === a));
  assert.ok(c, `no comparison of ${a} and ${b} among ${cs.map((x) => x.pair_id).join(", ")}`);
  return c;
};

describe("the systematic search on small ledgers with planted conflicts", () => {
  it("a restatement: one subject and measure printed twice with one value is consistent, a restatement", () => {
    const { comparisons, rows } = searchLedger(ledgerOf([stat({ id: "a", printed: "693" }), stat({ id: "b", printed: "693", period: "2000" })]));
    assert.deepEqual([pair(comparisons, "a", "b").outcome, pair(comparisons, "a", "b").class], ["consistent", "restatement"]);
    assert.deepEqual(rows.map((r) => [r.status, r.class]), [["pass", "restatement"]]);
  });

  it("an internal contradiction: two values of one thing in one document, unexplained, is a finding", () => {
    const { comparisons, rows } = searchLedger(ledgerOf([stat({ id: "a", printed: "693" }), stat({ id: "b", printed: "750" })]));
    assert.deepEqual([pair(comparisons, "a", "b").outcome, pair(comparisons, "a", "b").class], ["finding", "internal"]);
    assert.deepEqual(rows.map((r) => [r.status, r.class]), [["fail", "internal"]]);
  });

  it("across documents: different spellings of one measure meet through the vocabulary", () => {
    const s = stat({ id: "s", printed: "1673", measure: "cluster_firms" }, "survey");
    const t = stat({ id: "t", printed: "693" });
    const c = pair(searchLedger(ledgerOf([s, t])).comparisons, "s", "t");
    assert.deepEqual([c.kind, c.scope, c.outcome, c.class, c.measure_key], ["same_measure", "cross", "finding", "across_documents", "firms"]);
  });

  it("a scope difference the reviewer explains is explained, never a finding and never a failure", () => {
    const s = stat({ id: "s", printed: "46.5 million", unit: "pairs", measure: "production" }, "survey");
    const t = stat({ id: "t", printed: "5 million", unit: "pairs", measure: "production" });
    const ledger = ledgerOf([s, t], [entry("e", "cross", ["s"], ["t"], "scope")]);
    const c = pair(searchLedger(ledger).comparisons, "s", "t");
    assert.deepEqual([c.outcome, c.class, c.reviewed_by], ["explained", "scope", "e"]);
    const report = auditReport(ledger);
    assert.deepEqual(report.checks.filter((r) => r.class === "scope").map((r) => r.status), ["explained"]);
    assert.ok(!report.findings.some((f) => f.class === "scope" && f.status === "fail"));
  });

  it("counts over time: two periods of one count are compared and flagged; the reviewer explains them or they are a finding", () => {
    const a = stat({ id: "a", printed: "40", period: "1993-94" });
    const b = stat({ id: "b", printed: "80", period: "1997-98" });
    assert.deepEqual([pair(searchLedger(ledgerOf([a, b])).comparisons, "a", "b").outcome, pair(searchLedger(ledgerOf([a, b])).comparisons, "a", "b").flags], ["finding", "different_periods"]);
    assert.equal(pair(searchLedger(ledgerOf([a, b], [entry("e", "thesis", ["a"], ["b"], "scope")])).comparisons, "a", "b").outcome, "explained");
    // The same value printed for two different periods is no restatement either.
    const c = stat({ id: "c", printed: "40", period: "1997-98" });
    assert.equal(pair(searchLedger(ledgerOf([a, c])).comparisons, "a", "c").outcome, "finding");
  });

  it("values an order of magnitude apart and shares of one study are flagged", () => {
    const a = stat({ id: "a", printed: "200,000", unit: "pairs", measure: "imports", cited_source: "Rabellotti (1999), p 1571" });
    const b = stat({ id: "b", printed: "107 million", unit: "pairs", measure: "imports", cited_source: "Rabellotti (1999), p 1572" });
    assert.equal(pair(searchLedger(ledgerOf([a, b])).comparisons, "a", "b").flags, "order_of_magnitude,same_study");
    assert.equal(orderOfMagnitudeApart(stat({ id: "x", printed: "46.5 million", unit: "pairs" }), stat({ id: "y", printed: "5 million", unit: "pairs" })), false);
  });

  it("parts exceeding their wholes: a place inside another, a count inside a larger count", () => {
    const part = stat({ id: "p", printed: "1673", measure: "cluster_firms" }, "survey");
    const whole = stat({ id: "w", printed: "863", subject: "Test State" });
    const c = pair(searchLedger(ledgerOf([part, whole])).comparisons, "p", "w");
    assert.deepEqual([c.kind, c.outcome, c.class, c.flags], ["part_whole", "finding", "across_documents", "part_exceeds_whole"]);
    const within = pair(searchLedger(ledgerOf([stat({ id: "p", printed: "900", measure: "footwear_firms" }), stat({ id: "w", printed: "693" })])).comparisons, "p", "w");
    assert.deepEqual([within.outcome, within.class], ["finding", "arithmetic"]);
    const fits = pair(searchLedger(ledgerOf([stat({ id: "p", printed: "391", measure: "footwear_firms" }), stat({ id: "w", printed: "693" })])).comparisons, "p", "w");
    assert.deepEqual([fits.outcome, fits.class], ["consistent", null]);
  });

  it("a part called 'most' of a whole: a share under half is a finding, over half consistent", () => {
    const share = (id: string, printed: string) => stat({ id, printed, unit: "percent", measure: "share_of_exports" });
    const under = pair(searchLedger(ledgerOf([share("s", "40%")], [], [claim("c", "share_of_exports")])).comparisons, "c", "s");
    assert.deepEqual([under.kind, under.outcome, under.class, under.flags], ["most", "finding", "across_documents", "below_half"]);
    const over = pair(searchLedger(ledgerOf([share("s", "84 percent")], [], [claim("c", "share_of_exports")])).comparisons, "c", "s");
    assert.equal(over.outcome, "consistent");
    assert.throws(() => searchLedger(ledgerOf([share("s", "84 percent")], [], [claim("c", "another_share")])), /no printed share/);
  });

  it("never pairs two cells of one printed table; a Total row meets the text, a sector row does not", () => {
    const cell = (id: string, row: string, printed: string) => stat({ id, printed, table: "Table #1", row, column: "Firms" });
    const { comparisons } = searchLedger(ledgerOf([cell("sector", "A", "693"), cell("total", "Total", "693"), stat({ id: "text", printed: "693" })]));
    assert.deepEqual(comparisons.map((c) => c.pair_id), ["same_measure:total|text"]);
  });

  it("property: every pair of one concept is compared once, and its outcome follows from values, periods and the reviewer", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer({ min: 1, max: 50 }), year: fc.option(fc.integer({ min: 1990, max: 1993 }), { nil: null }), document: fc.constantFrom<DocumentId>("survey", "thesis") }), { minLength: 2, maxLength: 6 }),
        fc.constantFrom<PairClass | null>(null, "scope", "internal"),
        (specs, reviewed) => {
          const stats = specs.map((s, i) => stat({ id: `s${i}`, printed: String(s.value), period: s.year === null ? "" : String(s.year) }, s.document));
          const entries = reviewed === null || stats[0]!.document !== stats[1]!.document ? [] : [entry("e", stats[0]!.document, ["s0"], ["s1"], reviewed === "internal" ? "internal" : reviewed)];
          const { comparisons } = searchLedger(ledgerOf(stats, entries));
          assert.equal(comparisons.length, (stats.length * (stats.length - 1)) / 2);
          for (const c of comparisons) {
            const [a, b] = [stats.find((s) => s.id === c.left_id)!, stats.find((s) => s.id === c.right_id)!];
            if (c.reviewed_by) {
              assert.equal(c.outcome, reviewed === "scope" ? "explained" : "finding");
              continue;
            }
            const periodsDiffer = a.year_start !== null && b.year_start !== null && a.year_start !== b.year_start;
            const consistent = a.value === b.value && !periodsDiffer;
            assert.equal(c.outcome, consistent ? "consistent" : "finding", c.pair_id);
            assert.equal(c.class, consistent ? "restatement" : a.document === b.document ? "internal" : "across_documents");
          }
        },
      ),
    );
  });
});

describe("the finding model on fixtures with known answers", () => {
  /** A failing arithmetic check of `questioned`, using `inputs`. */
  const failing = (check_id: string, questioned: string[], inputs: string[]): AuditRow => ({
    check_id, kind: "subgroup_sum", table: "Table #6", cells: [...questioned, ...inputs].join(","), printed_value: 10, computed_value: 9, tolerance: 0, status: "fail",
    class: "arithmetic", in_question: questioned.join(","), message: `${check_id} fails.`,
  });
  const stats = ["all", "g1", "g2", "n"].map((id) => stat({ id, printed: "1" }));

  it("one problem is one finding however many checks reveal it; its inputs are never in question", () => {
    const { checks, findings } = findingsOf([failing("subgroup_sum:all", ["all"], ["g1", "g2", "n"]), failing("weighted_average:all", ["all"], ["g1", "g2"])], stats);
    assert.equal(findings.length, 1);
    assert.deepEqual([findings[0]!.class, findings[0]!.check_ids, findings[0]!.in_question, findings[0]!.inputs], ["arithmetic", "subgroup_sum:all,weighted_average:all", "all", "g1,g2,n"]);
    assert.deepEqual(new Set(checks.map((c) => c.finding_id)), new Set([findings[0]!.finding_id]));
    const marks = findingsByNumber(findings);
    assert.deepEqual(marks.get("all")!.map((m) => m.role), ["in_question"]);
    for (const id of ["g1", "g2", "n"]) assert.deepEqual(marks.get(id)!.map((m) => m.role), ["input"], id);
  });

  it("two problems are two findings", () => {
    const { findings } = findingsOf([failing("whole_count:g1", ["g1"], ["n"]), failing("subgroup_sum:all", ["all"], ["g1", "n"])], stats);
    assert.equal(findings.length, 2);
  });

  it("every class, with its status: arithmetic, internal and across_documents fail; scope is explained; restatement passes", () => {
    const a = stat({ id: "a", printed: "693" });
    const b = stat({ id: "b", printed: "750" });
    const s = stat({ id: "s", printed: "1673" }, "survey");
    const judged = (cls: FindingClass, scope: "thesis" | "cross", left: Statistic, right: Statistic) =>
      compareSides(scope, `${cls}`, "Testville, firms", [left], [right], { class: cls, inQuestion: "both", reviewer: "" });
    const rows = [failing("subgroup_sum:all", ["all"], ["n"]), judged("internal", "thesis", a, b), judged("across_documents", "cross", s, a), judged("scope", "cross", s, b), judged("restatement", "thesis", a, a)];
    const { findings } = findingsOf(rows, [...stats, a, b, s]);
    assert.deepEqual(
      findings.map((f) => [f.class, f.status]),
      [["arithmetic", "fail"], ["internal", "fail"], ["across_documents", "fail"], ["scope", "explained"], ["restatement", "pass"]],
    );
    // Scope and restatement only name their numbers: no "used in a finding" marks.
    assert.ok(findings.filter((f) => f.status !== "fail").every((f) => f.inputs === ""));
  });

  it("reads a total's finding as arithmetic a reader can follow, without file or line references", async () => {
    const report = auditReport(await readLedger(RAW_DIR));
    const total = report.findings.find((f) => f.check_ids === "total:thesis.t1.total.rgs.workers")!;
    assert.equal(total.sentence, "Table #1, Rio Grande do Sul, Workers: 88,083 + 15,181 + 5,935 + 23,132 + 1,296 = 133,627; printed 133,677.");
    for (const f of report.findings) assert.doesNotMatch(f.sentence, /raw\/|\.tsv|:\d+\b(?!,)|\bline \d/, f.finding_id);
  });
});

describe("the search and the findings of the real documents, against the reviewed files", () => {
  let report: AuditReport;
  let ledger: Ledger;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
    report = auditReport(ledger);
  });

  it("leaves no pair unjudged: every pair that differs is explained or judged in raw/reconciliation.tsv", () => {
    const unreviewed = report.comparisons.filter((c) => c.outcome === "finding" && c.reviewed_by === null && c.kind !== "most");
    assert.deepEqual(unreviewed.map((c) => c.pair_id), []);
    // Each reviewer's entry judges at least one compared pair; none is stale.
    for (const e of ledger.reconciliation!) assert.ok(report.comparisons.some((c) => c.reviewed_by === e.id), e.id);
  });

  it("compares the pairs the review names: the documents' Sinos Valley counts, the 'most' of Brazil's exports, counts over time", () => {
    const cs = report.comparisons;
    assert.equal(pair(cs, "survey.t1.sinos-valley.cluster-firms", "thesis.t1.total.rgs.firms").flags, "part_exceeds_whole");
    assert.equal(pair(cs, "survey.brazil-exports-most-from-sinos-valley", "thesis.p1.sinos-valley.share-of-national-exports").outcome, "consistent");
    assert.equal(pair(cs, "thesis.p1.assintecal.membership-1993-94", "thesis.p1.assintecal.membership-1997-98").flags, "different_periods");
    assert.ok(cs.filter((c) => c.kind === "same_measure").length >= 40);
  });

  it("never fails a scope difference (D2: about 46.5 million against 5 million pairs)", () => {
    for (const c of report.checks) if (c.class === "scope") assert.notEqual(c.status, "fail", c.check_id);
    const d2 = report.checks.find((c) => c.check_id === "reconciliation:guadalajara.shoe-production")!;
    assert.deepEqual([d2.status, d2.class], ["explained", "scope"]);
    assert.match(d2.message, /no period printed on either side/);
  });

  it("Table #6's one problem is one finding; the transcriber's and reviewers' findings are there, each once", () => {
    const table6 = report.findings.filter((f) => f.in_question === "thesis.t6.change-suppliers-less-often.all-firms" && f.status === "fail");
    assert.equal(table6.length, 1);
    assert.deepEqual(table6[0]!.check_ids.split(","), ["subgroup_sum:thesis.t6.change-suppliers-less-often.all-firms", "weighted_average:thesis.t6.change-suppliers-less-often.all-firms"]);
    const ids = report.findings.map((f) => f.finding_id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ["arithmetic:thesis.t1.total.rgs.workers", "arithmetic:thesis.sinos-valley-associations", "internal:thesis.sialkot.quality-cooperation", "internal:thesis.sinos-valley.one-us-buyer-share", "internal:thesis.case-study-heading-names-agra", "across_documents:shoes-from-or-for-brazil-programme"]) {
      assert.ok(ids.includes(id), id);
    }
  });

  it("a number only used by failing findings is never marked in question (reader 2: Table #1's sectors, Table #6's Ns)", () => {
    const marks = findingsByNumber(report.findings);
    for (const f of report.findings) {
      const questioned = new Set(f.in_question.split(",").filter(Boolean));
      for (const id of f.inputs.split(",").filter(Boolean)) assert.ok(!questioned.has(id), `${f.finding_id}: ${id}`);
    }
    for (const id of ["thesis.t1.footwear-producers.rgs.workers", "thesis.t6.n.all-firms"]) {
      assert.ok(!marks.get(id)!.some((m) => m.role === "in_question" && m.status === "fail"), id);
    }
  });

  it("records the contradictions that are not numbers with both passages quoted", () => {
    const passages = report.findings.filter((f) => f.passages !== "");
    assert.ok(passages.length >= 4);
    for (const f of passages) assert.equal(f.passages.split(" | ").length, 2, f.finding_id);
  });
});
