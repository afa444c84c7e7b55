// Every page in print media, as a reader prints it from the browser (src/print.css): no control
// prints as a dead widget, disclosures print their content, and provenance prints as endnotes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PAGES } from "../../site/view/report-map.ts";
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

/** In the page: its numbers, the note marks that print after them, and the endnotes they lead to. */
const ENDNOTES = `(() => {
  const shown = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && e.getBoundingClientRect().width > 0;
  const main = document.querySelector("#observablehq-main");
  const numbers = main.querySelectorAll(".stat").length;
  const notes = [...main.querySelectorAll(".endnotes")].filter(shown);
  const items = new Set(notes.flatMap((n) => [...n.querySelectorAll("li[id]")].filter(shown).map((li) => li.id)));
  const refs = [...main.querySelectorAll(".note-ref a[href^='#']")];
  const hiddenRefs = refs.filter((a) => !shown(a)).length;
  const dangling = refs.map((a) => a.getAttribute("href").slice(1)).filter((id) => !items.has(id));
  return { numbers, endnotes: notes.length, items: items.size, refs: refs.length, hiddenRefs, dangling: [...new Set(dangling)].slice(0, 5) };
})()`;

describe("print media: provenance as endnotes", () => {
  const site = useSite();

  it("on every page with numbers: a note mark after each, and the endnotes it leads to", async () => {
    const problems: string[] = [];
    const checked: string[] = [];
    for (const path of await builtPages()) {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(site.origin + path);
      await page.emulateMedia({ media: "print" });
      const r = (await page.evaluate(ENDNOTES)) as { numbers: number; endnotes: number; items: number; refs: number; hiddenRefs: number; dangling: string[] };
      await context.close();
      if (r.numbers === 0) continue;
      checked.push(path);
      if (r.endnotes !== 1) problems.push(`${path}: ${r.endnotes} endnotes sections print (${r.numbers} numbers)`);
      if (r.refs === 0 || r.hiddenRefs > 0) problems.push(`${path}: ${r.refs} note marks, ${r.hiddenRefs} of them not printed`);
      if (r.items === 0) problems.push(`${path}: no endnote prints`);
      if (r.dangling.length > 0) problems.push(`${path}: note marks lead to no printed endnote: ${r.dangling.join(", ")}`);
    }
    for (const path of ["/", PAGES.survey, PAGES.sinosValley, PAGES.sialkot, PAGES.guadalajara, PAGES.finalDiscussion]) assert.ok(checked.includes(path), `${path} has numbers: checked ${checked.join(", ")}`);
    assert.deepEqual(problems, []);
  });
});
