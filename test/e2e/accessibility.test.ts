import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { before, describe, it } from "node:test";
import { builtPages, cellsSettled, useSite } from "./site.ts";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe("accessibility (axe-core, WCAG 2 A and AA)", () => {
  const site = useSite();
  let axeSource: string;

  before(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no serious or critical violation on any page (${scheme} theme)`, async () => {
      const found: string[] = [];
      for (const path of await builtPages()) {
        const page = await site.browser.newPage({ colorScheme: scheme, viewport: { width: 1200, height: 900 } });
        await page.goto(site.origin + path, { waitUntil: "networkidle" });
        // Audit the finished page: one still loading, or with a failed cell, fails here.
        await cellsSettled(page);
        await page.addScriptTag({ content: axeSource });
        const violations: AxeViolation[] = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
          return result.violations;
        });
        for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
          found.push(`${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
        }
        await page.close();
      }
      assert.deepEqual(found, []);
    });
  }
});
