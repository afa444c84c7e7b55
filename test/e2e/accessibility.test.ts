// axe-core (WCAG 2 A and AA) on every page in every way a reader meets it (issue 12): 1400 and
// 375 px, scripts on and off, light and dark. No serious or critical violation is allowed. Also:
// every region that scrolls sideways can be reached and named (a tab stop with a label).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { builtPages, cellsSettled, useSite } from "./site.ts";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page, axeSource: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Scrolling boxes (sideways) that are not a labelled tab stop. Plain JavaScript text, run in the page. */
const UNREACHABLE_SCROLLERS = `[...document.querySelectorAll("#observablehq-main *")].filter((e) => {
  const style = getComputedStyle(e);
  if (!/auto|scroll/.test(style.overflowX) || e.scrollWidth <= e.clientWidth + 1 || !e.checkVisibility()) return false;
  return !(e.tabIndex >= 0 && (e.getAttribute("aria-label") || e.getAttribute("aria-labelledby")));
}).map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : ""))`;

const WIDTHS = [
  { name: "1400 px", viewport: { width: 1400, height: 900 } },
  { name: "375 px", viewport: { width: 375, height: 812 } },
] as const;

describe("accessibility (axe-core, WCAG 2 A and AA) on every page, 1400 and 375 px, scripts on and off, light and dark", () => {
  const site = useSite();
  let axeSource: string;

  before(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  });

  for (const width of WIDTHS) {
    for (const scripts of [true, false]) {
      for (const scheme of ["light", "dark"] as const) {
        it(`has no serious or critical violation, and every sideways scroller is a labelled tab stop (${width.name}, scripts ${scripts ? "on" : "off"}, ${scheme})`, async () => {
          const found: string[] = [];
          for (const path of await builtPages()) {
            // axe itself is a script: with scripts "off", the page's own scripts (Framework's
            // client and the page's modules) are refused, so the page is what a reader without
            // scripts gets, and axe is added through the protocol.
            const context = await site.browser.newContext({ colorScheme: scheme, viewport: width.viewport });
            const page = await context.newPage();
            if (!scripts) {
              await page.route("**/_observablehq/**/*.js", (route) => route.abort());
              await page.route("**/_import/**/*.js", (route) => route.abort());
              await page.route("**/_npm/**/*.js", (route) => route.abort());
            }
            await page.goto(site.origin + path, { waitUntil: scripts ? "networkidle" : "load" });
            if (scripts) await cellsSettled(page);
            for (const v of await seriousViolations(page, axeSource)) found.push(`${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
            for (const s of (await page.evaluate(UNREACHABLE_SCROLLERS)) as string[]) found.push(`${path}: ${s} scrolls sideways but is no labelled tab stop`);
            await context.close();
          }
          assert.deepEqual(found, []);
        });
      }
    }
  }
});
