// Renders a chart spec the way the build does (site/render/render.ts), and reads back the
// marks that carry links, from Vega's scenegraph, for the chart tests.
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { renderSvg, toVega } from "../../../site/render/render.ts";

/** A drawn mark that links to a statistic. */
export interface LinkedMark {
  marktype: string;
  href: string;
  description: string;
  x: number;
  x2: number | undefined;
  y: number;
  y2: number | undefined;
  width: number | undefined;
}

interface SceneItem {
  mark?: { marktype?: string; items?: SceneItem[] };
  items?: SceneItem[];
  href?: string;
  description?: string;
  x?: number;
  x2?: number;
  y?: number;
  y2?: number;
  width?: number;
}

function collect(item: SceneItem, out: LinkedMark[]): void {
  if (item.href && item.mark?.marktype) {
    out.push({
      marktype: item.mark.marktype,
      href: item.href,
      description: item.description ?? "",
      x: item.x ?? 0,
      x2: item.x2,
      y: item.y ?? 0,
      y2: item.y2,
      width: item.width,
    });
  }
  for (const child of item.items ?? []) collect(child, out);
}

/** The chart drawn: its SVG, the SVG's width, its linked marks, and the mark types of the compiled Vega spec. */
export async function render(spec: TopLevelSpec): Promise<{ svg: string; width: number; marks: LinkedMark[]; marktypes: Set<string> }> {
  const compiled = toVega(spec);
  const svg = await renderSvg(compiled);
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    await view.runAsync();
    const marks: LinkedMark[] = [];
    collect((view.scenegraph() as unknown as { root: SceneItem }).root, marks);
    const marktypes = new Set<string>();
    const visit = (list: readonly vega.Mark[] | undefined): void => {
      for (const mark of list ?? []) {
        marktypes.add(mark.type);
        if (mark.type === "group") visit((mark as vega.GroupMark).marks);
      }
    };
    visit(compiled.marks);
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    return { svg, width, marks, marktypes };
  } finally {
    view.finalize();
  }
}
