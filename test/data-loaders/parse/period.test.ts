import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ParseError } from "../../../data-loaders/errors.ts";
import { parsePeriod } from "../../../data-loaders/parse/period.ts";

describe("parsePeriod", () => {
  const cases: [string, [number, number] | null][] = [
    ["", null],
    ["1993", [1993, 1993]],
    ["1995-96", [1995, 1996]],
    ["1996/97", [1996, 1997]],
    ["1991-92", [1991, 1992]],
    ["1999-00", [1999, 2000]],
    ["1995-1996", [1995, 1996]],
    ["2000-2001", [2000, 2001]],
    ["1990 to 1995", [1990, 1995]],
    ["between 1990 and 1995", [1990, 1995]],
    ["late 1980s", [1987, 1989]],
    ["early 1990s", [1990, 1993]],
    ["mid-1990s", [1994, 1996]],
    ["1940s", [1940, 1949]],
    ["19th century", [1800, 1899]],
    ["since the 20th century", [1900, 1999]],
    ["by the end of 1997", [1997, 1997]],
    ["December 1999", [1999, 1999]],
    ["As of 2000", [2000, 2000]],
    ["Throughout most of the 1980s and until 1998-99", [1980, 1999]],
  ];
  for (const [printed, expected] of cases) {
    it(`reads ${JSON.stringify(printed)}`, () => {
      const period = parsePeriod(printed);
      assert.deepEqual(period && [period.start, period.end], expected);
    });
  }
  for (const bad of ["recently", "To date", "1997-95"]) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.throws(() => parsePeriod(bad), ParseError));
  }

  it("reads any fiscal year 'YYYY-YY' as two consecutive years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2098 }), fc.constantFrom("-", "/"), (start, sep) => {
        const end = start + 1;
        const period = parsePeriod(`${start}${sep}${String(end).slice(2)}`)!;
        assert.deepEqual([period.start, period.end], [start, end]);
      }),
    );
  });

  it("gives any decade, qualified or not, a span inside that decade", () => {
    fc.assert(
      fc.property(fc.integer({ min: 180, max: 209 }), fc.constantFrom("", "early ", "mid ", "late "), (d, part) => {
        const decade = d * 10;
        const period = parsePeriod(`${part}${decade}s`)!;
        assert.ok(period.start >= decade && period.end <= decade + 9 && period.start <= period.end);
      }),
    );
  });

  it("finds any year embedded in words", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2099 }), fc.constantFrom("in ", "by the end of ", "since ", "As of "), (year, words) => {
        assert.deepEqual(parsePeriod(`${words}${year}`), { start: year, end: year });
      }),
    );
  });
});
