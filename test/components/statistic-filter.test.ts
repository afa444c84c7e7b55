import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { optionCounts } from "../../src/components/filter-bar.ts";
import { filterSearch, filterStatusText, matchingIds, matchPlaces, type Facet } from "../../src/components/statistic-filter.ts";
import { readerLabel } from "../../src/portable/labels.ts";

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

describe("the filter's options, places and address", () => {
  const fields = [
    { name: "cluster", label: "Cluster" },
    { name: "country", label: "Country" },
    { name: "unit", label: "Unit" },
  ];
  it("counts what each option would leave, given the other fields' choices", () => {
    const counts = optionCounts(facets, fields, { cluster: "", country: "India", unit: "" });
    assert.deepEqual(Object.fromEntries(counts.cluster!), { "": 2, Agra: 1, Tiruppur: 1 });
    assert.deepEqual(Object.fromEntries(counts.country!), { "": 4, Pakistan: 2, India: 2 }, "a field's own choice does not narrow its options");
    assert.equal(counts.cluster!.get("Sialkot"), undefined, "Sialkot is not in India");
  });

  it("places every match once: chart, else lists, else only the table, else nowhere", () => {
    const places = matchPlaces(["a", "b", "c", "d"], { chart: new Set(["a"]), lists: new Set(["a", "b"]), table: new Set(["a", "c"]) });
    assert.deepEqual(places, { ids: 4, marks: 1, rows: 1, tableOnly: 1, nowhere: 1 });
    assert.equal(filterStatusText(80, { scope: "of the survey", match: places }), "4 of 80 numbers match: 1 in the chart, 1 in the lists of the text, 1 only in the printed table, 1 not shown on this page.");
    assert.equal(filterStatusText(80, { scope: "of the survey", match: { ids: 0, marks: 0, rows: 0 } }), "None of the 80 numbers matches these filters together.");
  });

  it("writes the choices into the query string, keeping its other parameters", () => {
    assert.equal(filterSearch("?x=1&cluster=Agra", { cluster: "Sialkot", unit: "" }), "?x=1&cluster=Sialkot");
    assert.equal(filterSearch("?cluster=Agra", { cluster: "" }), "");
  });
});

describe("readerLabel", () => {
  it("writes names as words, with the documents' capitals", () => {
    assert.equal(readerLabel("share_of_output_exported_to_ussr"), "share of output exported to USSR");
    assert.equal(readerLabel("share of purchases former us buyer"), "share of purchases former US buyer");
    assert.equal(readerLabel("iso_certified_firms_by_ba"), "ISO certified firms by BA");
    assert.equal(readerLabel("clusters_with_numbers"), "clusters with numbers");
    assert.equal(readerLabel("Sinos Valley"), "Sinos Valley");
  });
});
