// Properties of the number, period and qualifier parsers over printed tokens, typos included:
// any printed token either parses to a value that prints back the same digits, or is refused.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ParseError } from "../../../data-loaders/errors.ts";
import { parsePeriod } from "../../../data-loaders/parse/period.ts";
import { parseQuantity, type Quantity } from "../../../data-loaders/parse/quantity.ts";

/** Parses, or returns "refused" for a ParseError (any other error fails the property). */
function attempt<T>(parse: () => T): T | "refused" {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ParseError) return "refused";
    throw error;
  }
}

const digitsOf = (text: string) => text.replace(/\D/g, "");

/** Whether `value` printed with some number of decimals shows exactly `digits` (leading zeros aside). */
function printsBack(value: number, digits: string): boolean {
  const want = digits.replace(/^0+(?=\d)/, "");
  for (let decimals = 0; decimals <= 8; decimals++) {
    if (digitsOf(value.toFixed(decimals)).replace(/^0+(?=\d)/, "") === want) return true;
  }
  return false;
}

// Digits, the separators a number may carry, and the characters a typo puts among them.
const TYPO_CHARS = ["0", "1", "2", "5", "7", "9", ",", ".", " ", "O", "o", "l", "I", "x", "\u0000", "\u00ad", "\u00a0", "'", "%", "-"];
const typoToken = fc.string({ unit: fc.constantFrom(...TYPO_CHARS), minLength: 1, maxLength: 9 });

describe("parseQuantity: the number is the whole printed token", () => {
  it("parses a token of digits and typo characters to a value that prints back its digits, or refuses it", () => {
    fc.assert(
      fc.property(typoToken, (token) => {
        const q = attempt(() => parseQuantity(token));
        if (q === "refused" || q === "missing") return;
        // A range prints two numbers; each bound must print back its own digits.
        const numbers = q.value === null ? [q.low, q.high] : [q.value];
        const printed = token.split(/\s*[-–]\s*/).filter((part) => /\d/.test(part));
        assert.equal(printed.length, numbers.length, `${JSON.stringify(token)} read as ${JSON.stringify(q)}`);
        numbers.forEach((n, i) => assert.ok(n !== null && printsBack(n, digitsOf(printed[i]!)), `${JSON.stringify(token)} read as ${n}`));
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses any valid number with a letter or stray byte glued into it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 10 ** 7 }), fc.nat(), fc.constantFrom("O", "o", "l", "I", "x", "\u0000", "\u00ad", "\u200b", "'", "#"), (n, at, char) => {
        const digits = String(n);
        const cut = 1 + (at % (digits.length - 1));
        const token = `${digits.slice(0, cut)}${char}${digits.slice(cut)}`;
        assert.equal(attempt(() => parseQuantity(token)), "refused", JSON.stringify(token));
        assert.equal(attempt(() => parseQuantity(`at least ${token} firms`)), "refused", JSON.stringify(token));
      }),
    );
  });

  it("round-trips any decimal printed with a point, and any whole number grouped by commas or spaces", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom("plain", "commas", "spaces"), (n, decimals, grouping) => {
        const value = n / 10 ** decimals;
        const fixed = value.toFixed(decimals);
        let token = fixed;
        if (decimals === 0 && grouping === "commas") token = n.toLocaleString("en-US");
        if (decimals === 0 && grouping === "spaces") token = n.toLocaleString("en-US").replaceAll(",", " ");
        const q = parseQuantity(token) as Quantity;
        assert.equal(q.value, value, token);
        assert.ok(printsBack(q.value, digitsOf(token)));
      }),
    );
  });
});

describe("parseQuantity: qualifiers", () => {
  const PHRASES: Record<string, string> = {
    "about ": "approximately",
    "approximately ": "approximately",
    "nearly ": "almost",
    "at least ": "at_least",
    "more than ": "more_than",
    "over ": "more_than",
    "less than ": "less_than",
    "up to ": "up_to",
    "": "exact",
  };
  it("reads any qualifier phrase before any number, and refuses the phrase with a typo in it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(PHRASES)), fc.integer({ min: 0, max: 10 ** 6 }), fc.nat(), fc.constantFrom("x", "0", "\u0000", "."), (phrase, n, at, typo) => {
        const q = parseQuantity(`${phrase}${n}`) as Quantity;
        assert.equal(q.qualifier, PHRASES[phrase]);
        assert.equal(q.value, n);
        if (phrase === "") return;
        const cut = at % (phrase.length - 1);
        const mistyped = `${phrase.slice(0, cut)}${typo}${phrase.slice(cut)}${n}`;
        const read = attempt(() => parseQuantity(mistyped));
        // A typo in the words either stops the parse or leaves a phrase the parser knows, with the same number.
        if (read !== "refused" && read !== "missing") {
          assert.ok(read.value === n || read.low === n, `${JSON.stringify(mistyped)} read as ${JSON.stringify(read)}`);
          assert.ok(Object.keys(PHRASES).some((p) => p !== "" && mistyped.toLowerCase().startsWith(p)) ? read.qualifier !== "exact" : true);
        }
      }),
    );
  });
});

describe("parsePeriod: every digit belongs to a year", () => {
  const YEAR_CHARS = ["1", "9", "2", "0", "8", "5", " ", "-", "/", "s", "O", "x", "\u0000"];
  it("parses a token of digits and typo characters to years printed in it, or refuses it", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...YEAR_CHARS), minLength: 1, maxLength: 12 }), (token) => {
        const period = attempt(() => parsePeriod(token));
        if (period === "refused" || period === null) return;
        assert.ok(period.start <= period.end, JSON.stringify(token));
        assert.ok(token.includes(String(period.start)) || token.includes(String(period.start).slice(0, 3)), `${JSON.stringify(token)} starts ${period.start}`);
        // Every digit run of the token is a year, a two-digit end year, or a decade.
        for (const run of token.match(/\d+/g) ?? []) assert.ok(run.length === 4 || run.length === 2, `${JSON.stringify(token)}: ${run}`);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses any year with a letter or stray byte glued into it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2099 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom("O", "l", "x", "\u0000", "'"), (year, cut, char) => {
        const digits = String(year);
        const token = `${digits.slice(0, cut)}${char}${digits.slice(cut)}`;
        assert.equal(attempt(() => parsePeriod(`As of ${token}`)), "refused", JSON.stringify(token));
      }),
    );
  });
});
