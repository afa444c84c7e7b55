import type { Contradiction } from "../normalize/passages.ts";
import type { ReconciliationEntry } from "../normalize/reconciliation.ts";
import type { Statistic } from "../normalize/statistic.ts";
import { labelWords } from "./row.ts";
import { FINDING_CLASSES, type AuditRow, type FindingClass } from "./row.ts";

/**
 * The finding model: what the audit tells readers, one finding per problem however many checks
 * reveal it (Table #6's "change suppliers less often" fails both subgroup_sum and
 * weighted_average: one finding). Each finding has a class (row.ts, FINDING_CLASSES) and names
 * its statistics by role: `in_question` (the printed value the finding doubts) or `input` (a
 * number it only uses, correct as far as the audit knows). A page marks a number with a
 * finding's class only when the number is in question; an input gets at most the quieter
 * "used in a finding" mark.
 */

export const FINDING_ROLES = ["in_question", "input"] as const;
export type FindingRole = (typeof FINDING_ROLES)[number];
export const FINDING_STATUSES = ["fail", "explained", "pass"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  finding_id: string;
  class: FindingClass;
  status: FindingStatus;
  /** For readers, the arithmetic or comparison shown; no file or line references. */
  sentence: string;
  /** For reviewers: the checks' messages and where judgements are recorded. */
  details: string;
  check_ids: string;
  in_question: string;
  inputs: string;
  /** For a contradiction that is not a number: both passages, quoted with their lines. */
  passages: string;
}

/** An audit row with the finding it reveals (audit.parquet). */
export type AuditCheck = AuditRow & { finding_id: string | null };

const STATUS_OF: Record<FindingClass, FindingStatus> = { arithmetic: "fail", internal: "fail", across_documents: "fail", scope: "explained", restatement: "pass" };

/** A count or value as readers read numbers: 133,627; 16.7. */
export function grouped(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 3 });
}

const DOCUMENT_NAMES: Record<string, string> = { survey: "the survey", thesis: "the thesis" };
const ids = (list: string) => list.split(",").filter(Boolean);
const unique = (xs: readonly string[]) => [...new Set(xs)];

/** A message without the file and line references that only a reviewer can use. */
export function withoutReferences(message: string): string {
  return message
    .replace(/\s*(?:Judged|Classified)[^.]*raw\/[^\s:]+:\d+\.?/g, "")
    .replace(/,?\s*(?:text )?lines? \d+(?:[–-]\d+)?/g, "")
    .replace(/\s*\braw\/[\w./-]+(?::\d+)?/g, "")
    .trim();
}

function side(stats: readonly Statistic[]): string {
  return stats.map((s) => `"${s.printed}" (${DOCUMENT_NAMES[s.document]}, ${s.locator}; ${s.period ?? "no period printed"})`).join(" and ");
}

const VERDICT: Record<FindingClass, string> = {
  arithmetic: "the numbers do not add up",
  internal: "the document contradicts itself",
  across_documents: "the documents disagree",
  scope: "not in conflict: they report different things",
  restatement: "the same number, printed again",
};

/** The reader's sentence of a finding revealed by `rows` (all of one class). */
function sentenceOf(rows: readonly AuditRow[], byId: ReadonlyMap<string, Statistic>, entries: ReadonlyMap<string, ReconciliationEntry>): string {
  const row = rows[0]!;
  const key = row.check_id.slice(row.check_id.indexOf(":") + 1);
  const entry = row.kind === "reconciliation" || row.kind === "restatement" ? entries.get(key) : undefined;
  if (row.kind === "reconciliation" || row.kind === "restatement") {
    const cells = ids(row.cells).map((id) => byId.get(id)!);
    const [left, right] = entry
      ? [entry.left_ids.map((id) => byId.get(id)!), entry.right_ids.map((id) => byId.get(id)!)]
      : [cells.slice(0, 1), cells.slice(1)];
    const head = `${left[0]!.subject}, ${(entry?.measure ?? left[0]!.measure).replaceAll("_", " ")}`;
    return `${head}: ${side(left)} compared with ${side(right)}: ${VERDICT[row.class]}.${entry ? ` ${entry.explanation}` : ""}`;
  }
  const total = byId.get(key);
  if (row.kind === "total" && total && total.table !== null && total.value !== null) {
    const parts = ids(row.cells).slice(1).map((id) => byId.get(id)!);
    const sum = parts.reduce((acc, s) => acc + s.value!, 0);
    return `${total.table}, ${labelWords(total.column_label ?? "")}: ${parts.map((s) => grouped(s.value!)).join(" + ")} = ${grouped(sum)}; printed ${grouped(total.value)}.`;
  }
  const sentence = withoutReferences(row.message);
  return row.table !== null && !sentence.startsWith(row.table) ? `${row.table}, ${sentence}` : sentence;
}

/** Orders rows by FINDING_CLASSES, then id, so that finding ids and sentences never depend on input order. */
const byClassThenId = (a: { class: FindingClass; id: string }, b: { class: FindingClass; id: string }) =>
  FINDING_CLASSES.indexOf(a.class) - FINDING_CLASSES.indexOf(b.class) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The findings of an audit, and each check with the finding it reveals. A check reveals a
 * finding when it fails, when it is a scope comparison (explained), or when it is a consistent
 * restatement; a passing or not-applicable arithmetic check reveals none. Failing arithmetic
 * checks that put the same numbers in question are one problem, so one finding.
 * `extra` are findings that no check reveals (contradictions that are not numbers).
 */
export function findingsOf(
  rows: readonly AuditRow[],
  statistics: readonly Statistic[],
  reconciliation: readonly ReconciliationEntry[] = [],
  extra: readonly Finding[] = [],
): { checks: AuditCheck[]; findings: Finding[] } {
  const byId = new Map(statistics.map((s) => [s.id, s]));
  const entries = new Map(reconciliation.map((e) => [e.id, e]));
  const groups = new Map<string, AuditRow[]>();
  for (const row of rows) {
    const reveals = row.status === "fail" || row.status === "explained" || (row.status === "pass" && row.class === "restatement");
    if (!reveals) continue;
    // One problem, one finding: arithmetic checks doubting the same numbers are grouped.
    const key = row.class === "arithmetic" ? `arithmetic\t${[...ids(row.in_question)].sort().join(",")}` : `${row.class}\t${row.check_id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const findingOf = new Map<string, string>();
  const findings: Finding[] = [];
  const taken = new Set(extra.map((f) => f.finding_id));
  for (const group of groups.values()) {
    const first = group[0]!;
    let id = `${first.class}:${first.check_id.slice(first.check_id.indexOf(":") + 1)}`;
    for (let n = 2; taken.has(id); n++) id = `${first.class}:${first.check_id.slice(first.check_id.indexOf(":") + 1)}.${n}`;
    taken.add(id);
    const questioned = unique(group.flatMap((r) => ids(r.in_question)));
    const inputs = unique(group.flatMap((r) => ids(r.cells))).filter((c) => !questioned.includes(c));
    for (const r of group) findingOf.set(r.check_id, id);
    findings.push({
      finding_id: id,
      class: first.class,
      status: STATUS_OF[first.class],
      sentence: sentenceOf(group, byId, entries),
      details: group.map((r) => `${r.check_id} (${r.status}): ${r.message}`).join(" "),
      check_ids: group.map((r) => r.check_id).join(","),
      in_question: questioned.join(","),
      inputs: inputs.join(","),
      passages: "",
    });
  }
  findings.push(...extra);
  findings.sort((a, b) => byClassThenId({ class: a.class, id: a.finding_id }, { class: b.class, id: b.finding_id }));
  return { checks: rows.map((r) => ({ ...r, finding_id: findingOf.get(r.check_id) ?? null })), findings };
}

/** One finding as a number carries it: its class, the number's role in it, and the reader's sentence. */
export interface NumberFinding {
  finding_id: string;
  class: FindingClass;
  role: FindingRole;
  status: FindingStatus;
  sentence: string;
}

/** How strongly a number's finding should show: contradictions it is in question for, then inputs, then context. */
export function markRank(f: Pick<NumberFinding, "class" | "role" | "status">): number {
  if (f.role === "input") return 10;
  return (f.status === "fail" ? 0 : 20) + FINDING_CLASSES.indexOf(f.class);
}

/**
 * Each statistic's findings, strongest mark first: a number is `in_question` for a finding
 * that doubts its printed value, and `input` for one that only uses it.
 */
export function findingsByNumber(findings: readonly Finding[]): Map<string, NumberFinding[]> {
  const map = new Map<string, NumberFinding[]>();
  const add = (id: string, f: Finding, role: FindingRole) =>
    map.set(id, [...(map.get(id) ?? []), { finding_id: f.finding_id, class: f.class, role, status: f.status, sentence: f.sentence }]);
  for (const f of findings) {
    for (const id of ids(f.in_question)) add(id, f, "in_question");
    // Only a problem has inputs worth a mark: a restatement or a scope note merely names its numbers.
    if (f.status === "fail") for (const id of ids(f.inputs)) add(id, f, "input");
  }
  for (const list of map.values()) list.sort((a, b) => markRank(a) - markRank(b) || (a.finding_id < b.finding_id ? -1 : 1));
  return map;
}

/**
 * Findings that are not numbers (raw/contradictions.tsv): two passages that cannot both hold,
 * quoted with their lines; `internal` within one document, `across_documents` across the two.
 */
export function contradictionFindings(contradictions: readonly Contradiction[]): Finding[] {
  return contradictions.map((c) => ({
    finding_id: `${c.a.document === c.b.document ? "internal" : "across_documents"}:${c.id}`,
    class: c.a.document === c.b.document ? "internal" : "across_documents",
    status: "fail",
    sentence: c.sentence,
    details: `A ${c.kind.replaceAll("_", " ")} contradiction, recorded in ${c.raw_file}:${c.raw_line}; both passages are checked against the documents at their lines.`,
    check_ids: "",
    in_question: "",
    inputs: "",
    // A passage that opens a quotation of its own keeps its marks rather than gaining a second pair.
    passages: [c.a, c.b].map((p) => `${DOCUMENT_NAMES[p.document]}, text line ${p.line}: ${/^[“"]/.test(p.quote) ? p.quote : `“${p.quote}”`}`).join(" | "),
  }));
}
