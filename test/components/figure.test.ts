import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pickWidth } from "../../src/components/figure.ts";

describe("pickWidth", () => {
  it("picks the widest drawing that fits, or the narrowest when none does", () => {
    assert.equal(pickWidth([340, 680], 1000), 680);
    assert.equal(pickWidth([680, 340], 680), 680);
    assert.equal(pickWidth([340, 680], 500), 340);
    assert.equal(pickWidth([340, 680], 200), 340);
  });
});
