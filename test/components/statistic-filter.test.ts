import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { filterStatusText, matchingIds, type Facet } from "../../src/components/statistic-filter.ts";

const facets: Facet[] = [
  { id: "a", cluster: "Sialkot", country: "Pakistan", unit: "firms" },
  { id: "b", cluster: "Sialkot", country: "Pakistan", unit: "workers" },
  { id: "c", cluster: "Agra", country: "India", unit: "firms" },
  { id: "d", cluster: "Tiruppur", country: "India", unit: "percent" },
];

describe("the statistic filter", () => {
  it("picks the facets that match every chosen value, in their order; '' chooses all", async () => {
    assert.deepEqual(await matchingIds(facets, { cluster: "", country: "", unit: "" }), ["a", "b", "c", "d"]);
    assert.deepEqual(await matchingIds(facets, { cluster: "", country: "India", unit: "" }), ["c", "d"]);
    assert.deepEqual(await matchingIds(facets, { cluster: "", country: "India", unit: "firms" }), ["c"]);
    assert.deepEqual(await matchingIds(facets, { cluster: "Sialkot", country: "India", unit: "" }), []);
  });

  it("says all are shown, or how many match and where", () => {
    assert.equal(filterStatusText(80, { scope: "of the survey" }), "All 80 numbers of the survey shown.");
    assert.equal(filterStatusText(80, { scope: "of the survey", match: { ids: 10, marks: 2, rows: 7 } }), "10 of 80 numbers match: 2 in the chart, 7 in the lists of the text.");
  });
});
