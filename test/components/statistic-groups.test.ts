import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { groupAnchor } from "../../src/components/statistic-groups.ts";

describe("groupAnchor", () => {
  it("makes a group's name an anchor: lower case, each run of other characters a hyphen", () => {
    assert.equal(groupAnchor("in-text-", "Palar Valley"), "in-text-palar-valley");
    assert.equal(groupAnchor("in-text-", "Trade-liberalization shocks"), "in-text-trade-liberalization-shocks");
    assert.equal(groupAnchor("", "Guadalajara and Leon"), "guadalajara-and-leon");
  });
});
