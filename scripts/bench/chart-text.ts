// What a reader sees of a page's charts at a width: the smallest chart text in CSS pixels (its
// font size times the drawing's scale), the labels that overprint another, and how far the page
// scrolls sideways. Shared by the document-first bench (scripts/bench/document-first.ts) and its
// browser test (test/e2e/document-first.test.ts).
import type { Page } from "playwright-core";

export interface ChartText {
  /** The smallest visible chart or diagram text, in CSS px; null on a page without one. */
  minTextPx: number | null;
  /** That text and its figure. */
  smallest: string | null;
  /** Pairs of visible labels of one drawing whose boxes overlap by more than 2 px each way. */
  overlaps: string[];
  /** How many CSS px the page scrolls sideways (0: none). */
  sidewaysPx: number;
}

/** Plain JavaScript text, run in the page (a function would carry tsx's helpers). */
const MEASURE = `(() => {
  let min = null, smallest = null;
  const overlaps = [];
  for (const svg of document.querySelectorAll("figure.chart svg, figure.diagram svg")) {
    if (!svg.checkVisibility()) continue;
    const boxes = [];
    for (const t of svg.querySelectorAll("text")) {
      const words = (t.textContent || "").trim();
      if (!words || !t.checkVisibility({ checkOpacity: true })) continue;
      const box = t.getBoundingClientRect();
      if (box.width === 0) continue;
      const size = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
      if (min === null || size < min) { min = size; smallest = (svg.closest("figure")?.id || "figure") + ": " + words.slice(0, 40); }
      boxes.push({ box, words });
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].box, b = boxes[j].box;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left), y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 2 && y > 2) overlaps.push((svg.closest("figure")?.id || "figure") + ": \\"" + boxes[i].words.slice(0, 30) + "\\" over \\"" + boxes[j].words.slice(0, 30) + "\\"");
    }
  }
  return { minTextPx: min === null ? null : Math.round(min * 100) / 100, smallest, overlaps, sidewaysPx: document.documentElement.scrollWidth - document.documentElement.clientWidth };
})()`;

export async function chartText(page: Page): Promise<ChartText> {
  return (await page.evaluate(MEASURE)) as ChartText;
}
