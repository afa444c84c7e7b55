// Shared pieces of the charts that place printed numbers on a year axis: the numbers are
// scattered statements, not series, so they are drawn as separate marks (a point for a year, a
// horizontal span for a period such as 1995-96) and never joined by a line.
import { QUALIFIER_WORDS } from "../../data-loaders/parse/quantity.ts";
import type { DatedEvent } from "./events.js";
import { statisticHref, type ChartedStatistic } from "./marks.js";
import { wrapWords } from "./wrap.js";

/** A statistic as the timeline charts' queries return it. */
export interface DatedStatistic extends ChartedStatistic {
  panel: string;
  document: string;
  subject: string;
  measure: string;
  unit: string;
  period: string | null;
  year_start: number | null;
  year_end: number | null;
  cited_source: string | null;
  line: number;
}

/**
 * The printed number with its bound word. `printed` carries the document's own words
 * ("over a US$ 100 million", "nearly 50 percent"); only a bound stated away from the number,
 * kept in `qualifier`, is put before it.
 */
export function boundedPrinted(d: Pick<ChartedStatistic, "printed" | "qualifier">): string {
  const words = Object.values(QUALIFIER_WORDS).flat().map((w) => w.replace(/[.]/g, "\\.").replace(/ /g, "\\s+"));
  if (new RegExp(`^(?:${words.join("|")})\\b|\\+$|\\bor more$`, "i").test(d.printed.trim())) return d.printed;
  if (d.qualifier === "more_than") return `over ${d.printed}`;
  if (d.qualifier === "less_than") return `less than ${d.printed}`;
  if (d.qualifier === "almost") return `almost ${d.printed}`;
  return d.printed;
}

/** What a mark's link describes: the number as printed, what it is, when, and where it is printed. */
export function statementDescription(d: DatedStatistic): string {
  const what = `${d.subject}, ${d.measure.replaceAll("_", " ")}`;
  const when = d.period ? `, ${d.period}` : ", no year printed";
  const where = `${d.document}, line ${d.line}${d.cited_source ? `, citing ${d.cited_source}` : ""}`;
  return `${what}: ${boundedPrinted(d)}${when} (as printed in the ${where}).`;
}

/** The years a year axis spans: every statistic's and event's year, one year of margin each side. */
export function yearDomain(rows: readonly Pick<DatedStatistic, "year_start" | "year_end">[], events: readonly DatedEvent[] = []): [number, number] {
  const years = [...rows.flatMap((d) => [d.year_start, d.year_end]), ...events.map((e) => e.year)].filter((y): y is number => y !== null);
  return [Math.min(...years) - 1, Math.max(...years) + 1];
}

/**
 * Fields the layers below read: the link, the description, the label, where a mark sits on the
 * year axis, and how its label aligns (the outermost labels align inwards, to stay in the plot).
 */
export function datedValues<Row extends DatedStatistic>(rows: readonly Row[], label: (d: Row) => string) {
  const dated = rows.filter((d) => d.year_start !== null);
  const first = Math.min(...dated.map((d) => d.year_start!));
  const last = Math.max(...dated.map((d) => d.year_end ?? d.year_start!));
  return rows.map((d) => {
    const start = d.year_start;
    const end = d.year_end ?? d.year_start;
    return {
      ...d,
      href: statisticHref(d.id),
      description: statementDescription(d),
      label: label(d),
      label_line: label(d).replaceAll("\n", ", "),
      x_start: start,
      x_end: end,
      x_mid: start === null || end === null ? null : (start + end) / 2,
      span: start !== null && end !== null && end > start,
      label_align: start === first && first !== last ? "left" : end === last && first !== last ? "right" : "center",
    };
  });
}

type Y = { field: string; type: "quantitative"; [key: string]: unknown };

/** The lines of a title that fits `width` as Vega estimates text in Node (0.8 × characters × font size). */
export function titleLines(text: string, width: number, fontSize = 12): string[] {
  return wrapWords(text, Math.max(10, Math.floor((width - 10) / (0.8 * fontSize))));
}

/**
 * Text layers for the labels of `datum.label`: below the mark, in as many lines as the label
 * has (so that it grows away from its mark), unless `above` (a Vega expression) holds, where
 * the mark sits too low for that and the label goes above it on one line.
 */
export function labelLayers(x: (align: "left" | "center" | "right") => object, y: object, { narrow, above, alignField }: { narrow: boolean; above: string; alignField?: string }) {
  const aligns = alignField ? (["left", "center", "right"] as const) : (["center"] as const);
  return aligns.flatMap((align) =>
    (["below", "above"] as const).map((position) => ({
      transform: [{ filter: `${position === "above" ? "" : "!"}(${above})${alignField ? ` && datum.${alignField} === '${align}'` : ""}` }],
      mark: {
        type: "text" as const,
        align,
        baseline: position === "above" ? ("bottom" as const) : ("top" as const),
        dy: position === "above" ? -8 : 8,
        dx: align === "left" ? -4 : align === "right" ? 4 : 0,
        fontSize: narrow ? 9 : 10,
        lineBreak: "\n",
      },
      encoding: { x: x(align), y, text: { field: position === "above" ? "label_line" : "label" } },
    })),
  );
}

/**
 * Layers for one panel of dated statements on the shared x (year) axis: a thick horizontal rule
 * from year_start to year_end for a period of more than one year, a point for a single year
 * (an upward triangle for a lower bound such as "over"), and the printed words beside each
 * mark (see labelLayers; a mark below 40% of `domainMax` has its label above it).
 */
export function datedLayers(y: Y, { colour, narrow, domainMax }: { colour: string; narrow: boolean; domainMax: number }) {
  const x = { field: "x_start", type: "quantitative" } as const;
  const xOf = (align: "left" | "center" | "right") => ({ field: align === "left" ? "x_start" : align === "right" ? "x_end" : "x_mid", type: "quantitative" as const });
  return [
    {
      transform: [{ filter: "datum.span" }],
      mark: { type: "rule" as const, color: colour, strokeWidth: 5, strokeCap: "round" as const },
      encoding: { x, x2: { field: "x_end" }, y, href: { field: "href" }, description: { field: "description" } },
    },
    {
      transform: [{ filter: "!datum.span" }],
      mark: { type: "point" as const, filled: true, size: narrow ? 70 : 90, color: colour, opacity: 1 },
      encoding: {
        x,
        y,
        shape: { condition: { test: "datum.qualifier === 'more_than'", value: "triangle-up" }, value: "circle" },
        href: { field: "href" },
        description: { field: "description" },
      },
    },
    ...labelLayers(xOf, y, { narrow, above: `datum.${y.field} < ${0.4 * domainMax}`, alignField: "label_align" }),
  ];
}

/**
 * A dashed vertical rule at an event's year, with its label at the top of the panel: on the
 * rule's right, or on its left when the rule stands in the right half of the year axis `domain`.
 */
export function eventLayers(event: DatedEvent, { narrow, showLabel, domain }: { narrow: boolean; showLabel: boolean; domain: readonly [number, number] }) {
  const right = event.year > (domain[0] + domain[1]) / 2;
  const values = [{ year: event.year, label: event.label, description: `${event.label}: “${event.quote}” (${event.document}, line ${event.line})` }];
  const x = { field: "year", type: "quantitative" } as const;
  return [
    {
      data: { values },
      mark: { type: "rule" as const, color: "currentColor", strokeDash: [4, 3], strokeWidth: 1, opacity: 0.7 },
      encoding: { x, description: { field: "description" } },
    },
    ...(showLabel
      ? [
          {
            data: { values },
            mark: { type: "text" as const, align: right ? ("right" as const) : ("left" as const), baseline: "top" as const, dx: right ? -3 : 3, y: 0, fontSize: narrow ? 9 : 10, fontStyle: "italic" },
            encoding: { x, text: { field: "label" } },
          },
        ]
      : []),
  ];
}
