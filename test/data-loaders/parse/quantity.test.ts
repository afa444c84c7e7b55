import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ParseError } from "../../../data-loaders/errors.ts";
import { parseQuantity, type Quantity } from "../../../data-loaders/parse/quantity.ts";

const q = (printed: string) => {
  const result = parseQuantity(printed);
  assert.notEqual(result, "missing", printed);
  return result as Quantity;
};

describe("parseQuantity", () => {
  const cases: [string, Partial<Quantity>][] = [
    ["$125 million", { value: 125e6, low: 125e6, high: 125e6, qualifier: "exact", currency: "dollar" }],
    ["Rs 241 billion", { value: 241e9, currency: "rupee" }],
    ["2.5 billion Rupees", { value: 2.5e9, currency: "rupee" }],
    ["$1.5 Billion", { value: 1.5e9 }],
    ["300,000 pairs of shoes per day", { value: 300000, rest: "pairs of shoes per day" }],
    ["four-fifths", { value: 0.8, fraction: true }],
    ["a third", { value: 1 / 3, fraction: true }],
    ["two-thirds", { value: 2 / 3, fraction: true }],
    ["approximately half", { value: 0.5, fraction: true, qualifier: "approximately" }],
    ["17 times", { value: 17, multiple: true }],
    ["a doubling", { value: 2, multiple: true }],
    ["at least 600", { value: 600, low: 600, high: null, qualifier: "at_least" }],
    ["more than 400", { value: 400, low: 400, high: null, qualifier: "more_than" }],
    ["below 100", { value: 100, low: null, high: 100, qualifier: "less_than" }],
    ["up to 40", { value: 40, low: null, high: 40, qualifier: "up_to" }],
    ["a maximum number of 50", { value: 50, qualifier: "up_to" }],
    ["between 6800 and 8000", { value: null, low: 6800, high: 8000, qualifier: "range" }],
    ["US $10-11", { value: null, low: 10, high: 11, qualifier: "range", currency: "USD" }],
    ["30 per cent to 40 per cent", { low: 30, high: 40, qualifier: "range", percent: true }],
    ["between 40 per cent and 50 per cent", { low: 40, high: 50, qualifier: "range", percent: true }],
    ["Approximately 142 million", { value: 142e6, qualifier: "approximately" }],
    ["about 70 percent", { value: 70, percent: true, qualifier: "approximately" }],
    ["Forty-five percent", { value: 45, percent: true }],
    ["12.3%", { value: 12.3, percent: true }],
    ["55,0", { value: 55 }],
    ["16,7", { value: 16.7 }],
    ["10,000", { value: 10000 }],
    ["400 000", { value: 400000 }],
    ["101,000+", { value: 101000, qualifier: "at_least", high: null }],
    ["200 or more", { value: 200, qualifier: "at_least" }],
    ["N=61", { value: 61 }],
    ["third largest", { value: 3, rest: "largest" }],
    ["a decade", { value: 10 }],
    ["decade", { value: 10 }],
    ["two decades", { value: 20 }],
    ["three decades", { value: 30 }],
    ["upwards of US$ 2 billion", { value: 2e9, qualifier: "more_than", currency: "USD" }],
    ["30% decrease", { value: 30, percent: true, rest: "decrease" }],
  ];
  for (const [printed, expected] of cases) {
    it(`reads ${JSON.stringify(printed)}`, () => {
      const actual = q(printed);
      for (const [key, value] of Object.entries(expected)) {
        const got = actual[key as keyof Quantity];
        if (typeof value === "number" && typeof got === "number") assert.ok(Math.abs(got - value) < 1e-9, `${key}: ${got} vs ${value}`);
        else assert.deepEqual(got, value, `${key} of ${printed}`);
      }
    });
  }

  it("reads n.a. and N/A as missing", () => {
    assert.equal(parseQuantity("n.a."), "missing");
    assert.equal(parseQuantity("N/A"), "missing");
  });

  for (const bad of ["", "many", "most of production", "between 5", "8000-6800", "12 34", "$5 rupees"]) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.throws(() => parseQuantity(bad), ParseError));
  }

  it("rejects leftover digits rather than misread a number", () => {
    assert.throws(() => parseQuantity("400 0000"), /digits left over/);
  });

  it("round-trips any whole number printed with thousands commas", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        const printed = n.toLocaleString("en-US");
        assert.equal(q(printed).value, n);
      }),
    );
  });

  it("scales any decimal by its scale word exactly", () => {
    const scales = { thousand: 1e3, million: 1e6, billion: 1e9 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.constantFrom(...(Object.keys(scales) as (keyof typeof scales)[])), (tenths, word) => {
        const printed = `$${(tenths / 10).toFixed(1)} ${word}`;
        const expected = Number(((tenths / 10) * scales[word]).toPrecision(15));
        assert.equal(q(printed).value, expected);
      }),
    );
  });

  it("gives any qualified number bounds that contain it on the qualified side", () => {
    const prefixes = { "at least": "at_least", "more than": "more_than", "up to": "up_to", "less than": "less_than", about: "approximately" } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(...(Object.keys(prefixes) as (keyof typeof prefixes)[])), (n, prefix) => {
        const result = q(`${prefix} ${n}`);
        assert.equal(result.qualifier, prefixes[prefix]);
        assert.equal(result.value, n);
        if (result.low !== null) assert.ok(result.low <= n);
        if (result.high !== null) assert.ok(result.high >= n);
      }),
    );
  });

  it("reads any ordered range as a range with its two bounds and no point value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom("between %a and %b", "%a-%b", "%a to %b"), (a, b, form) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const result = q(form.replace("%a", String(low)).replace("%b", String(high)));
        assert.deepEqual([result.value, result.low, result.high, result.qualifier], [null, low, high, "range"]);
      }),
    );
  });
});
