// Issue 12's performance and reading targets, page by page, beside the reference page: the first
// chart is painted with the HTML (its time within 50 ms of first contentful paint), at most 60 kB
// reach the reader before it, and chart text is readable (≥ 9 CSS px at 375 px, ≥ 11 px on a
// 1400 px desktop; scripts/bench/chart-text.ts measures it, as test/e2e/document-first.test.ts does).
// The timings and bytes are the pages part's (scripts/bench/pages.ts), measured here when that
// part did not run.
import type { Browser } from "playwright-core";
import { builtPages } from "../../site/build/built-pages.ts";
import { chartText, type ChartText } from "./chart-text.ts";
import { measurePageMedian, type PageMetrics } from "./pages.ts";
import type { CountingServer } from "./traffic.ts";

export const DOCUMENT_FIRST_LIMITS = {
  /** First chart no later than this after first contentful paint. */
  firstChartAfterFcpMs: 50,
  /** 60 kB (1 kB = 1000 bytes), headers included, as the server counts them. */
  bytesBeforeFirstChart: 60_000,
  phoneTextPx: 9,
  desktopTextPx: 11,
} as const;

export interface DocumentFirstPage {
  path: string;
  firstContentfulPaintMs: number | null;
  firstChartMs: number | null;
  bytesBeforeFirstChart: number | null;
  firstChartIn: string | null;
  phone: ChartText;
  desktop: ChartText;
}

export interface DocumentFirstMetrics {
  pages: DocumentFirstPage[];
  reference: Pick<DocumentFirstPage, "firstContentfulPaintMs" | "firstChartMs" | "bytesBeforeFirstChart"> | null;
}

/** The reader's pages: the number pages (one template, no chart) are left out. */
export async function documentPages(dist: string): Promise<string[]> {
  return (await builtPages(dist)).filter((p) => !p.startsWith("/numbers/"));
}

async function textAt(browser: Browser, origin: string, path: string, phone: boolean): Promise<ChartText> {
  const context = await browser.newContext(phone ? { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(origin + path, { waitUntil: "load" });
    return await chartText(page);
  } finally {
    await context.close();
  }
}

/**
 * Measures every reader's page: timings and bytes (reusing `measured`, the pages part's results,
 * when given), and chart text at 375 and 1400 px. `reference` is the pages part's reference page.
 */
export async function measureDocumentFirst(
  browser: Browser,
  server: CountingServer,
  dist: string,
  log: (line: string) => void,
  { measured, reference }: { measured?: readonly PageMetrics[]; reference?: PageMetrics | null } = {},
): Promise<DocumentFirstMetrics> {
  const pages: DocumentFirstPage[] = [];
  for (const path of await documentPages(dist)) {
    const timing = measured?.find((m) => m.path === path) ?? (await measurePageMedian(browser, server, path));
    const page: DocumentFirstPage = {
      path,
      firstContentfulPaintMs: timing.firstContentfulPaintMs,
      firstChartMs: timing.firstChartMs,
      bytesBeforeFirstChart: timing.bytesBeforeFirstChart,
      firstChartIn: timing.firstChartIn,
      phone: await textAt(browser, server.url, path, true),
      desktop: await textAt(browser, server.url, path, false),
    };
    pages.push(page);
    const gap = page.firstChartMs === null || page.firstContentfulPaintMs === null ? "no chart" : `first chart ${Math.round(page.firstChartMs - page.firstContentfulPaintMs)} ms after FCP`;
    log(`  ${path}: ${gap}, ${page.bytesBeforeFirstChart === null ? "–" : `${(page.bytesBeforeFirstChart / 1000).toFixed(1)} kB before it`}; chart text ${page.phone.minTextPx ?? "–"} px at 375, ${page.desktop.minTextPx ?? "–"} px at 1400`);
  }
  return {
    pages,
    reference: reference ? { firstContentfulPaintMs: reference.firstContentfulPaintMs, firstChartMs: reference.firstChartMs, bytesBeforeFirstChart: reference.bytesBeforeFirstChart } : null,
  };
}

interface Target {
  target: string;
  pass: boolean | null;
  detail: string;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** One PASS/FAIL line per page with a chart for each target, and one for chart text on every page. */
export function documentFirstTargets(m: DocumentFirstMetrics): Target[] {
  const L = DOCUMENT_FIRST_LIMITS;
  const ref = m.reference;
  const refGap = ref && ref.firstChartMs !== null && ref.firstContentfulPaintMs !== null ? ` (reference page: ${Math.round(ref.firstChartMs - ref.firstContentfulPaintMs)} ms after FCP, ${ref.bytesBeforeFirstChart === null ? "–" : kB(ref.bytesBeforeFirstChart)} before it)` : "";
  const targets: Target[] = [];
  for (const p of m.pages.filter((p) => p.firstChartMs !== null)) {
    const gap = p.firstContentfulPaintMs === null ? null : p.firstChartMs! - p.firstContentfulPaintMs;
    targets.push({
      target: `${p.path}: first chart within ${L.firstChartAfterFcpMs} ms of first contentful paint`,
      pass: gap === null ? null : gap <= L.firstChartAfterFcpMs,
      detail: gap === null ? "no first contentful paint reported" : `FCP ${Math.round(p.firstContentfulPaintMs!)} ms, first chart ${Math.round(p.firstChartMs!)} ms (${p.firstChartIn ?? "?"})${refGap}`,
    });
    targets.push({
      target: `${p.path}: ≤ ${kB(L.bytesBeforeFirstChart)} before the first chart`,
      pass: p.bytesBeforeFirstChart! <= L.bytesBeforeFirstChart,
      detail: kB(p.bytesBeforeFirstChart!),
    });
  }
  const small = (key: "phone" | "desktop", limit: number) => m.pages.filter((p) => p[key].minTextPx !== null && p[key].minTextPx! < limit);
  const smallest = (key: "phone" | "desktop") => [...m.pages].filter((p) => p[key].minTextPx !== null).sort((a, b) => a[key].minTextPx! - b[key].minTextPx!)[0];
  for (const [key, limit, width] of [["phone", L.phoneTextPx, 375], ["desktop", L.desktopTextPx, 1400]] as const) {
    const under = small(key, limit);
    const least = smallest(key);
    targets.push({
      target: `chart text ≥ ${limit} px at ${width} px on every page`,
      pass: under.length === 0,
      detail: under.length ? `under: ${under.map((p) => `${p.path} ${p[key].minTextPx} px (${p[key].smallest})`).join(", ")}` : least ? `smallest: ${least.path} ${least[key].minTextPx} px (${least[key].smallest})` : "no chart",
    });
  }
  const sideways = m.pages.filter((p) => p.phone.sidewaysPx > 0);
  targets.push({ target: "no page scrolls sideways at 375 px", pass: sideways.length === 0, detail: sideways.length ? sideways.map((p) => `${p.path} ${p.phone.sidewaysPx} px`).join(", ") : `${m.pages.length} pages` });
  return targets;
}

/** The section of bench/results.md. */
export function documentFirstMarkdown(m: DocumentFirstMetrics): string[] {
  const cell = (v: number | null, f: (x: number) => string | number) => (v === null ? "–" : String(f(v)));
  const rows = m.pages.map((p) =>
    `| ${p.path} | ${cell(p.firstContentfulPaintMs, Math.round)} | ${cell(p.firstChartMs, Math.round)} | ${p.firstChartMs === null || p.firstContentfulPaintMs === null ? "–" : Math.round(p.firstChartMs - p.firstContentfulPaintMs)} | ${cell(p.bytesBeforeFirstChart, (b) => (b / 1000).toFixed(1))} | ${p.phone.minTextPx ?? "–"} | ${p.desktop.minTextPx ?? "–"} | ${p.phone.sidewaysPx} |`,
  );
  const r = m.reference;
  if (r) rows.push(`| **reference** | ${cell(r.firstContentfulPaintMs, Math.round)} | ${cell(r.firstChartMs, Math.round)} | ${r.firstChartMs === null || r.firstContentfulPaintMs === null ? "–" : Math.round(r.firstChartMs - r.firstContentfulPaintMs)} | ${cell(r.bytesBeforeFirstChart, (b) => (b / 1000).toFixed(1))} | – | – | – |`);
  return [
    "## Document first (issue 12)",
    "",
    "| page | FCP (ms) | first chart (ms) | chart − FCP (ms) | bytes before first chart (kB) | smallest chart text at 375 px | at 1400 px | sideways at 375 px |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "First chart: the first frame in which a chart or diagram SVG is laid out and visible (scripts/bench/pages.ts); FCP: Chromium's first-contentful-paint entry; both from navigation start, median run of the pages part. Chart text: the smallest visible SVG text of a chart or diagram in CSS px (font size × drawing scale), at 375 px (mobile, DPR 2) and 1400 px. The number pages (one template, no chart) are not measured here.",
    "",
  ];
}
