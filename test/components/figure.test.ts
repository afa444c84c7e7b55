import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { drawingKey, pickWidth } from "../../src/components/figure.ts";

describe("pickWidth", () => {
  it("picks the widest drawing that fits, or the narrowest when none does", () => {
    assert.equal(pickWidth([340, 680], 1000), 680);
    assert.equal(pickWidth([680, 340], 680), 680);
    assert.equal(pickWidth([340, 680], 500), 340);
    assert.equal(pickWidth([340, 680], 200), 340);
  });
});

describe("drawingKey", () => {
  const chart = { svg: { "340": "", "680": "", "340:linear": "", "680:linear": "" }, variants: ["log", "linear"], description: "" };

  it("keys the drawing that fits by its width, and by its variant unless it is the first", () => {
    assert.equal(drawingKey(chart, 1000), "680");
    assert.equal(drawingKey(chart, 500), "340");
    assert.equal(drawingKey(chart, 1000, "log"), "680");
    assert.equal(drawingKey(chart, 500, "linear"), "340:linear");
    assert.equal(drawingKey(chart, 1000, "no-such-variant"), "680");
  });

  it("names only drawings the chart has", () => {
    for (const width of [100, 340, 500, 680, 2000]) {
      for (const variant of [undefined, ...chart.variants]) assert.ok(drawingKey(chart, width, variant) in chart.svg, `${width} ${variant}`);
    }
    const plain = { svg: { "340": "", "680": "" }, variants: [], description: "" };
    assert.equal(drawingKey(plain, 700, "linear"), "680");
  });
});
