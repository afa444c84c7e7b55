// Which side of the value each qualifier word puts the printed number on (issue #14, D9, D10):
// "almost", "nearly", "up to", "less than" make it an upper bound; "over", "more than",
// "at least" a lower bound; "about", "roughly" a point either side. Property tests, one per
// word the parser knows: the lists below are this test's own, and the first test fails when
// the parser learns a word they do not sort.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseQuantity, QUALIFIER_WORDS, type Quantity } from "../../../data-loaders/parse/quantity.ts";

/** The true value is at most the printed number. */
const UPPER = ["almost", "nearly", "just under", "just below", "not quite", "up to", "as many as", "as much as", "a maximum number of", "a maximum of", "less than", "fewer than", "under", "below"];
/** The true value is at least (or above) the printed number. */
const LOWER = ["at least", "no fewer than", "no less than", "a minimum of", "more than", "over", "above", "in excess of", "upwards of", "upward of"];
/** The true value is near the printed number, on either side. */
const NEAR = ["approximately", "approx.", "about", "around", "roughly", "close to", "an estimated", "estimated", "some"];

const parse = (printed: string) => {
  const q = parseQuantity(printed);
  assert.notEqual(q, "missing", printed);
  return q as Quantity;
};

/** A printed number: digits (with thousands commas or decimals), optionally scaled, in percent or a currency. */
const printedNumber = fc
  .record({
    n: fc.integer({ min: 1, max: 999_999 }),
    decimals: fc.constantFrom("", ".5", ".25"),
    commas: fc.boolean(),
    scale: fc.constantFrom<[string, number]>(["", 1], [" thousand", 1e3], [" million", 1e6], [" billion", 1e9]),
    wrap: fc.constantFrom<[string, string]>(["", ""], ["", "%"], ["", " percent"], ["$", ""], ["US$ ", ""], ["Rs ", ""], ["", " firms"]),
  })
  .map(({ n, decimals, commas, scale: [word, factor], wrap: [before, after] }) => {
    const digits = commas ? n.toLocaleString("en-US") : String(n);
    const percent = after.includes("%") || after.includes("percent");
    return { text: `${before}${digits}${decimals}${percent ? "" : word}${after}`, value: Number(((n + Number(decimals || 0)) * (percent ? 1 : factor)).toPrecision(15)) };
  });

/** The word as printed: lower case, capitalized at a sentence start, or with a doubled space. */
const printedWord = (words: readonly string[]) =>
  fc.record({ word: fc.constantFrom(...words), form: fc.constantFrom("lower", "capital", "spaced") }).map(({ word, form }) =>
    form === "capital" ? word[0]!.toUpperCase() + word.slice(1) : form === "spaced" ? word.replace(" ", "  ") : word,
  );

describe("qualifier bounds", () => {
  it("sorts every word the parser knows to one side", () => {
    const known = Object.values(QUALIFIER_WORDS).flat().sort();
    assert.deepEqual(known, [...UPPER, ...LOWER, ...NEAR].sort());
  });

  it("an upper-bound word ('almost', 'nearly', 'up to', 'less than', …) leaves the value open below and caps it at the printed number", () => {
    fc.assert(
      fc.property(printedWord(UPPER), printedNumber, (word, { text, value }) => {
        const q = parse(`${word} ${text}`);
        assert.equal(q.low, null, `${word} ${text}`);
        assert.equal(q.high, value, `${word} ${text}`);
        assert.ok(["almost", "up_to", "less_than"].includes(q.qualifier));
      }),
    );
  });

  it("a lower-bound word ('over', 'more than', 'at least', 'upwards of', …) puts the printed number below the value and leaves it open above", () => {
    fc.assert(
      fc.property(printedWord(LOWER), printedNumber, (word, { text, value }) => {
        const q = parse(`${word} ${text}`);
        assert.equal(q.low, value, `${word} ${text}`);
        assert.equal(q.high, null, `${word} ${text}`);
        assert.ok(["at_least", "more_than"].includes(q.qualifier));
      }),
    );
  });

  it("a word of approximation ('about', 'roughly', …) gives a point, the printed number itself", () => {
    fc.assert(
      fc.property(printedWord(NEAR), printedNumber, (word, { text, value }) => {
        const q = parse(`${word} ${text}`);
        assert.deepEqual([q.low, q.value, q.high, q.qualifier], [value, value, value, "approximately"], `${word} ${text}`);
      }),
    );
  });

  it("'+' and 'or more' after a number make it a lower bound", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom("+", " or more"), (n, suffix) => {
        const q = parse(`${n.toLocaleString("en-US")}${suffix}`);
        assert.deepEqual([q.low, q.high, q.qualifier], [n, null, "at_least"]);
      }),
    );
  });

  it("a range printed both ways bounds the value on both sides, whatever the words around it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.constantFrom("between {a} and {b}", "{a}-{b}", "{a} to {b}", "{a}–{b}"), (x, y, form) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const q = parse(form.replace("{a}", String(a)).replace("{b}", String(b)));
        assert.deepEqual([q.low, q.value, q.high, q.qualifier], [a, null, b, "range"]);
      }),
    );
  });

  it("refuses a qualifier word before a range: the bound would be said twice", () => {
    fc.assert(
      fc.property(printedWord([...UPPER, ...LOWER, ...NEAR]), (word) => {
        assert.throws(() => parseQuantity(`${word} 10-20`), /cannot also be/);
      }),
    );
  });
});
