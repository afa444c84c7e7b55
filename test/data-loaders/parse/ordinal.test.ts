import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParseError } from "../../../data-loaders/errors.ts";
import { parseOrdinal } from "../../../data-loaders/parse/ordinal.ts";

describe("parseOrdinal", () => {
  const cases: [string, [number, number]][] = [
    ["Low", [1, 1]],
    ["Medium", [3, 3]],
    ["High", [5, 5]],
    ["Medium to High", [3, 5]],
    ["Medium to Low", [1, 3]],
    ["medium to low", [1, 3]],
    ["High to medium high", [4, 5]],
    ["Low to medium", [1, 3]],
    ["Meidum to high", [3, 5]],
  ];
  for (const [printed, [low, high]] of cases) {
    it(`reads ${JSON.stringify(printed)}`, () => assert.deepEqual(parseOrdinal(printed), { low, high }));
  }
  for (const bad of ["Very high", "", "Low to", "Low to medium to high"]) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.throws(() => parseOrdinal(bad), ParseError));
  }
});
