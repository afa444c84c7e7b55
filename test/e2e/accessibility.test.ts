import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { serveStatic } from "../../scripts/static-server.ts";
import { launchChromium } from "./browser.ts";

const DIST = join(PROJECT_ROOT, "dist");

async function builtPages(): Promise<string[]> {
  const pages: string[] = [];
  for (const entry of await readdir(DIST, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html") || entry.parentPath.includes("_")) continue;
    const path = `/${relative(DIST, join(entry.parentPath, entry.name)).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`;
    if (path !== "/404") pages.push(path);
  }
  return pages.sort();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe("accessibility (axe-core, WCAG 2 A and AA)", () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let axeSource: string;

  before(async () => {
    ({ server, url: origin } = await serveStatic(DIST));
    browser = await launchChromium();
    axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no serious or critical violation on any page (${scheme} theme)`, async () => {
      const found: string[] = [];
      for (const path of await builtPages()) {
        const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1200, height: 900 } });
        await page.goto(origin + path, { waitUntil: "networkidle" });
        await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, { timeout: 10_000 }).catch(() => {});
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
