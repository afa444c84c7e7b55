// In the browser (test/e2e/links.test.ts reads the same links from the HTML and checks where they land).
// Links that look like links navigate, and nothing else looks like one: on every page, no
// dead link (`href="#"`, `javascript:`, an anchor without href styled as a link), every in-page
// link names an element of the page, and no button looks like a link (underlined, or in the
// link colour with neither background nor border). A number on /audit ("In question: 61.6%")
// is a link: a click, Enter and Ctrl+click follow it to the number's page, while its "i"
// button opens the provenance card.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtPages, cellsSettled, useSite } from "./site.ts";

describe("links on every page", () => {
  const site = useSite();

  it("navigate, name something, and nothing else looks like one", async () => {
    const problems: string[] = [];
    let links = 0;
    for (const path of await builtPages()) {
      const page = await site.browser.newPage();
      await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
      await cellsSettled(page);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const sample = document.querySelector("#observablehq-main a[href]:not([class])") ?? document.querySelector("a[href]");
        const linkColor = sample ? getComputedStyle(sample).color : "";
        const anchors = [...document.querySelectorAll("a")];
        for (const a of anchors) {
          const href = a.getAttribute("href");
          const style = getComputedStyle(a);
          if (href === null) {
            if (style.cursor === "pointer" || style.textDecorationLine.includes("underline")) out.push(`an anchor without href styled as a link: ${a.outerHTML.slice(0, 100)}`);
          } else if (href === "#" || /^\s*javascript:/i.test(href)) out.push(`a dead link: ${a.outerHTML.slice(0, 100)}`);
          else if (href.startsWith("#") && href.length > 1) {
            let id = href.slice(1);
            try {
              id = decodeURIComponent(id);
            } catch {
              out.push(`a malformed fragment: ${href}`);
            }
            if (!document.getElementById(id)) out.push(`an in-page link to nothing: ${href}`);
          }
        }
        // A figure's PNG is made in the page by a button that does what its neighbours, the SVG
        // and CSV download links, do: it downloads a file, so it is shown as one of them.
        for (const b of document.querySelectorAll("button:not(.figure-download), [role=button]")) {
          const s = getComputedStyle(b);
          const bare = s.backgroundColor === "rgba(0, 0, 0, 0)" && s.borderStyle === "none";
          if (s.textDecorationLine.includes("underline") || (bare && s.color === linkColor && (b.textContent ?? "").trim() !== "")) {
            out.push(`a button that looks like a link: .${(b as HTMLElement).className || b.tagName} "${(b.textContent ?? "").trim().slice(0, 30)}"`);
          }
        }
        return { out: [...new Set(out)], links: anchors.length };
      });
      links += found.links;
      problems.push(...found.out.map((p) => `${path}: ${p}`));
      await page.close();
    }
    assert.ok(links > 500, `${links} links seen`);
    assert.deepEqual(problems, []);
  });

  it("a number on /audit follows to its page on click, Enter and Ctrl+click; its button opens the card", async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
      await cellsSettled(page);
      const number = page.locator(".finding-numbers a.stat").first();
      const href = (await number.getAttribute("href"))!;
      const expected = new URL(href, page.url()).pathname;
      assert.match(expected, /^\/numbers\//);

      // Ctrl+click: a new tab with the number's page; this one stays.
      const [opened] = await Promise.all([context.waitForEvent("page"), number.click({ modifiers: ["Control"] })]);
      await opened.waitForLoadState("domcontentloaded");
      assert.equal(new URL(opened.url()).pathname, expected);
      assert.equal(new URL(page.url()).pathname, "/audit");
      await opened.close();

      // The button beside it opens the provenance card, and navigates nowhere.
      const button = page.locator(".finding-numbers button.stat-source").first();
      await button.click();
      const card = (await button.getAttribute("popovertarget"))!;
      assert.equal(await page.evaluate((id) => document.getElementById(id)?.matches(":popover-open"), card), true);
      assert.equal(new URL(page.url()).pathname, "/audit");
      await page.keyboard.press("Escape");

      // Enter on the focused number, then a plain click.
      await number.focus();
      await Promise.all([page.waitForURL((url) => url.pathname === expected), page.keyboard.press("Enter")]);
      await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
      await cellsSettled(page);
      await Promise.all([page.waitForURL((url) => url.pathname === expected), page.locator(".finding-numbers a.stat").first().click()]);
    } finally {
      await context.close();
    }
  });
});
