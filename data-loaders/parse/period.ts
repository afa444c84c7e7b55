import { invalid } from "../errors.ts";

/** A period reduced to whole calendar years, inclusive. */
export interface Period {
  start: number;
  end: number;
}

// "early/mid/late" split a decade in thirds; a reviewer may disagree, so the rule is written once, here.
const DECADE_PARTS: Record<string, readonly [number, number]> = {
  early: [0, 3],
  mid: [4, 6],
  late: [7, 9],
};

/** Expands a two-digit end year against its start: 1995-96 → 1996, 1999-00 → 2000. */
function expandEnd(start: number, end: string): number {
  if (end.length === 4) return Number(end);
  const century = Math.floor(start / 100) * 100;
  const candidate = century + Number(end);
  return candidate < start ? candidate + 100 : candidate;
}

/**
 * Parses a period as printed: `1995`, `1995-96`, `1996/97`, `1991-92`, `2000-2001`,
 * `1990 to 1995`, `between 1990 and 1995`, `1940s`, `late 1980s`, `19th century`, `by the end of 1997`,
 * `December 1999`. Returns null for an empty string; throws a ParseError when no year is found.
 */
export function parsePeriod(printed: string): Period | null {
  let s = printed.trim().toLowerCase().replace(/\s+/g, " ");
  if (s === "") return null;
  // A period may name several spans ("most of the 1980s and until 1998-99"): it covers all of them.
  const spans: Period[] = [];
  const take = (pattern: RegExp, toPeriod: (m: RegExpExecArray) => Period) => {
    for (const m of s.matchAll(pattern)) spans.push(toPeriod(m as RegExpExecArray));
    s = s.replace(pattern, " ");
  };
  take(/\b(?:(early|mid|late)[\s-]*)?(1[89]\d0|20\d0)'?s\b/g, (m) => {
    const base = Number(m[2]);
    const [from, to] = m[1] ? DECADE_PARTS[m[1]]! : [0, 9];
    return { start: base + from, end: base + to };
  });
  // A century printed as an ordinal ("the 19th century") spans its hundred years as readers
  // use the word (1800-1899), as a decade "1940s" spans 1940-1949.
  take(/\b(1[89]|20)(?:th|st)\s+century\b/g, (m) => ({ start: (Number(m[1]) - 1) * 100, end: (Number(m[1]) - 1) * 100 + 99 }));
  take(/\b(1[89]\d\d|20\d\d)\s*(?:-|–|\/|to|and)\s*(\d{4}|\d{2})\b/g, (m) => {
    const start = Number(m[1]);
    const end = expandEnd(start, m[2]!);
    if (end < start) invalid("period", printed, "ends before it starts");
    if (m[2]!.length === 2 && end - start > 10) invalid("period", printed, "a two-digit end year more than a decade on");
    return { start, end };
  });
  take(/\b(1[89]\d\d|20\d\d)\b/g, (m) => ({ start: Number(m[1]), end: Number(m[1]) }));
  if (spans.length === 0) invalid("period", printed, "no year found");
  // Every digit must belong to a year read above: "2O05" or "19955" is a typo, not a year to skip.
  const leftover = /\S*\d\S*/.exec(s);
  if (leftover) invalid("period", printed, `'${leftover[0]}' is not a year`);
  return { start: Math.min(...spans.map((p) => p.start)), end: Math.max(...spans.map((p) => p.end)) };
}
