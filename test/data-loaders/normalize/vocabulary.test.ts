import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RawInputError } from "../../../data-loaders/errors.ts";
import { parseClaims, parseContradictions } from "../../../data-loaders/normalize/passages.ts";
import { measureKey, parseVocabulary, subjectKey, wholesOf } from "../../../data-loaders/normalize/vocabulary.ts";

const HEADER = "kind\tspelling\tkey\tpart_of\tnote";
const vocabulary = (...rows: string[]) => parseVocabulary([HEADER, ...rows].join("\n"), "raw/vocabulary.tsv");
const where = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof RawInputError, String(e));
    return [e.line, e.field, e.value];
  }
  assert.fail("no error");
};

describe("raw/vocabulary.tsv", () => {
  it("maps spellings to shared keys, defaults to the spelling, and follows part_of to every whole", () => {
    const v = vocabulary("subject\tSinos Valley\tsinos-valley\trio-grande-do-sul\t", "subject\tRio Grande do Sul\trio-grande-do-sul\tbrazil\t", "measure\tcluster_firms\tfirms\t\t", "table\tthesis-table-1\trow\t\t");
    assert.equal(subjectKey(v, "Sinos Valley"), "sinos-valley");
    assert.equal(subjectKey(v, "ABICALÇADOS"), "abicalcados");
    assert.equal(measureKey(v, "cluster_firms"), "firms");
    assert.equal(measureKey(v, "workers"), "workers");
    assert.deepEqual(wholesOf(v.subjects, "sinos-valley"), ["rio-grande-do-sul", "brazil"]);
    assert.equal(v.tables.get("thesis-table-1"), "row");
  });

  it("refuses a bad kind, key, facet, duplicate, self-part or cycle, naming line, field and value", () => {
    assert.deepEqual(where(() => vocabulary("place\tX\tx\t\t")), [2, "kind", "place"]);
    assert.deepEqual(where(() => vocabulary("subject\tX\tX Y\t\t")), [2, "key", "X Y"]);
    assert.deepEqual(where(() => vocabulary("table\tthesis-table-1\tsome\t\t")), [2, "key", "some"]);
    assert.deepEqual(where(() => vocabulary("subject\tX\tx\t\t", "subject\tX\ty\t\t")), [3, "spelling", "X"]);
    assert.deepEqual(where(() => vocabulary("subject\tX\tx\tx\t")), [2, "part_of", "x"]);
    assert.deepEqual(where(() => vocabulary("subject\tX\tx\ty\t", "subject\tY\ty\tx\t"))[1], "part_of");
  });
});

describe("raw/claims.tsv and raw/contradictions.tsv", () => {
  it("reads a 'most' claim and refuses one that says neither 'most' nor 'the majority'", () => {
    const text = (quote: string) => ["id\tdocument\tline\tquote\tsubject\tmeasure\tnote", `c\tsurvey\t12\t${quote}\tSinos Valley\tshare\t`].join("\n");
    assert.equal(parseClaims(text("most of which came from the Sinos Valley"), "raw/claims.tsv")[0]!.line, 12);
    assert.deepEqual(where(() => parseClaims(text("some of which came"), "raw/claims.tsv")), [2, "quote", "some of which came"]);
  });

  it("reads both passages of a contradiction; refuses an empty passage or a sentence with file references", () => {
    const text = (quoteB: string, sentence: string) =>
      ["id\tkind\tdocument_a\tline_a\tquote_a\tdocument_b\tline_b\tquote_b\tsentence", `x\tspelling\tthesis\t1\tASSINTECAL\tthesis\t2\t${quoteB}\t${sentence}`].join("\n");
    const [c] = parseContradictions(text("ASSEINTECAL", "Spelt two ways."), "raw/contradictions.tsv");
    assert.deepEqual([c!.a.quote, c!.b.line, c!.kind], ["ASSINTECAL", 2, "spelling"]);
    assert.deepEqual(where(() => parseContradictions(text("", "Spelt two ways."), "raw/contradictions.tsv")), [2, "quote_b", ""]);
    assert.deepEqual(where(() => parseContradictions(text("ASSEINTECAL", "See raw/x.tsv line 3."), "raw/contradictions.tsv"))[1], "sentence");
  });
});
