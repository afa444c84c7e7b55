// Every page in print media, as a reader prints it from the browser (src/print.css): no control
// prints as a dead widget, disclosures print their content.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtPages, cellsSettled, useSite } from "./site.ts";

/** In the page: what prints that only the screen can use, described. A string: see cellsSettled. */
const VISIBLE_CONTROLS = `(() => {
  const shown = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && e.getBoundingClientRect().width > 0;
  const describe = (e) => e.outerHTML.slice(0, 120);
  const controls = [...document.querySelectorAll("input, select, textarea, button, [contenteditable], label[for='observablehq-sidebar-toggle'], #observablehq-sidebar, #observablehq-toc")]
    .filter(shown)
    // A number's button (until numbers are links) prints as the number: no border, no background.
    .filter((e) => !(e.matches("button.stat") && getComputedStyle(e).borderTopStyle === "none" && getComputedStyle(e).borderBottomStyle === "none" && getComputedStyle(e).backgroundColor === "rgba(0, 0, 0, 0)" || e.matches("button.stat.flagged")))
    .map(describe);
  const hiddenDetails = [...document.querySelectorAll("#observablehq-main details")]
    .filter(shown)
    .filter((d) => [...d.children].some((c) => c.tagName !== "SUMMARY" && !shown(c)))
    .map(describe);
  return { controls, hiddenDetails };
})()`;

describe("print media, every page", () => {
  const site = useSite();

  it("prints no form control, sidebar or page contents list, and every disclosure's content", async () => {
    const pages = await builtPages();
    assert.ok(pages.length >= 12, `${pages.length} pages`);
    const problems: string[] = [];
    for (const path of pages) {
      for (const javaScriptEnabled of [true, false]) {
        const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 900, height: 1200 } });
        const page = await context.newPage();
        await page.goto(site.origin + path);
        if (javaScriptEnabled) await cellsSettled(page);
        await page.emulateMedia({ media: "print" });
        const { controls, hiddenDetails } = (await page.evaluate(VISIBLE_CONTROLS)) as { controls: string[]; hiddenDetails: string[] };
        const mode = javaScriptEnabled ? "" : " (no JS)";
        for (const c of controls) problems.push(`${path}${mode}: prints ${c}`);
        for (const d of hiddenDetails) problems.push(`${path}${mode}: a disclosure prints closed: ${d}`);
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
  });
});
